// Typed wrappers of the adoption KPIs: activation per period of the adoption series, and the KPIs
// of one range of days.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import type { AdoptionActivationRow, AdoptionKpis, DayRange, Grain } from '../types';

export interface PopulationFilter {
  department?: string | null;
  location?: string | null;
}

/**
 * Activation per period (day, ISO week or month) between two local days, in the periods of
 * getAdoption; empty when from > to.
 */
export async function getAdoptionActivation(connection: DuckDBConnection, filter: DayRange & PopulationFilter & { grain: Grain }): Promise<AdoptionActivationRow[]> {
  if (filter.from > filter.to) return [];
  return queryRows<AdoptionActivationRow>(connection, readSql('adoption-activation'), {
    from: filter.from,
    to: filter.to,
    grain: filter.grain,
    department: filter.department ?? null,
    location: filter.location ?? null,
  });
}

/**
 * Headcount, active users, adoption, activation, mean DAU/WAU/MAU, stickiness, contributors
 * and creators of one range of local days (inclusive). A range without data gives zeros.
 */
export async function getAdoptionKpis(connection: DuckDBConnection, filter: DayRange & PopulationFilter): Promise<AdoptionKpis> {
  const rows = await queryRows<AdoptionKpis>(connection, readSql('adoption-kpis'), {
    from: filter.from,
    to: filter.to,
    department: filter.department ?? null,
    location: filter.location ?? null,
  });
  return rows[0];
}
