// Typed wrappers of the ambassador-programme queries: the list of programmes, a programme's
// members and comparison pool, figures of people in windows of days, the weekly external
// (social.csv) series with the week the members overtake the corporate account, and the
// members' part of the employee voice per month. The impact analysis built on them is in
// programme-impact.ts. See docs/programmes.md.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import type { DayRange } from '../types';
import { addDays, daysBetween } from './compare';

/** A programme of GET /api/programmes. Counts are people (a person who joined twice counts once). */
export interface ProgrammeRow {
  name: string;
  membersNow: number;
  joined: number;
  left: number;
  firstJoin: string;
  lastJoin: string;
}

/** A member of a programme: first join, end of the latest membership (null while open). */
export interface ProgrammeMemberRow {
  personId: string;
  displayName: string | null;
  joinedOn: string;
  leftOn: string | null;
  department: string | null;
  accountType: string;
  employedFrom: string | null;
  employedTo: string | null;
  optedOut: boolean;
}

/** A person of the comparison pool: a person account with a department, never a member. */
export interface CandidateRow {
  personId: string;
  displayName: string | null;
  department: string;
  employedFrom: string | null;
  employedTo: string | null;
  optedOut: boolean;
}

/** A window of days of one person; `id` names it in the answer. */
export interface PersonWindow extends DayRange {
  id: string;
  person: string;
}

/** Raw counts of one window (see programme-window-figures.sql). */
export interface WindowCounts {
  id: string;
  reach: number;
  engagement: number;
  posts: number;
  comments: number;
}

/** One ISO week of the external series (see programme-external.sql). */
export interface ExternalWeekRow {
  week: string;
  weekStart: string;
  memberAccounts: number;
  membersFollowers: number;
  membersPosts: number;
  membersImpressions: number;
  membersReactions: number;
  membersComments: number;
  membersShares: number;
  corporateAccounts: number;
  corporateFollowers: number | null;
  corporatePosts: number;
  corporateImpressions: number;
  corporateReactions: number;
  corporateComments: number;
  corporateShares: number;
}

/** The week the members' combined followers first exceed the corporate account's. */
export interface Crossing {
  week: string;
  weekStart: string;
  membersFollowers: number;
  corporateFollowers: number;
  /** Days from the programme start (first join) to the Monday of the crossing week (negative: that week began before the start). */
  daysAfterStart: number;
}

/** The external series of a programme and the yardstick. */
export interface ProgrammeExternal {
  /** First join: the programme start. Null without members. */
  start: string | null;
  /** Six calendar months after the start. */
  deadline: string | null;
  weeks: ExternalWeekRow[];
  crossing: Crossing | null;
  /** True when the crossing week began on or before the deadline; null without a crossing and without data up to the deadline. */
  withinSixMonths: boolean | null;
}

/** Members' engagement on their posts per month against all employee posts (programme-voice.sql). */
export interface ProgrammeVoiceRow {
  period: string;
  memberPosts: number;
  memberEngagement: number;
  employeePosts: number;
  employeeEngagement: number;
}

/** Every programme, by name; `asOf` is the day "now" means (null: today). Empty without programmes. */
export async function getProgrammes(connection: DuckDBConnection, asOf: string | null): Promise<ProgrammeRow[]> {
  return queryRows<ProgrammeRow>(connection, readSql('programme-list'), { asOf });
}

/** The members of a programme by first join, then id; empty for an unknown programme. */
export async function getProgrammeMembers(connection: DuckDBConnection, programme: string): Promise<ProgrammeMemberRow[]> {
  return queryRows<ProgrammeMemberRow>(connection, readSql('programme-members'), { programme });
}

/** Person accounts with a department that were never members of the programme. */
export async function getComparisonPool(connection: DuckDBConnection, programme: string): Promise<CandidateRow[]> {
  return queryRows<CandidateRow>(connection, readSql('programme-candidates'), { programme });
}

/** Reach, engagement received and posting of each window, by id; no windows give no rows. */
export async function getWindowCounts(connection: DuckDBConnection, windows: PersonWindow[]): Promise<Map<string, WindowCounts>> {
  if (windows.length === 0) return new Map();
  const rows = await queryRows<WindowCounts>(connection, readSql('programme-window-figures'), { windows: JSON.stringify(windows) });
  return new Map(rows.map((r) => [r.id, r]));
}

/** Adds calendar months to a day; the day of month is kept, or the month's last day when shorter. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const target = new Date(Date.UTC(y, m - 1 + months, Math.min(d, last)));
  return target.toISOString().slice(0, 10);
}

/**
 * The members' combined external figures week by week against the corporate account's, the
 * first week their followers exceed the corporate followers and whether that came within six
 * months of the programme start. Only weeks with at least `minMembers` member accounts count
 * for the crossing (the API passes the minimum group size: smaller weeks are not shown).
 * `platform` (lower case) limits to one platform; null adds all up.
 */
export async function getProgrammeExternal(
  connection: DuckDBConnection,
  programme: string,
  options: { platform?: string | null; minMembers?: number } = {},
): Promise<ProgrammeExternal> {
  const members = await getProgrammeMembers(connection, programme);
  const start = members.length > 0 ? members.map((m) => m.joinedOn).sort()[0] : null;
  if (!start) return { start: null, deadline: null, weeks: [], crossing: null, withinSixMonths: null };
  const weeks = await queryRows<ExternalWeekRow>(connection, readSql('programme-external'), { programme, platform: options.platform ?? null });
  const deadline = addMonths(start, 6);
  const minMembers = options.minMembers ?? 1;
  const first = weeks.find((w) => w.memberAccounts >= minMembers && w.corporateFollowers !== null && w.membersFollowers > w.corporateFollowers);
  const crossing: Crossing | null = first
    ? {
        week: first.week,
        weekStart: first.weekStart,
        membersFollowers: first.membersFollowers,
        corporateFollowers: first.corporateFollowers!,
        daysAfterStart: first.weekStart >= start ? daysBetween({ from: start, to: first.weekStart }) - 1 : -(daysBetween({ from: first.weekStart, to: start }) - 1),
      }
    : null;
  const lastWeek = weeks.at(-1)?.weekStart ?? null;
  const withinSixMonths = crossing ? crossing.weekStart <= deadline : lastWeek !== null && addDays(lastWeek, 6) >= deadline ? false : null;
  return { start, deadline, weeks, crossing, withinSixMonths };
}

/** Members' and all employees' posts and engagement per month of the range (months with posts). */
export async function getProgrammeVoice(connection: DuckDBConnection, programme: string, range: DayRange): Promise<ProgrammeVoiceRow[]> {
  if (range.from > range.to) return [];
  return queryRows<ProgrammeVoiceRow>(connection, readSql('programme-voice'), { programme, from: range.from, to: range.to });
}
