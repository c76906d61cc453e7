// Importer of the Microsoft 365 usage report "Viva Engage activity user detail" (CSV from the
// admin center or Graph `getYammerActivityUserDetail`): per user, how many messages they
// posted, read and liked in a report period. It feeds adoption only and makes no edges.
//
// Mapping:
// - User Principal Name → person "m365:<upn lower-cased>"; Display Name → display_name; the UPN
//   is the e-mail when it holds an "@" (reports with concealed names carry a hash instead).
//   User State "Deleted" with a State Change Date → employed_to (leavers drop out of headcount).
// - Last Activity Date inside the report period (refresh date − period + 1 … refresh date) →
//   one `login` event at noon of that local day. This is the only activity the source gives:
//   a person counts as active on their last active day, never on the other days they used it.
// - Posted, Read and Liked Count → table usage_counts (migration 005), written inside the
//   import's transaction by an afterWrite hook; a re-import of the same report writes nothing.
// Several report files in one folder (e.g. 7- and 30-day reports) are read together; a user
// repeated across them is one person.
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { readSql, type Database } from '../db';
import { ImportInputError } from './archive';
import type { ImportOptions } from './canonical';
import { cell, fillStoredAttributes, findColumns, rejectRow, requireColumns, runImport, usableRecord, type ImportContext, type StagedRow } from './import-kit';
import type { ImportSummary } from './load';
import { addDays, openCsv, parseCount, parseDateTime } from './tabular';

export const m365AdoptionOnlyWarning = 'This source gives adoption only (no interactions, no content)';

const columns = {
  refresh: ['Report Refresh Date'],
  upn: ['User Principal Name'],
  name: ['Display Name'],
  state: ['User State'],
  stateChange: ['State Change Date'],
  lastActivity: ['Last Activity Date'],
  posted: ['Posted Count'],
  read: ['Read Count'],
  liked: ['Liked Count'],
  period: ['Report Period'],
} as const;

type Key = keyof typeof columns;
const required: Key[] = ['refresh', 'upn', 'lastActivity', 'posted', 'read', 'liked', 'period'];

export interface M365Summary extends ImportSummary {
  /** Rows of usage_counts written (new or changed) and left as they were. */
  usageCounts: { written: number; unchanged: number };
}

interface UsageRow {
  personId: string;
  refresh: string;
  period: number;
  posted: number;
  read: number;
  liked: number;
}

/**
 * Imports one or more "Viva Engage activity user detail" reports (a CSV file, or a folder or
 * .zip holding them) in one transaction. Returns the import summary plus the usage rows
 * written. Throws ImportInputError (failed run recorded, nothing else written) for a missing
 * or empty file, no report file, or a required column missing.
 */
export async function loadM365(db: Database, path: string, options: ImportOptions = {}): Promise<M365Summary> {
  const usage = { written: 0, unchanged: 0 };
  const summary = await runImport(db, 'm365', path, options, async (context) => {
    const reports = context.files.filter((f) => /\.(csv|txt)$/i.test(f));
    if (reports.length === 0) throw new ImportInputError(`${path}: no CSV file found (expected the "Viva Engage activity user detail" report)`, path);
    await importReports(context, reports, usage);
  });
  return { ...summary, usageCounts: usage };
}

/** True when a CSV among the files has the report's User Principal Name and Posted Count columns. */
export function looksLikeM365(files: string[]): boolean {
  return files.some((f) => {
    if (!/\.csv$/i.test(f)) return false;
    try {
      const found = findColumns(openCsv(f, basename(f)).header, columns);
      return found.upn !== undefined && found.posted !== undefined && found.read !== undefined;
    } catch {
      return false;
    }
  });
}

