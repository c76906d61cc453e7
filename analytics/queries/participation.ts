// Typed wrappers of the participation funnel and participation inequality.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import type { DayRange, LorenzPoint, ParticipationFunnelRow, ParticipationInequalityRow } from '../types';
import type { PopulationFilter } from './adoption-kpis';

export interface Participation {
  funnel: ParticipationFunnelRow;
  inequality: ParticipationInequalityRow;
  lorenz: LorenzPoint[];
}

/**
 * Funnel (headcount ▸ visitors ▸ reactors ▸ commenters ▸ creators, each "at least this level"),
 * Gini and top-1 %/10 % shares of content per active person, and up to 21 Lorenz points, for a
 * range of local days. Without content, gini and shares are null and lorenz is empty.
 */
export async function getParticipation(connection: DuckDBConnection, filter: DayRange & PopulationFilter): Promise<Participation> {
  const params = { from: filter.from, to: filter.to, department: filter.department ?? null, location: filter.location ?? null };
  // activity_daily is read once, into a temporary table the three figures are computed from.
  await connection.run(readSql('participation-people'), params);
  try {
    const funnel = (await queryRows<ParticipationFunnelRow>(connection, readSql('participation-funnel'), params))[0];
    const inequality = (await queryRows<ParticipationInequalityRow>(connection, readSql('participation-inequality')))[0];
    const lorenz = await queryRows<LorenzPoint>(connection, readSql('participation-lorenz'));
    return { funnel, inequality, lorenz };
  } finally {
    await connection.run('DROP TABLE IF EXISTS participation_people');
  }
}
