// Small helpers shared by the tests of the tabular importers (Viva Engage, Microsoft 365,
// edge lists, HR rosters, generic CSV): row counts and stored rejects of a database.
import { queryRows, withConnection, type Database } from '../../../analytics/db';

export const storedTables = ['people', 'identities', 'spaces', 'content', 'events', 'interactions', 'social', 'programmes', 'usage_counts', 'import_rejects', 'activity_daily'] as const;

/** Rows in one table. */
export async function countRows(db: Database, table: (typeof storedTables)[number], where = ''): Promise<number> {
  return withConnection(db, async (c) => (await queryRows<{ n: number }>(c, `SELECT count(*)::INTEGER AS n FROM ${table} ${where ? `WHERE ${where}` : ''}`))[0].n);
}

/** Rows in every stored table (not import_runs, which records failed runs too). */
export async function tableCounts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of storedTables) out[table] = await countRows(db, table);
  return out;
}

export interface StoredReject {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

/** The rejects stored for a run, by file and line. */
export async function storedRejects(db: Database, runId: number): Promise<StoredReject[]> {
  return withConnection(db, (c) =>
    queryRows<StoredReject>(c, 'SELECT file, line, column_name AS "column", value, reason FROM import_rejects WHERE run_id = $run ORDER BY file, line', { run: runId }),
  );
}

/** Runs a query and returns its rows. */
export async function query<T>(db: Database, sql: string, params?: Record<string, unknown>): Promise<T[]> {
  return withConnection(db, (c) => queryRows<T>(c, sql, params));
}
