// Typed wrappers of the two small queries only the monthly report needs: programme highlights
// (members, joins, followers against the corporate account) and the count of rising voices.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import type { DayRange } from '../types';
import type { PopulationFilter } from './adoption-kpis';

/** One programme in one month (report-programmes.sql). */
export interface ProgrammeMonthRow {
  programme: string;
  /** Members at the month's last day. */
  members: number;
  /** Distinct people who joined / left in the month. */
  joined: number;
  left: number;
  /** The month's last week with social figures ('YYYY-MM-DD', its first day); null without any. */
  week: string | null;
  /** Combined followers of the members with social figures in that week; null without any. */
  memberFollowers: number | null;
  membersWithSocial: number;
  /** Combined followers of the corporate (non-person) accounts in that week; null without any. */
  corporateFollowers: number | null;
}

/** Programme figures of one month (a range of whole days, usually a calendar month); empty without programmes. */
export async function getProgrammeMonth(connection: DuckDBConnection, range: DayRange): Promise<ProgrammeMonthRow[]> {
  return queryRows<ProgrammeMonthRow>(connection, readSql('report-programmes'), { from: range.from, to: range.to });
}

/**
 * Number of ranked people with the rising-voice role in the stored metrics of a month
 * ('YYYY-MM'); null when the month's influence metrics are not computed.
 */
export async function getRisingVoiceCount(connection: DuckDBConnection, month: string, filter: PopulationFilter): Promise<number | null> {
  const [row] = await queryRows<{ risingVoices: number; computed: boolean }>(connection, readSql('report-rising-voices'), {
    period: `month:${month}`,
    department: filter.department ?? null,
    location: filter.location ?? null,
  });
  return row.computed ? row.risingVoices : null;
}
