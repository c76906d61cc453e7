// The impact of an ambassador programme on its members' internal activity: each member's
// internal reach, engagement received and posting in a window of equal length before and after
// joining, against a comparison person of the same department with the closest activity before
// (nearest neighbour, without replacement), evaluated on the same windows; the
// difference-in-differences over the matched pairs. Set-based counting is SQL
// (programme-window-figures.sql); windows and the matching are here. docs/programmes.md.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DayRange } from '../types';
import { addDays, daysBetween } from './compare';
import { getDataPeriod } from './meta';
import { getComparisonPool, getProgrammeMembers, getWindowCounts, type CandidateRow, type PersonWindow, type ProgrammeMemberRow, type WindowCounts } from './programmes';

/** Figures per person per 30 days. posting = posts + comments authored. */
export interface ImpactFigures {
  reach: number;
  engagement: number;
  posting: number;
}

/** Before, after and after − before of one person or the mean of a group. */
export interface BeforeAfter {
  before: ImpactFigures;
  after: ImpactFigures;
  change: ImpactFigures;
}

/** Why a member is not evaluated. */
export type NotEvaluableReason = 'window_too_short' | 'not_a_person_account';

/** One member's impact (person-level: the API lists it only for the person area, never opted-out people). */
export interface MemberImpact {
  personId: string;
  displayName: string | null;
  department: string | null;
  joinedOn: string;
  leftOn: string | null;
  optedOut: boolean;
  /** Days of each window (equal before and after); null when not evaluated. */
  windowDays: number | null;
  before: DayRange | null;
  after: DayRange | null;
  notEvaluable: NotEvaluableReason | null;
  figures: BeforeAfter | null;
  match: {
    personId: string;
    displayName: string | null;
    optedOut: boolean;
    /** Distance of the prior-window activity (see docs/programmes.md). */
    distance: number;
    figures: BeforeAfter;
  } | null;
}

/** Means over a group of people (null figures when the group is empty). */
export interface GroupImpact extends Partial<BeforeAfter> {
  people: number;
}

/** The impact of a programme. */
export interface ProgrammeImpact {
  programme: string;
  /** The window asked for; members' windows may be shorter (clipped). */
  windowDays: number;
  /** All members (one per person). */
  members: number;
  evaluated: number;
  notEvaluable: number;
  matched: number;
  /** Means over the evaluated members. */
  memberGroup: GroupImpact;
  /** Means over the matched comparison people. */
  comparisonGroup: GroupImpact;
  /** Means over the matched pairs: the member's change − the comparison person's change. */
  differenceInDifferences: ImpactFigures | null;
  /** Means over the matched members only (the members the DiD is about). */
  matchedMemberGroup: GroupImpact;
  rows: MemberImpact[];
}

const zero: ImpactFigures = { reach: 0, engagement: 0, posting: 0 };

/** Counts of a window as figures per 30 days. */
function perThirtyDays(counts: WindowCounts | undefined, days: number): ImpactFigures {
  const c = counts ?? { reach: 0, engagement: 0, posts: 0, comments: 0 };
  const f = 30 / days;
  return { reach: c.reach * f, engagement: c.engagement * f, posting: (c.posts + c.comments) * f };
}

const minus = (a: ImpactFigures, b: ImpactFigures): ImpactFigures => ({ reach: a.reach - b.reach, engagement: a.engagement - b.engagement, posting: a.posting - b.posting });

function beforeAfter(before: ImpactFigures, after: ImpactFigures): BeforeAfter {
  return { before, after, change: minus(after, before) };
}

function meanOf(list: ImpactFigures[]): ImpactFigures {
  if (list.length === 0) return zero;
  const sum = list.reduce((s, f) => ({ reach: s.reach + f.reach, engagement: s.engagement + f.engagement, posting: s.posting + f.posting }), zero);
  return { reach: sum.reach / list.length, engagement: sum.engagement / list.length, posting: sum.posting / list.length };
}

function groupOf(list: BeforeAfter[]): GroupImpact {
  if (list.length === 0) return { people: 0 };
  return { people: list.length, before: meanOf(list.map((x) => x.before)), after: meanOf(list.map((x) => x.after)), change: meanOf(list.map((x) => x.change)) };
}

/**
 * The windows of a member: `windowDays` before the join day and as many from it on, shortened
 * (equally on both sides) to the data period and to the member's employment. Null when fewer
 * than `minDays` remain.
 */
export function memberWindows(member: Pick<ProgrammeMemberRow, 'joinedOn' | 'employedFrom' | 'employedTo'>, data: DayRange, windowDays: number, minDays: number): { days: number; before: DayRange; after: DayRange } | null {
  const firstDay = member.employedFrom && member.employedFrom > data.from ? member.employedFrom : data.from;
  const lastDay = member.employedTo && member.employedTo < data.to ? member.employedTo : data.to;
  const daysBefore = member.joinedOn > firstDay ? daysBetween({ from: firstDay, to: member.joinedOn }) - 1 : 0;
  const daysFrom = member.joinedOn <= lastDay ? daysBetween({ from: member.joinedOn, to: lastDay }) : 0;
  const days = Math.min(windowDays, daysBefore, daysFrom);
  if (days < minDays) return null;
  return {
    days,
    before: { from: addDays(member.joinedOn, -days), to: addDays(member.joinedOn, -1) },
    after: { from: member.joinedOn, to: addDays(member.joinedOn, days - 1) },
  };
}

/** Distance of prior activity: |Δ ln(1 + posting)| + |Δ ln(1 + engagement)|, per 30 days. */
export function activityDistance(a: ImpactFigures, b: ImpactFigures): number {
  return Math.abs(Math.log1p(a.posting) - Math.log1p(b.posting)) + Math.abs(Math.log1p(a.engagement) - Math.log1p(b.engagement));
}

