// Refresh of the rollups the engagement and content analytics read (migration 007):
// content_stats per item and space_activity_monthly per space, account and month. Called by
// refreshRollups inside the import transaction, so the rollups land with the data or not at all.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import type { DayRange } from '../types';
import { addDays, monthOf, monthRange } from './compare';

/**
 * Rebuilds content_stats for the items import run `runId` touched (its items, the ancestors of
 * its comments, the items its views, reactions and shares act on); `null` rebuilds every row
 * (after pruning). Rows of items no longer stored are removed by the full rebuild only.
 */
export async function refreshContentStats(connection: DuckDBConnection, runId: number | null): Promise<void> {
  // Into an empty table (a first import) every item is new: no need to work out what the run touched.
  const empty = (await queryRows<{ n: number }>(connection, 'SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM content_stats LIMIT 1)'))[0].n === 0;
  const run = empty ? null : runId;
  await connection.run(readSql('content-stats-touched'), { run });
  await connection.run('DELETE FROM content_stats WHERE $run IS NULL OR content_id IN (SELECT content_id FROM content_touched)', { run });
  await connection.run(readSql('content-stats-insert'));
  await connection.run('DROP TABLE content_touched');
}

/**
 * Rebuilds space_activity_monthly for the calendar months of local days `from`..`to` (inclusive,
 * YYYY-MM-DD), one month at a time (inside the import transaction a year of ten million events
 * at once can exceed DuckDB's memory limit). Reads each item's space from content_stats, so
 * refresh that first. With `everything` the rows of all other months are removed as well (after
 * pruning). space_audience (first contact per space and person) is rebuilt from it afterwards.
 */
export async function refreshSpaceActivity(connection: DuckDBConnection, days: DayRange | null, everything: boolean): Promise<void> {
  if (everything) await connection.run('DELETE FROM space_activity_monthly');
  if (days) {
    for (const chunk of monthChunks({ from: monthRange(monthOf(days.from)).from, to: monthRange(monthOf(days.to)).to })) {
      if (!everything) await connection.run('DELETE FROM space_activity_monthly WHERE month = $from::DATE', { from: chunk.from });
      await connection.run(readSql('space-activity-monthly-refresh'), { ...chunk });
    }
  }
  if (!days && !everything) return;
  // A whole rebuild: one pass over a table of a few hundred thousand rows even at ten million events.
  await connection.run('DELETE FROM space_audience');
  await connection.run(readSql('space-audience-refresh'));
}

/** The range cut at month ends: [from..end of its month], [next month], ..., [..to]. */
export function monthChunks(range: DayRange): DayRange[] {
  const out: DayRange[] = [];
  let from = range.from;
  while (from <= range.to) {
    const end = monthRange(monthOf(from)).to;
    const to = end < range.to ? end : range.to;
    out.push({ from, to });
    from = addDays(to, 1);
  }
  return out;
}
