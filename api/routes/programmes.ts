import { Hono } from 'hono';
import { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { getVoiceShare } from '../../analytics/queries/content-engagement';
import { getDataPeriod } from '../../analytics/queries/meta';
import { computeProgrammeImpact, type GroupImpact, type ImpactFigures, type MemberImpact, type ProgrammeImpact } from '../../analytics/queries/programme-impact';
import { getProgrammeExternal, getProgrammeMembers, getProgrammes, getProgrammeVoice, type Crossing, type ExternalWeekRow } from '../../analytics/queries/programmes';
import { csvResponse } from '../csv';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { formatParam, queryOf } from '../validation';
import { getCurrentGroupGuard } from './analytics-params';

/** Window lengths the impact accepts, in days. */
export const windowLimits = { min: 14, max: 365, default: 90 } as const;

const windowParam = z.coerce
  .number({ message: `window must be a number of days (${windowLimits.min}–${windowLimits.max})` })
  .int(`window must be a whole number of days (${windowLimits.min}–${windowLimits.max})`)
  .min(windowLimits.min, `window must be at least ${windowLimits.min} days`)
  .max(windowLimits.max, `window must be at most ${windowLimits.max} days`)
  .default(windowLimits.default);

const listQuery = z.object({ format: formatParam });
const impactQuery = z.object({ window: windowParam, format: formatParam });
const externalQuery = z.object({
  platform: z.string().trim().toLowerCase().min(1, 'platform must not be empty').max(50, 'platform: at most 50 characters').optional(),
  format: formatParam,
});
const voiceQuery = z.object({ format: formatParam });
const programmeName = z.string().trim().min(1, 'the programme name must not be empty').max(200, 'the programme name has at most 200 characters');

const figureKeys = ['reach', 'engagement', 'posting'] as const;

/** A group's means, or null figures when the group is smaller than the minimum. */
export interface ImpactGroup {
  people: number;
  suppressed: boolean;
  before: ImpactFigures | null;
  after: ImpactFigures | null;
  change: ImpactFigures | null;
}

/** A week of GET /api/programmes/:name/external; members' figures are null below the minimum group size. */
export type ExternalWeek = Omit<ExternalWeekRow, 'membersFollowers' | 'membersPosts' | 'membersImpressions' | 'membersReactions' | 'membersComments' | 'membersShares'> & {
  suppressed: boolean;
  membersFollowers: number | null;
  membersPosts: number | null;
  membersImpressions: number | null;
  membersReactions: number | null;
  membersComments: number | null;
  membersShares: number | null;
};

/** A month of GET /api/programmes/:name/voice. */
export interface VoiceMonth {
  period: string;
  employeePosts: number;
  officialPosts: number;
  employeeEngagement: number;
  officialEngagement: number;
  /** Employee engagement / all engagement (the voice share of /api/content/voice-share). */
  employeeShare: number | null;
  /** People who were members on any day of the month. */
  members: number;
  suppressed: boolean;
  memberPosts: number | null;
  memberEngagement: number | null;
  /** Members' engagement / employee engagement (null when suppressed or without employee engagement). */
  memberShare: number | null;
}

/** A row of the person-level member table. Opted-out members are not rows; an opted-out comparison person shows no id. */
export interface MemberRow {
  personId: string;
  displayName: string | null;
  department: string | null;
  joinedOn: string;
  leftOn: string | null;
  windowDays: number | null;
  notEvaluable: string | null;
  before: ImpactFigures | null;
  after: ImpactFigures | null;
  change: ImpactFigures | null;
  match: { personId: string | null; displayName: string | null; hidden: boolean; distance: number; before: ImpactFigures; after: ImpactFigures; change: ImpactFigures } | null;
}

function group(g: GroupImpact, min: number): ImpactGroup {
  const suppressed = g.people < min;
  return { people: g.people, suppressed, before: suppressed ? null : (g.before ?? null), after: suppressed ? null : (g.after ?? null), change: suppressed ? null : (g.change ?? null) };
}

function impactAnswer(impact: ProgrammeImpact, min: number) {
  const memberGroup = group(impact.memberGroup, min);
  const comparisonGroup = group(impact.comparisonGroup, min);
  const matchedMemberGroup = group(impact.matchedMemberGroup, min);
  return {
    programme: impact.programme,
    windowDays: impact.windowDays,
    minGroupSize: min,
    members: impact.members,
    evaluated: impact.evaluated,
    notEvaluable: impact.notEvaluable,
    matched: impact.matched,
    memberGroup,
    comparisonGroup,
    matchedMemberGroup,
    // The DiD speaks about the matched pairs: shown only when both of its groups are.
    differenceInDifferences: comparisonGroup.suppressed || matchedMemberGroup.suppressed ? null : impact.differenceInDifferences,
  };
}

function impactCsvRows(answer: ReturnType<typeof impactAnswer>) {
  const rows: Record<string, unknown>[] = [];
  const groups = [
    ['members', answer.memberGroup],
    ['matchedMembers', answer.matchedMemberGroup],
    ['comparison', answer.comparisonGroup],
  ] as const;
  for (const [name, g] of groups) {
    for (const k of figureKeys) rows.push({ group: name, people: g.people, suppressed: g.suppressed, figure: k, before: g.before?.[k] ?? null, after: g.after?.[k] ?? null, change: g.change?.[k] ?? null });
  }
  for (const k of figureKeys) {
    const did = answer.differenceInDifferences;
    rows.push({ group: 'differenceInDifferences', people: answer.matched, suppressed: did === null, figure: k, before: null, after: null, change: did?.[k] ?? null });
  }
  return rows;
}

function memberRows(rows: MemberImpact[], fold: (department: string | null) => string | null): MemberRow[] {
  return rows
    .filter((r) => !r.optedOut)
    .map((r) => ({
      personId: r.personId,
      displayName: r.displayName,
      department: fold(r.department),
      joinedOn: r.joinedOn,
      leftOn: r.leftOn,
      windowDays: r.windowDays,
      notEvaluable: r.notEvaluable,
      before: r.figures?.before ?? null,
      after: r.figures?.after ?? null,
      change: r.figures?.change ?? null,
      match: r.match
        ? {
            personId: r.match.optedOut ? null : r.match.personId,
            displayName: r.match.optedOut ? null : r.match.displayName,
            hidden: r.match.optedOut,
            distance: r.match.distance,
            ...r.match.figures,
          }
        : null,
    }));
}

const flat = (prefix: string, f: ImpactFigures | null | undefined) => Object.fromEntries(figureKeys.map((k) => [`${prefix}${k[0].toUpperCase()}${k.slice(1)}`, f?.[k] ?? null]));

const memberCsvColumns = [
  'personId', 'displayName', 'department', 'joinedOn', 'leftOn', 'windowDays', 'notEvaluable',
  'beforeReach', 'beforeEngagement', 'beforePosting', 'afterReach', 'afterEngagement', 'afterPosting', 'changeReach', 'changeEngagement', 'changePosting',
  'matchPersonId', 'matchDisplayName', 'matchDistance', 'matchChangeReach', 'matchChangeEngagement', 'matchChangePosting',
];

async function knownProgramme(deps: AppDeps, raw: string): Promise<string> {
  const parsed = programmeName.safeParse(raw);
  if (!parsed.success) throw new ApiError(400, 'bad_request', parsed.error.issues[0].message);
  const members = await withConnection(deps.db, (conn) => getProgrammeMembers(conn, parsed.data));
  if (members.length === 0) throw new ApiError(404, 'not_found', `No programme named "${parsed.data}"; GET /api/programmes lists them.`);
  return parsed.data;
}

const fileName = (name: string, what: string) => `programme-${name}-${what}`;

/**
 * GET /api/programmes (list), /:name/impact (members against a matched comparison group, before
 * and after joining), /:name/external (weekly social reach against the corporate account),
 * /:name/voice (voice share per month with the members' part) — aggregates; and
 * /:name/members (the per-member table: person area, audit-logged, off in works-council mode).
 * docs/programmes.md.
 */
export function programmeRoutes(deps: AppDeps) {
  const min = deps.config.minGroupSize;
  return new Hono()
    .get('/', queryOf(listQuery), async (c) => {
      const q = c.req.valid('query');
      const answer = await withConnection(deps.db, async (conn) => {
        const data = await getDataPeriod(conn);
        return { asOf: data.to, items: await getProgrammes(conn, data.to) };
      });
      if (q.format === 'csv') return csvResponse('programmes', answer.items as unknown as Record<string, unknown>[], ['name', 'membersNow', 'joined', 'left', 'firstJoin', 'lastJoin']);
      return c.json(answer);
    })
    .get('/:name/impact', queryOf(impactQuery), async (c) => {
      const q = c.req.valid('query');
      const name = await knownProgramme(deps, c.req.param('name'));
      const impact = await withConnection(deps.db, (conn) => computeProgrammeImpact(conn, name, { windowDays: q.window }));
      if (!impact) throw new ApiError(404, 'not_found', `No programme named "${name}"`);
      const answer = impactAnswer(impact, min);
      if (q.format === 'csv') return csvResponse(fileName(name, `impact-${q.window}d`), impactCsvRows(answer));
      return c.json(answer);
    })
    .get('/:name/members', queryOf(impactQuery), async (c) => {
      const q = c.req.valid('query');
      const name = await knownProgramme(deps, c.req.param('name'));
      const answer = await withConnection(deps.db, async (conn) => {
        const impact = await computeProgrammeImpact(conn, name, { windowDays: q.window });
        if (!impact) throw new ApiError(404, 'not_found', `No programme named "${name}"`);
        const guard = await getCurrentGroupGuard(deps, conn);
        const items = memberRows(impact.rows, (d) => (d === null ? null : guard.label('department', d)));
        return { programme: name, windowDays: q.window, items, hiddenOptedOut: impact.rows.length - items.length };
      });
      if (q.format === 'csv') {
        const rows = answer.items.map((r) => ({
          personId: r.personId, displayName: r.displayName, department: r.department, joinedOn: r.joinedOn, leftOn: r.leftOn, windowDays: r.windowDays, notEvaluable: r.notEvaluable,
          ...flat('before', r.before), ...flat('after', r.after), ...flat('change', r.change),
          matchPersonId: r.match?.personId ?? null, matchDisplayName: r.match?.displayName ?? null, matchDistance: r.match?.distance ?? null, ...flat('matchChange', r.match?.change),
        }));
        return csvResponse(fileName(name, `members-${q.window}d`), rows, memberCsvColumns);
      }
      return c.json(answer);
    })
    .get('/:name/external', queryOf(externalQuery), async (c) => {
      const q = c.req.valid('query');
      const name = await knownProgramme(deps, c.req.param('name'));
      const ext = await withConnection(deps.db, (conn) => getProgrammeExternal(conn, name, { platform: q.platform ?? null, minMembers: min }));
      const weeks: ExternalWeek[] = ext.weeks.map((w) => {
        const suppressed = w.memberAccounts < min;
        return suppressed
          ? { ...w, suppressed, membersFollowers: null, membersPosts: null, membersImpressions: null, membersReactions: null, membersComments: null, membersShares: null }
          : { ...w, suppressed };
      });
      const answer: { programme: string; platform: string | null; minGroupSize: number; start: string | null; deadline: string | null; crossing: Crossing | null; withinSixMonths: boolean | null; weeks: ExternalWeek[] } = {
        programme: name,
        platform: q.platform ?? null,
        minGroupSize: min,
        start: ext.start,
        deadline: ext.deadline,
        crossing: ext.crossing,
        withinSixMonths: ext.withinSixMonths,
        weeks,
      };
      if (q.format === 'csv') return csvResponse(fileName(name, 'external'), weeks as unknown as Record<string, unknown>[]);
      return c.json(answer);
    })
    .get('/:name/voice', queryOf(voiceQuery), async (c) => {
      const q = c.req.valid('query');
      const name = await knownProgramme(deps, c.req.param('name'));
      const answer = await withConnection(deps.db, async (conn) => {
        const data = await getDataPeriod(conn);
        if (!data.from || !data.to) return { programme: name, minGroupSize: min, items: [] as VoiceMonth[] };
        const range = { from: data.from, to: data.to };
        const voice = await getVoiceShare(conn, { ...range, grain: 'month' });
        const ours = new Map((await getProgrammeVoice(conn, name, range)).map((r) => [r.period, r]));
        const members = await getProgrammeMembers(conn, name);
        const items: VoiceMonth[] = voice.map((v) => {
          const monthFrom = `${v.period}-01`;
          const monthTo = `${v.period}-31`;
          const inMonth = members.filter((m) => m.joinedOn <= monthTo && (m.leftOn === null || m.leftOn >= monthFrom)).length;
          const suppressed = inMonth < min;
          const mine = ours.get(v.period);
          const memberEngagement = suppressed ? null : (mine?.memberEngagement ?? 0);
          return {
            period: v.period,
            employeePosts: v.employeePosts,
            officialPosts: v.officialPosts,
            employeeEngagement: v.employeeEngagement,
            officialEngagement: v.officialEngagement,
            employeeShare: v.employeeShare,
            members: inMonth,
            suppressed,
            memberPosts: suppressed ? null : (mine?.memberPosts ?? 0),
            memberEngagement,
            memberShare: memberEngagement !== null && v.employeeEngagement > 0 ? memberEngagement / v.employeeEngagement : null,
          };
        });
        return { programme: name, minGroupSize: min, items };
      });
      if (q.format === 'csv') return csvResponse(fileName(name, 'voice'), answer.items as unknown as Record<string, unknown>[]);
      return c.json(answer);
    });
}
