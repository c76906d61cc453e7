import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import type { DataPeriod, GroupSize, ImportRejectRow, ImportRun, TableCounts } from '../types';

/** First and last local day with activity; both null for an empty database. */
export async function getDataPeriod(connection: DuckDBConnection): Promise<DataPeriod> {
  return (await queryRows<DataPeriod>(connection, readSql('data-period')))[0];
}

/** Departments, locations and spaces with their number of people. */
export async function getGroupSizes(connection: DuckDBConnection): Promise<GroupSize[]> {
  return queryRows<GroupSize>(connection, readSql('meta-groups'));
}

/** Row counts of every canonical table. */
export async function getTableCounts(connection: DuckDBConnection): Promise<TableCounts> {
  return (await queryRows<TableCounts>(connection, readSql('table-counts')))[0];
}

/** The newest import runs, newest first. */
export async function getImportRuns(connection: DuckDBConnection, limit = 50): Promise<ImportRun[]> {
  return queryRows<ImportRun>(connection, readSql('import-runs'), { limit });
}

/** Rejected rows of one run (at most `limit`). */
export async function getImportRejects(connection: DuckDBConnection, runId: number, limit = 1000): Promise<ImportRejectRow[]> {
  return queryRows<ImportRejectRow>(connection, readSql('import-rejects'), { run: runId, limit });
}