const employedThrough = (c: CandidateRow, range: DayRange) => (c.employedFrom === null || c.employedFrom <= range.from) && (c.employedTo === null || c.employedTo >= range.to);

/**
 * The impact of `programme` with windows of `windowDays` days (members' windows shortened to the
 * data period and employment; members with fewer than `minDays`, default min(14, windowDays),
 * are not evaluated). Matching: every (evaluated member, candidate) pair of the same department
 * where the candidate was employed through both of the member's windows, ordered by distance,
 * then the member's join day and id, then the candidate's id; pairs are taken in that order when
 * neither side is taken yet (greedy nearest neighbour without replacement, deterministic).
 * Returns null for an unknown programme (no members).
 */
export async function computeProgrammeImpact(connection: DuckDBConnection, programme: string, options: { windowDays: number; minDays?: number }): Promise<ProgrammeImpact | null> {
  const members = await getProgrammeMembers(connection, programme);
  if (members.length === 0) return null;
  const { windowDays } = options;
  const minDays = options.minDays ?? Math.min(14, windowDays);
  const data = await getDataPeriod(connection);

  const rows: MemberImpact[] = members.map((m) => {
    const base = { personId: m.personId, displayName: m.displayName, department: m.department, joinedOn: m.joinedOn, leftOn: m.leftOn, optedOut: m.optedOut, figures: null, match: null };
    const none = { ...base, windowDays: null, before: null, after: null };
    if (m.accountType !== 'person') return { ...none, notEvaluable: 'not_a_person_account' as const };
    const w = data.from && data.to ? memberWindows(m, { from: data.from, to: data.to }, windowDays, minDays) : null;
    if (!w) return { ...none, notEvaluable: 'window_too_short' as const };
    return { ...base, windowDays: w.days, before: w.before, after: w.after, notEvaluable: null };
  });
  const evaluated = rows.filter((r) => r.windowDays !== null);

  const pool = await getComparisonPool(connection, programme);
  const byDepartment = new Map<string, CandidateRow[]>();
  for (const c of pool) byDepartment.set(c.department, [...(byDepartment.get(c.department) ?? []), c]);
  const eligible = new Map<string, CandidateRow[]>();
  for (const r of evaluated) {
    const whole = { from: r.before!.from, to: r.after!.to };
    eligible.set(r.personId, r.department === null ? [] : (byDepartment.get(r.department) ?? []).filter((c) => employedThrough(c, whole)));
  }

  // Before windows of members and of every eligible candidate on each member's windows, after windows of members.
  const windows: PersonWindow[] = [];
  for (const r of evaluated) {
    windows.push({ id: `m|${r.personId}|before`, person: r.personId, ...r.before! }, { id: `m|${r.personId}|after`, person: r.personId, ...r.after! });
    for (const c of eligible.get(r.personId)!) windows.push({ id: `c|${r.personId}|${c.personId}|before`, person: c.personId, ...r.before! });
  }
  const counts = await getWindowCounts(connection, windows);

  for (const r of evaluated) {
    r.figures = beforeAfter(perThirtyDays(counts.get(`m|${r.personId}|before`), r.windowDays!), perThirtyDays(counts.get(`m|${r.personId}|after`), r.windowDays!));
  }
  const order = new Map(evaluated.map((r, i) => [r.personId, i]));
  const pairs = evaluated.flatMap((r) =>
    eligible.get(r.personId)!.map((c) => ({ member: r, candidate: c, distance: activityDistance(r.figures!.before, perThirtyDays(counts.get(`c|${r.personId}|${c.personId}|before`), r.windowDays!)) })),
  );
  pairs.sort((a, b) => a.distance - b.distance || order.get(a.member.personId)! - order.get(b.member.personId)! || (a.candidate.personId < b.candidate.personId ? -1 : a.candidate.personId > b.candidate.personId ? 1 : 0));
  const takenMembers = new Set<string>();
  const takenCandidates = new Set<string>();
  const matches: Array<{ member: MemberImpact; candidate: CandidateRow; distance: number }> = [];
  for (const p of pairs) {
    if (takenMembers.has(p.member.personId) || takenCandidates.has(p.candidate.personId)) continue;
    takenMembers.add(p.member.personId);
    takenCandidates.add(p.candidate.personId);
    matches.push(p);
  }

  const afterCounts = await getWindowCounts(
    connection,
    matches.map((m) => ({ id: `c|${m.member.personId}|${m.candidate.personId}|after`, person: m.candidate.personId, ...m.member.after! })),
  );
  for (const m of matches) {
    const days = m.member.windowDays!;
    m.member.match = {
      personId: m.candidate.personId,
      displayName: m.candidate.displayName,
      optedOut: m.candidate.optedOut,
      distance: m.distance,
      figures: beforeAfter(perThirtyDays(counts.get(`c|${m.member.personId}|${m.candidate.personId}|before`), days), perThirtyDays(afterCounts.get(`c|${m.member.personId}|${m.candidate.personId}|after`), days)),
    };
  }

  const matchedRows = evaluated.filter((r) => r.match !== null);
  return {
    programme,
    windowDays,
    members: rows.length,
    evaluated: evaluated.length,
    notEvaluable: rows.length - evaluated.length,
    matched: matchedRows.length,
    memberGroup: groupOf(evaluated.map((r) => r.figures!)),
    comparisonGroup: groupOf(matchedRows.map((r) => r.match!.figures)),
    differenceInDifferences: matchedRows.length > 0 ? meanOf(matchedRows.map((r) => minus(r.figures!.change, r.match!.figures.change))) : null,
    matchedMemberGroup: groupOf(matchedRows.map((r) => r.figures!)),
    rows,
  };
}
