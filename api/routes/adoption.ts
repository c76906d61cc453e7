import { Hono } from 'hono';
import { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { getAdoption } from '../../analytics/queries/adoption';
import { getGuardedBreakdown } from '../../analytics/queries/adoption-breakdown';
import { getAdoptionActivation, getAdoptionKpis } from '../../analytics/queries/adoption-kpis';
import { monthRange, wholeMonths } from '../../analytics/queries/compare';
import { getDataPeriod } from '../../analytics/queries/meta';
import { getRetentionCohorts } from '../../analytics/queries/retention-cohorts';
import { isSmallSelection } from '../privacy';
import type { AdoptionActivationRow, AdoptionKpis, AdoptionRow, BreakdownFigures, BreakdownItem, DayRange } from '../../analytics/types';
import { otherGroup } from '../../analytics/group-guard';
import { csvResponse } from '../csv';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { formatParam, groupName, isoDay, queryOf } from '../validation';
import { checkPeriod, compareFigures, compareParam, getCurrentGroupGuard, periodFields, previousOf, rangeFields, requestRange, type Compared } from './analytics-params';

const adoptionQuery = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    grain: z.enum(['day', 'week', 'month']).default('month'),
    department: groupName.optional(),
    location: groupName.optional(),
    compare: compareParam,
    format: formatParam,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

const kpiQuery = z
  .object({ ...periodFields, department: groupName.optional(), location: groupName.optional(), compare: compareParam })
  .superRefine(checkPeriod);

const breakdownQuery = z
  .object({
    by: z.enum(['department', 'location', 'space']).default('department'),
    ...periodFields,
    department: groupName.optional(),
    location: groupName.optional(),
    compare: compareParam,
    format: formatParam,
  })
  .superRefine(checkPeriod);

const breakdownMonthsQuery = z
  .object({
    by: z.enum(['department', 'location', 'space']).default('department'),
    ...periodFields,
    department: groupName.optional(),
    location: groupName.optional(),
    format: formatParam,
  })
  .superRefine(checkPeriod);

const cohortQuery = z
  .object({ ...rangeFields, department: groupName.optional(), location: groupName.optional(), format: formatParam })
  .superRefine(checkPeriod);

const maxPeriods = { day: 1100, week: 600, month: 240 } as const;
const maxCohortMonths = 60;
const maxBreakdownMonths = 36;

/** An adoption row with mean DAU and activation (the figures of GET /api/adoption items). */
export type AdoptionItem = AdoptionRow & { dau: number } & Omit<AdoptionActivationRow, 'period'>;

export type { BreakdownFigures, BreakdownItem } from '../../analytics/types';

/**
 * One month of a group in GET /api/adoption/breakdown/months. status: `shown` (figures as
 * /breakdown?month= gives them), `other` (the group is below the minimum that month and counted
 * in "(other)"), `suppressed` ("(other)" itself below the minimum: no figures), `none` (nobody of
 * the group employed or active that month, or nothing folded into "(other)").
 */
export interface BreakdownMonthCell extends BreakdownFigures {
  month: string;
  /** The days counted: the month, cut to the requested range. */
  from: string;
  to: string;
  status: 'shown' | 'other' | 'suppressed' | 'none';
  rank: number | null;
  groups: number;
}

/** A row of GET /api/adoption/breakdown/months: the group over the whole range, and per month. */
export interface BreakdownMonthsItem extends BreakdownFigures {
  group: string;
  /** Rank by adoption rate over the whole range (null for "(other)"). */
  rank: number | null;
  suppressed: boolean;
  groups: number;
  cells: BreakdownMonthCell[];
}


async function getAdoptionItems(conn: Parameters<typeof getAdoption>[0], filter: Parameters<typeof getAdoption>[1]): Promise<AdoptionItem[]> {
  const [rows, extra] = [await getAdoption(conn, filter), await getAdoptionActivation(conn, filter)];
  const byPeriod = new Map(extra.map((e) => [e.period, e]));
  return rows.map((r) => {
    const e = byPeriod.get(r.period);
    // Mean DAU: stickiness is mean DAU / active users (days: no stickiness, DAU = active users).
    const dau = filter.grain === 'day' ? r.activeUsers : (r.stickiness ?? 0) * r.activeUsers;
    return { ...r, dau, activatedUsers: e?.activatedUsers ?? 0, activation: e?.activation ?? null };
  });
}

/**
 * GET /api/adoption (series), /api/adoption/kpis (one period, compare), /api/adoption/breakdown
 * (per department, location or space) and /api/adoption/cohorts (retention triangle).
 */
export function adoptionRoutes(deps: AppDeps) {
  const min = deps.config.minGroupSize;
  return new Hono()
    .get('/', queryOf(adoptionQuery), async (c) => {
      const q = c.req.valid('query');
      const answer = await withConnection(deps.db, async (conn) => {
        const period = await getDataPeriod(conn);
        const from = q.from ?? period.from;
        const to = q.to ?? period.to;
        const none = { previous: null as { from: string; to: string; items: AdoptionItem[] } | null };
        if (await isSmallSelection(conn, q, min)) {
          return { items: [] as AdoptionItem[], from, to, suppressed: true, ...none };
        }
        if (!from || !to) return { items: [] as AdoptionItem[], from, to, suppressed: false, ...none };
        const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
        const periods = q.grain === 'day' ? days : q.grain === 'week' ? days / 7 : days / 30;
        if (periods > maxPeriods[q.grain]) {
          throw new ApiError(400, 'bad_request', `The range ${from} to ${to} has too many ${q.grain}s for one answer (at most ${maxPeriods[q.grain]}); choose a coarser grain or a shorter range.`);
        }
        const filter = { grain: q.grain, department: q.department, location: q.location };
        const items = await getAdoptionItems(conn, { from, to, ...filter });
        if (q.compare !== 'previous' || from > to) return { items, from, to, suppressed: false, ...none };
        const before = previousOf({ from, to }, period);
        const previous = { ...before.period, items: before.hasData ? await getAdoptionItems(conn, { ...before.period, ...filter }) : [] };
        return { items, from, to, suppressed: false, previous };
      });
      if (q.format === 'csv') {
        // The CSV keeps its columns (period … stickiness); dau and activation are in the JSON.
        return csvResponse(`adoption-${q.grain}`, answer.items as unknown as Record<string, unknown>[], ['period', 'headcount', 'activeUsers', 'adoptionRate', 'contributors', 'creators', 'stickiness']);
      }
      return c.json(answer);
    })
    .get('/kpis', queryOf(kpiQuery), async (c) => {
      const q = c.req.valid('query');
      const answer: Compared<AdoptionKpis> = await withConnection(deps.db, async (conn) => {
        const { data, range } = await requestRange(conn, q, 'data');
        const empty = { period: range, previousPeriod: null, current: null, previous: null, change: null };
        if (await isSmallSelection(conn, q, min)) return { ...empty, suppressed: true };
        if (!range) return { ...empty, suppressed: false };
        const filter = { department: q.department, location: q.location };
        const compared = await compareFigures(range, data, q.compare === 'previous', (r) => getAdoptionKpis(conn, { ...r, ...filter }));
        return { ...compared, suppressed: false };
      });
      return c.json(answer);
    })
    .get('/breakdown', queryOf(breakdownQuery), async (c) => {
      const q = c.req.valid('query');
      const answer = await withConnection(deps.db, async (conn) => {
        const asked = await requestRange(conn, q, 'lastMonth');
        const data = asked.data;
        // Space activity is kept per month: a breakdown by space is about whole months.
        const range = asked.range && q.by === 'space' ? wholeMonths(asked.range) : asked.range;
        const base = { by: q.by, period: range, previousPeriod: null as DayRange | null, minGroupSize: min, items: [] as BreakdownItem[] };
        if (await isSmallSelection(conn, q, min)) return { ...base, suppressed: true };
        if (!range) return { ...base, suppressed: false };
        const guard = await getCurrentGroupGuard(deps, conn);
        const before = q.compare === 'previous' ? previousOf(range, data) : null;
        const { items } = await getGuardedBreakdown(conn, q.by, { ...range, department: q.department, location: q.location }, guard, before?.hasData ? before.period : null);
        return { ...base, previousPeriod: before?.period ?? null, items, suppressed: false };
      });
      if (q.format === 'csv') {
        const rows = answer.items.map(({ previous, ...r }) => ({ ...r, previousAdoptionRate: previous?.adoptionRate ?? null }));
        return csvResponse(`adoption-by-${q.by}${answer.period ? `-${answer.period.from}-${answer.period.to}` : ''}`, rows, ['group', 'rank', 'headcount', 'activeUsers', 'adoptionRate', 'suppressed', 'groups', 'previousAdoptionRate', 'change']);
      }
      return c.json(answer);
    })
    .get('/breakdown/months', queryOf(breakdownMonthsQuery), async (c) => {
      const q = c.req.valid('query');
      const answer = await withConnection(deps.db, async (conn) => {
        const asked = await requestRange(conn, q, 'data');
        const range = asked.range && q.by === 'space' ? wholeMonths(asked.range) : asked.range;
        const base = { by: q.by, period: range, minGroupSize: min, months: [] as string[], items: [] as BreakdownMonthsItem[] };
        if (await isSmallSelection(conn, q, min)) return { ...base, suppressed: true };
        if (!range) return { ...base, suppressed: false };
        const months = monthsOf(range);
        if (months.length > maxBreakdownMonths) {
          throw new ApiError(400, 'bad_request', `The range ${range.from} to ${range.to} spans ${months.length} months; the breakdown per month covers at most ${maxBreakdownMonths}. Choose a shorter range.`);
        }
        const guard = await getCurrentGroupGuard(deps, conn);
        const filter = { department: q.department, location: q.location };
        const whole = await getGuardedBreakdown(conn, q.by, { ...range, ...filter }, guard, null);
        // Each month is folded on its own, exactly as /breakdown?month= folds it.
        const perMonth: Array<{ month: string; from: string; to: string; items: BreakdownItem[]; small: Set<string> }> = [];
        for (const month of months) {
          const m = monthRange(month);
          const r = { from: m.from < range.from ? range.from : m.from, to: m.to > range.to ? range.to : m.to };
          const b = await getGuardedBreakdown(conn, q.by, { ...r, ...filter }, guard, null);
          perMonth.push({ month, ...r, items: b.items, small: new Set(b.folded) });
        }
        const cellOf = (group: string, pm: (typeof perMonth)[number]): BreakdownMonthCell => {
          const item = pm.items.find((i) => i.group === group);
          const at = { month: pm.month, from: pm.from, to: pm.to };
          if (item && !item.suppressed) return { ...at, status: 'shown', headcount: item.headcount, activeUsers: item.activeUsers, adoptionRate: item.adoptionRate, rank: item.rank, groups: item.groups };
          const none = { headcount: null, activeUsers: null, adoptionRate: null, rank: null };
          if (item) return { ...at, status: 'suppressed', ...none, groups: item.groups };
          return { ...at, status: group !== otherGroup && pm.small.has(group) ? 'other' : 'none', ...none, groups: 0 };
        };
        const groups = whole.items.map((i) => i.group);
        if (!groups.includes(otherGroup) && perMonth.some((pm) => pm.small.size > 0)) groups.push(otherGroup);
        const items: BreakdownMonthsItem[] = groups.map((group) => {
          const w = whole.items.find((i) => i.group === group);
          return {
            group,
            rank: w?.rank ?? null,
            headcount: w?.headcount ?? null,
            activeUsers: w?.activeUsers ?? null,
            adoptionRate: w?.adoptionRate ?? null,
            suppressed: w?.suppressed ?? false,
            groups: w?.groups ?? 0,
            cells: perMonth.map((pm) => cellOf(group, pm)),
          };
        });
        return { ...base, months, items, suppressed: false };
      });
      if (q.format === 'csv') {
        const rows = answer.items.flatMap((item) =>
          item.cells.map((cell) => ({ group: item.group, periodRank: item.rank, periodAdoptionRate: item.adoptionRate, ...cell })),
        );
        return csvResponse(`adoption-by-${q.by}-per-month${answer.period ? `-${answer.period.from}-${answer.period.to}` : ''}`, rows, [
          'group', 'periodRank', 'periodAdoptionRate', 'month', 'from', 'to', 'status', 'headcount', 'activeUsers', 'adoptionRate', 'rank', 'groups',
        ]);
      }
      return c.json(answer);
    })
    .get('/cohorts', queryOf(cohortQuery), async (c) => {
      const q = c.req.valid('query');
      const answer = await withConnection(deps.db, async (conn) => {
        const { range } = await requestRange(conn, q, 'data');
        const base = { period: range, minGroupSize: min, months: [] as string[], items: [] as CohortItem[] };
        if (await isSmallSelection(conn, q, min)) return { ...base, suppressed: true };
        if (!range) return { ...base, suppressed: false };
        const months = monthsOf(range);
        if (months.length > maxCohortMonths) {
          throw new ApiError(400, 'bad_request', `The range ${range.from} to ${range.to} spans ${months.length} months; cohorts are shown for at most ${maxCohortMonths}. Choose a shorter range.`);
        }
        const cells = await getRetentionCohorts(conn, { ...range, department: q.department, location: q.location });
        const items = new Map<string, CohortItem>();
        for (const cell of cells) {
          const suppressed = cell.people < min;
          let item = items.get(cell.cohort);
          if (!item) {
            item = { cohort: cell.cohort, people: suppressed ? null : cell.people, suppressed, cells: [] };
            items.set(cell.cohort, item);
          }
          item.cells.push({
            month: cell.month,
            offset: cell.offset,
            employed: suppressed ? null : cell.employed,
            active: suppressed ? null : cell.active,
            share: suppressed ? null : cell.share,
          });
        }
        return { ...base, months, items: [...items.values()], suppressed: false };
      });
      if (q.format === 'csv') {
        const rows = answer.items.flatMap((item) => item.cells.map((cell) => ({ cohort: item.cohort, people: item.people, suppressed: item.suppressed, ...cell })));
        return csvResponse('retention-cohorts', rows, ['cohort', 'people', 'suppressed', 'month', 'offset', 'employed', 'active', 'share']);
      }
      return c.json(answer);
    });
}

/** One cohort of GET /api/adoption/cohorts. */
export interface CohortItem {
  cohort: string;
  /** Cohort size; null when below the minimum group size (then every figure is null). */
  people: number | null;
  suppressed: boolean;
  cells: Array<{ month: string; offset: number; employed: number | null; active: number | null; share: number | null }>;
}

function monthsOf(range: DayRange): string[] {
  const out: string[] = [];
  let [y, m] = range.from.slice(0, 7).split('-').map(Number);
  const last = range.to.slice(0, 7);
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    if (label > last) break;
    out.push(label);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
