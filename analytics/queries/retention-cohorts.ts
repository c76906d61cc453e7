// Typed wrapper of the retention cohorts (retention-cohorts.sql).
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import type { CohortCellRow, DayRange } from '../types';
import type { PopulationFilter } from './adoption-kpis';

/**
 * The retention triangle: per cohort (month of first activity, within the range) and each month
 * from it to the month of `to`, the cohort's size, its members employed in the month, those of
 * them active, and the share. Ordered by cohort and month; empty without activity.
 */
export async function getRetentionCohorts(connection: DuckDBConnection, filter: DayRange & PopulationFilter): Promise<CohortCellRow[]> {
  if (filter.from > filter.to) return [];
  return queryRows<CohortCellRow>(connection, readSql('retention-cohorts'), {
    from: filter.from,
    to: filter.to,
    department: filter.department ?? null,
    location: filter.location ?? null,
  });
}