async function importReports(context: ImportContext, reports: string[], usage: { written: number; unchanged: number }): Promise<void> {
  const { session, personId, label } = context;
  const people = new Map<string, StagedRow>();
  const events = new Map<string, StagedRow>();
  const usageRows = new Map<string, UsageRow>();
  let outside = 0;
  let never = 0;
  for (const path of reports) {
    const file = label(path);
    const csv = openCsv(path, file);
    const col = findColumns(csv.header, columns);
    if (reports.length > 1 && col.upn === undefined) {
      session.warnings.push(`${file}: not a usage report (no "User Principal Name" column), not read`);
      continue;
    }
    requireColumns(col, required, file, csv.header, Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, v[0]])) as Record<Key, string>);
    const seen = new Map<string, number>();
    for (const record of csv.records) {
      if (!usableRecord(session, record, csv.header.length, file)) continue;
      const reject = (key: Key, reason: string) => rejectRow(session, record, file, columns[key][0], cell(record, col[key]), reason);
      const upnRaw = cell(record, col.upn);
      if (!upnRaw) {
        reject('upn', 'missing User Principal Name');
        continue;
      }
      const upn = upnRaw.toLowerCase();
      const refresh = dateOf(cell(record, col.refresh));
      if (!refresh) {
        reject('refresh', cell(record, col.refresh) ? 'unparsable date (expected YYYY-MM-DD or DD.MM.YYYY)' : 'missing Report Refresh Date');
        continue;
      }
      const periodMatch = /^(\d+)/.exec(cell(record, col.period) ?? '');
      const period = periodMatch ? Number(periodMatch[1]) : 0;
      if (!(period > 0 && period <= 3660)) {
        reject('period', 'Report Period must be a number of days (7, 30, 90 or 180)');
        continue;
      }
      const lastRaw = cell(record, col.lastActivity);
      const last = lastRaw ? dateOf(lastRaw) : null;
      if (lastRaw && !last) {
        reject('lastActivity', 'unparsable date (expected YYYY-MM-DD or DD.MM.YYYY)');
        continue;
      }
      const counts: number[] = [];
      let bad: Key | null = null;
      for (const key of ['posted', 'read', 'liked'] as const) {
        const n = parseCount(cell(record, col[key]) ?? '');
        if (n === null) bad ??= key;
        counts.push(n ?? 0);
      }
      if (bad) {
        reject(bad, 'not a whole number of messages');
        continue;
      }
      const changeRaw = cell(record, col.stateChange);
      const change = changeRaw ? dateOf(changeRaw) : null;
      if (changeRaw && !change) {
        reject('stateChange', 'unparsable date (expected YYYY-MM-DD or DD.MM.YYYY)');
        continue;
      }
      const key = `${upn}|${refresh}|${period}`;
      if (seen.has(key)) {
        reject('upn', `User Principal Name repeated for the same refresh date and period (line ${seen.get(key)} has it)`);
        continue;
      }
      seen.set(key, record.line);
      const id = personId(`m365:${upn}`);
      const deleted = (cell(record, col.state) ?? '').toLowerCase() === 'deleted';
      if (people.has(id)) session.countDuplicates(1); // the same user in another report file
      else {
        people.set(id, {
          file,
          line: record.line,
          values: { person_id: id, display_name: cell(record, col.name), email: upn.includes('@') ? upn : null, employed_to: deleted ? change : null },
        });
      }
      const from = addDays(refresh, 1 - period);
      if (last && last >= from && last <= refresh) {
        const eventId = `m365:login:${upn}:${last}`;
        if (events.has(eventId)) session.countDuplicates(1);
        else {
          events.set(eventId, { file, line: record.line, values: { event_id: eventId, occurred_at: `${last}T12:00:00`, actor_id: id, action: 'login', detail: 'last activity (usage report)' } });
        }
      } else if (last) outside++;
      else never++;
      usageRows.set(`${id}|${refresh}|${period}`, { personId: id, refresh, period, posted: counts[0], read: counts[1], liked: counts[2] });
    }
  }
  session.warnings.push(m365AdoptionOnlyWarning);
  session.warnings.push('Its only activity is the Last Activity Date: a person counts as active on that one day (a login event), not on the other days of the report period');
  if (outside > 0) session.warnings.push(`${outside} user${outside === 1 ? '' : 's'} last active before the report period: no activity recorded for them`);
  if (never > 0) session.warnings.push(`${never} user${never === 1 ? '' : 's'} without a Last Activity Date (never active): no activity recorded for them`);

  const peopleRows = [...people.values()];
  await fillStoredAttributes(context.connection, peopleRows);
  await stageUsage(context.connection, [...usageRows.values()]);
  session.afterWrite.push(async (connection, runId) => {
    const written = (await connection.run(readSql('ingest/usage-counts-merge'), { source: 'm365', run: runId })).rowsChanged;
    usage.written = written;
    usage.unchanged = usageRows.size - written;
    session.warnings.push(`usage_counts: ${written} row${written === 1 ? '' : 's'} written, ${usage.unchanged} already stored`);
  });
  await session.stageRows('people', peopleRows);
  await session.stageRows('events', events.values());
}

async function stageUsage(connection: DuckDBConnection, rows: UsageRow[]): Promise<void> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE m365_usage_stage (person_id VARCHAR, report_refresh_date VARCHAR, report_period_days INTEGER, posted INTEGER, "read" INTEGER, liked INTEGER)`,
  );
  const appender = await connection.createAppender('m365_usage_stage', 'main', 'temp');
  for (const r of rows) {
    appender.appendVarchar(r.personId);
    appender.appendVarchar(r.refresh); // ISO date text, cast in usage-counts-merge.sql
    appender.appendInteger(r.period);
    appender.appendInteger(r.posted);
    appender.appendInteger(r.read);
    appender.appendInteger(r.liked);
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
}

function dateOf(text: string | null): string | null {
  if (!text) return null;
  const parsed = parseDateTime(text);
  return parsed ? parsed.value.slice(0, 10) : null;
}
