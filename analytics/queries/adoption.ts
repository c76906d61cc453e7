import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import type { AdoptionRow, Grain } from '../types';

export interface AdoptionFilter {
  from: string;
  to: string;
  grain: Grain;
  department?: string | null;
  location?: string | null;
}

/** Adoption per period between two local days (inclusive); empty when from > to. */
export async function getAdoption(connection: DuckDBConnection, filter: AdoptionFilter): Promise<AdoptionRow[]> {
  if (filter.from > filter.to) return [];
  return queryRows<AdoptionRow>(connection, readSql('adoption'), {
    from: filter.from,
    to: filter.to,
    grain: filter.grain,
    department: filter.department ?? null,
    location: filter.location ?? null,
  });
}
