// The rollup refresh after an incremental import: a copy of the benchmark database (ten million
// events) receives one million NEW events (new ids, on existing items, spread over the whole
// year as late-arriving activity is), imported by the canonical importer. Prints the whole
// import time and, measured again on its own, the refresh of the rollups the analytics read
// (activity_daily, content_stats, space_activity_monthly) for what that run touched.
// Run alone: node --import tsx test/bench/refresh-bench.ts <benchmark database> [events]
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeDatabase, openDatabase, queryRows, withConnection } from '../../analytics/db';
import { loadCanonical } from '../../analytics/ingest/canonical';
import { refreshRollups } from '../../analytics/ingest/load';

export interface RefreshFigures {
  events: number;
  importSeconds: number;
  refreshSeconds: number;
  peakRssMb: number;
}

/**
 * Writes an export of `events` new events drawn from the database at `benchDb`, imports it into
 * a copy of that database and times the import and, separately, the rollup refresh of its run.
 */
export async function benchRefresh(benchDb: string, events: number, print: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<RefreshFigures> {
  const work = join(benchDb, '..', 'refresh');
  const exportDir = join(work, `export-${events}`);
  const copy = join(work, 'refresh.duckdb');
  mkdirSync(work, { recursive: true });
  rmSync(copy, { force: true });
  rmSync(`${copy}.wal`, { force: true });
  copyFileSync(benchDb, copy);
  const db = await openDatabase(copy, { memoryLimit: '1.5GB' });
  try {
    if (!existsSync(join(exportDir, 'events.csv'))) {
      mkdirSync(exportDir, { recursive: true });
      await withConnection(db, async (c) => {
        await c.run(
          `COPY (SELECT person_id, department, location, employed_from, employed_to, account_type FROM people WHERE NOT is_placeholder ORDER BY person_id)
           TO '${join(exportDir, 'people.csv')}' (HEADER)`,
        );
        // New ids, a few minutes later than a sampled existing event: same days, same items.
        await c.run(
          `COPY (SELECT 'late-' || row_number() OVER () AS event_id,
                   strftime(occurred_at + INTERVAL 7 MINUTE, '%Y-%m-%dT%H:%M:%S%z') AS occurred_at,
                   actor_id, action, content_id, target_id, detail
                 FROM (SELECT * FROM events WHERE action <> 'join' USING SAMPLE ${Math.floor(events)} ROWS (reservoir, 7)))
           TO '${join(exportDir, 'events.csv')}' (HEADER)`,
        );
      });
    }
    const began = performance.now();
    const summary = await loadCanonical(db, exportDir);
    const importSeconds = (performance.now() - began) / 1000;
    const runId = summary.runId;
    print(`  import of ${summary.loaded.events.toLocaleString("en")} new events (run ${runId}), rollups included: ${importSeconds.toFixed(1)} s`);
    const again = performance.now();
    await withConnection(db, async (c) => {
      await c.run('BEGIN TRANSACTION');
      await refreshRollups(c, runId);
      await c.run('COMMIT');
    });
    const refreshSeconds = (performance.now() - again) / 1000;
    const rows = await withConnection(db, (c) => queryRows<{ n: number }>(c, 'SELECT count(*)::INTEGER AS n FROM activity_daily'));
    print(`  rollup refresh of that run alone (activity_daily ${rows[0].n.toLocaleString('en')} rows, content_stats, space activity): ${refreshSeconds.toFixed(1)} s (goal < 30 s)`);
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    print(`  peak memory ${peakRssMb.toFixed(0)} MB`);
    return { events: summary.loaded.events, importSeconds, refreshSeconds, peakRssMb };
  } finally {
    closeDatabase(db);
    rmSync(copy, { force: true });
    rmSync(`${copy}.wal`, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const path = process.argv[2];
  if (!path) {
    process.stderr.write('usage: node --import tsx test/bench/refresh-bench.ts <benchmark database> [events]\n');
    process.exit(2);
  }
  await benchRefresh(path, Number(process.argv[3] ?? 1_000_000));
}
