// The pilot group builder (POST /api/pilot-group) and saved pilot groups (/api/pilot-groups).
// Person-level: the `person` area (lead, admin), audited, off in works-council mode (api/access.ts).
// Departments and locations below the minimum group size are folded into "(other)" wherever
// they appear next to figures or people.
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { z } from 'zod';
import type { DuckDBConnection } from '@duckdb/node-api';
import { withConnection } from '../../analytics/db';
import { describeQuota, PilotInfeasibleError } from '../../analytics/graph/pilot';
import { ensurePeriodMetrics } from '../../analytics/jobs/period-cache';
import { deletePilotGroup, getPeopleByIds, getPilotGroup, getPilotGroups, hasPilotGroupNamed, savePilotGroup } from '../../analytics/queries/pilot-groups';
import {
  computeGroupCoverage,
  computePilotAnswer,
  getOptedOut,
  getPilotRanking,
  getPilotReachData,
  type GroupCoverage,
  type PilotGroupRequest,
  type PilotReachData,
} from '../../analytics/queries/pilot';
import type { AccessVariables } from '../access';
import { csvResponse } from '../csv';
import type { AppDeps } from '../deps';
import { ApiError, badRequest } from '../errors';
import { getGroupGuard, otherGroup, unknownGroup, type GroupGuard } from '../privacy';
import { formatParam, groupName, isoDay, queryOf } from '../validation';
import { checkPersonRange, resolvePeriod } from './period';

const quotaSchema = z
  .object({
    by: z.enum(['department', 'location']),
    group: groupName,
    min: z.number().int().min(0).max(100_000).optional(),
    max: z.number().int().min(0).max(100_000).optional(),
  })
  .strict()
  .refine((q) => q.min !== undefined || q.max !== undefined, { message: 'a quota needs min, max or both' });

const personIdSchema = z.string().min(1).max(200);

const requestFields = {
  size: z.number({ message: 'size must be a whole number' }).int('size must be a whole number').min(1, 'size must be at least 1').max(1000, 'size must be at most 1000'),
  from: isoDay.optional(),
  to: isoDay.optional(),
  quotas: z.array(quotaSchema).max(500).optional(),
  exclude: z.array(personIdSchema).max(20_000).optional(),
  pool: z
    .object({
      departments: z.array(groupName).max(1000).optional(),
      locations: z.array(groupName).max(1000).optional(),
      minReach: z.number().int().min(0).max(10_000_000).optional(),
    })
    .strict()
    .optional(),
};

type PeriodFields = { from?: string; to?: string };

const pilotBody = z.object(requestFields).strict().superRefine(checkPersonRange);
const saveBody = z
  .object({ name: z.string().trim().min(1, 'name must not be empty').max(120, 'name: at most 120 characters'), request: z.object(requestFields).strict().superRefine(checkPersonRange) })
  .strict();
const langQuery = z.object({ lang: z.enum(['de', 'en']).optional(), format: formatParam.optional() });
const compareQuery = z
  .object({ a: z.coerce.number().int().min(1), b: z.coerce.number().int().min(1), from: isoDay.optional(), to: isoDay.optional() })
  .superRefine(checkPersonRange);
const groupIdParam = z.coerce.number().int().min(1);

/** Validates a JSON body with `schema`; a failure is a 400 naming the field. */
function jsonOf<S extends z.ZodType>(schema: S) {
  return validator('json', (value) => {
    const result = schema.safeParse(value);
    if (!result.success) throw badRequest(result.error, 'body');
    return result.data as z.infer<S>;
  });
}

function parseGroupId(raw: string): number {
  const id = groupIdParam.safeParse(raw);
  if (!id.success) throw new ApiError(400, 'bad_request', `Invalid group id "${raw}": expected a positive whole number.`);
  return id.data;
}

// Reach data per database, period and data version: moving the size slider or editing a quota
// reuses the sets instead of aggregating the period's activity again.
const reachCache = new WeakMap<AppDeps['db'], { version: number; entries: Map<string, Promise<PilotReachData>> }>();

function getReach(deps: AppDeps, from: string, to: string): Promise<PilotReachData> {
  const version = deps.dataVersion?.current ?? 0;
  let kept = reachCache.get(deps.db);
  if (!kept || kept.version !== version) reachCache.set(deps.db, (kept = { version, entries: new Map() }));
  const key = `${from}..${to}`;
  let entry = kept.entries.get(key);
  if (!entry) {
    entry = withConnection(deps.db, (c) => getPilotReachData(c, from, to));
    entry.catch(() => kept!.entries.delete(key));
    kept.entries.set(key, entry);
    while (kept.entries.size > 4) kept.entries.delete(kept.entries.keys().next().value as string);
  } else {
    kept.entries.delete(key);
    kept.entries.set(key, entry);
  }
  return entry;
}

/** Folds small groups into "(other)" and the unknown one into "(unknown)", summing their figures. */
function foldCoverage(guard: GroupGuard, dimension: 'department' | 'location', rows: GroupCoverage[]) {
  const folded = new Map<string, { group: string; people: number; reached: number }>();
  for (const r of rows) {
    const label = guard.label(dimension, r.group);
    const g = folded.get(label) ?? { group: label, people: 0, reached: 0 };
    g.people += r.people;
    g.reached += r.reached;
    folded.set(label, g);
  }
  const order = (g: string) => (g === otherGroup ? 1 : g === unknownGroup ? 2 : 0);
  // "(other)" folding a single small group would show that group's figures: hide them then.
  return [...folded.values()]
    .map((g) =>
      g.group === otherGroup && g.people < guard.minGroupSize
        ? { group: g.group, people: null, reached: null, share: null }
        : { ...g, share: g.people === 0 ? 0 : g.reached / g.people },
    )
    .sort((a, b) => order(a.group) - order(b.group) || a.group.localeCompare(b.group));
}

const foldLabels = (guard: GroupGuard, groups: Array<string | null>) => [...new Set(groups.map((g) => guard.label('department', g)))];

/** Builds the answer of a builder request: resolves the period, computes, folds small groups. */
async function buildAnswer(deps: AppDeps, request: PilotGroupRequest & PeriodFields) {
  const period = await resolvePeriod(deps, request.from, request.to);
  if (!period) throw new ApiError(400, 'no_data', 'There is no activity in the database yet; import an export first.');
  const stored = await ensurePeriodMetrics(deps.db, period.from, period.to);
  const data = await getReach(deps, period.from, period.to);
  const { ranking, optedOut, guard } = await withConnection(deps.db, async (conn: DuckDBConnection) => ({
    ranking: await getPilotRanking(conn, stored.periodId),
    optedOut: await getOptedOut(conn),
    guard: await getGroupGuard(conn, deps.config.minGroupSize),
  }));
  // A quota names its group next to the members it forces in: for a group below the minimum size
  // that would show who belongs to it, so such quotas are refused (as filters on them are).
  const small = request.quotas?.find((q) => guard.isSmall(q.by, q.group));
  if (small) {
    throw new ApiError(400, 'small_group', `No quota on the ${small.by} "${small.group}": it has fewer than ${guard.minGroupSize} people (or none), and a quota would show who belongs to it.`, { quota: small });
  }
  // A pool limited to such a group would list its members: refused alike (the filter bar never offers it).
  const smallPool = [
    ...(request.pool?.departments ?? []).map((group) => ({ by: 'department' as const, group })),
    ...(request.pool?.locations ?? []).map((group) => ({ by: 'location' as const, group })),
  ].find((g) => guard.isSmall(g.by, g.group));
  if (smallPool) {
    throw new ApiError(400, 'small_group', `No pool of the ${smallPool.by} "${smallPool.group}": it has fewer than ${guard.minGroupSize} people (or none), and the answer would show who belongs to it.`, { pool: smallPool });
  }
  let answer;
  try {
    answer = computePilotAnswer(data, ranking, optedOut, request);
  } catch (error) {
    if (error instanceof PilotInfeasibleError) {
      throw new ApiError(400, 'infeasible', error.message, { kind: error.kind, figures: error.figures, quota: error.quota, described: error.quota ? describeQuota(error.quota) : null });
    }
    throw error;
  }
  const departmentCoverage = foldCoverage(guard, 'department', answer.departmentCoverage);
  return {
    period: { from: period.from, to: period.to, periodId: stored.periodId },
    members: guard.foldPeople(answer.members),
    coverage: answer.coverage,
    reached: answer.reached,
    population: answer.population,
    candidates: answer.candidates,
    departmentsCovered: departmentCoverage.filter((g) => g.reached !== null && g.reached > 0).map((g) => g.group),
    unreachedDepartments: departmentCoverage.filter((g) => g.reached === 0).map((g) => g.group),
    memberDepartments: foldLabels(guard, answer.memberDepartments),
    departmentCoverage,
    locationCoverage: foldCoverage(guard, 'location', answer.locationCoverage),
    curve: answer.curve,
    baseline: {
      coverage: answer.baseline.coverage,
      reached: answer.baseline.reached,
      size: answer.baseline.size,
      personIds: answer.baseline.personIds,
      departmentsCovered: foldCoverage(guard, 'department', answer.baseline.departmentCoverage).filter((g) => g.reached !== null && g.reached > 0).map((g) => g.group),
      memberDepartments: foldLabels(guard, answer.baseline.memberDepartments),
    },
    unknownExclusions: answer.unknownExclusions,
    minGroupSize: deps.config.minGroupSize,
  };
}

const memberColumns = ['personId', 'displayName', 'department', 'location', 'rank', 'reach', 'marginalGain', 'cumulativeCoverage', 'cumulativeShare'];

/** POST /api/pilot-group: the builder. */
export function pilotRoutes(deps: AppDeps) {
  return new Hono().post('/', queryOf(langQuery), jsonOf(pilotBody), async (c) => {
    const q = c.req.valid('query');
    const answer = await buildAnswer(deps, c.req.valid('json'));
    if (q.format === 'csv') return csvResponse(`pilot-group-${answer.period.from}-${answer.period.to}`, answer.members as unknown as Record<string, unknown>[], memberColumns);
    return c.json(answer);
  });
}

/** Members of a saved group as they are now: names and folded groups, opted-out people hidden. */
async function describeMembers(deps: AppDeps, conn: DuckDBConnection, ids: string[]) {
  const optedOut = await getOptedOut(conn);
  const guard = await getGroupGuard(conn, deps.config.minGroupSize);
  const visible = ids.filter((id) => !optedOut.has(id));
  const found = new Map((visible.length ? await getPeopleByIds(conn, visible) : []).map((r) => [r.personId, r]));
  const members = visible.map((id, i) => ({ position: i + 1, ...(found.get(id) ?? { personId: id, displayName: null, department: null, location: null }) }));
  return { members: guard.foldPeople(members), hidden: ids.length - visible.length };
}

/** GET/POST /api/pilot-groups, GET /api/pilot-groups/compare, GET/DELETE /api/pilot-groups/:id. */
export function pilotGroupRoutes(deps: AppDeps) {
  return new Hono<{ Variables: AccessVariables }>()
    .get('/', async (c) => {
      const groups = await withConnection(deps.db, getPilotGroups);
      return c.json({
        items: groups.map(({ members, request, ...g }) => ({ ...g, size: members.length, coverage: g.population === 0 ? 0 : g.reached / g.population, quotas: request.quotas?.length ?? 0 })),
      });
    })
    .post('/', jsonOf(saveBody), async (c) => {
      const body = c.req.valid('json');
      if (await withConnection(deps.db, (conn) => hasPilotGroupNamed(conn, body.name))) {
        throw new ApiError(409, 'conflict', `A pilot group named "${body.name}" exists already; choose another name or delete that one.`);
      }
      const answer = await buildAnswer(deps, body.request);
      const request = { ...body.request, from: answer.period.from, to: answer.period.to };
      const groupId = await withConnection(deps.db, (conn) =>
        savePilotGroup(conn, {
          name: body.name,
          createdBy: c.get('user')?.name ?? 'local',
          from: answer.period.from,
          to: answer.period.to,
          request,
          members: answer.members.map((m) => m.personId),
          reached: answer.reached,
          population: answer.population,
        }),
      );
      return c.json({ groupId, name: body.name, from: answer.period.from, to: answer.period.to, size: answer.members.length, reached: answer.reached, population: answer.population, coverage: answer.coverage }, 201);
    })
    .get('/compare', queryOf(compareQuery), async (c) => {
      const q = c.req.valid('query');
      const [a, b] = await withConnection(deps.db, async (conn) => [await getPilotGroup(conn, q.a), await getPilotGroup(conn, q.b)] as const);
      if (!a) throw new ApiError(404, 'not_found', `No saved pilot group with id ${q.a}`);
      if (!b) throw new ApiError(404, 'not_found', `No saved pilot group with id ${q.b}`);
      const period = q.from && q.to ? { from: q.from, to: q.to } : { from: a.from, to: a.to };
      const data = await getReach(deps, period.from, period.to);
      const ca = computeGroupCoverage(data, a.members);
      const cb = computeGroupCoverage(data, b.members);
      let union = 0;
      let both = 0;
      for (let p = 0; p < data.ids.length; p++) {
        union += ca.covered[p] | cb.covered[p];
        both += ca.covered[p] & cb.covered[p];
      }
      const inB = new Set(b.members);
      const shared = a.members.filter((id) => inB.has(id));
      const overlap = await withConnection(deps.db, (conn) => describeMembers(deps, conn, shared));
      const population = data.ids.length;
      const share = (n: number) => (population === 0 ? 0 : n / population);
      const side = (g: typeof a, cov: typeof ca) => ({ groupId: g.groupId, name: g.name, from: g.from, to: g.to, size: g.members.length, reached: cov.reached, coverage: cov.coverage, onlyThis: 0 });
      const sideA = { ...side(a, ca), onlyThis: ca.reached - both };
      const sideB = { ...side(b, cb), onlyThis: cb.reached - both };
      return c.json({
        period,
        population,
        a: sideA,
        b: sideB,
        overlap: { members: overlap.members, size: shared.length, hidden: overlap.hidden },
        union: { reached: union, coverage: share(union) },
        reachedByBoth: both,
      });
    })
    .get('/:id', queryOf(langQuery), async (c) => {
      const id = parseGroupId(c.req.param('id'));
      const q = c.req.valid('query');
      const result = await withConnection(deps.db, async (conn) => {
        const group = await getPilotGroup(conn, id);
        return group ? { group, ...(await describeMembers(deps, conn, group.members)) } : null;
      });
      if (!result) throw new ApiError(404, 'not_found', `No saved pilot group with id ${id}`);
      const { group, members, hidden } = result;
      if (q.format === 'csv') return csvResponse(`pilot-group-${group.name}`, members as unknown as Record<string, unknown>[], ['position', 'personId', 'displayName', 'department', 'location']);
      const { members: _ids, ...rest } = group;
      return c.json({ ...rest, size: group.members.length, coverage: group.population === 0 ? 0 : group.reached / group.population, members, hiddenMembers: hidden });
    })
    .delete('/:id', async (c) => {
      const id = parseGroupId(c.req.param('id'));
      const deleted = await withConnection(deps.db, (conn) => deletePilotGroup(conn, id));
      if (!deleted) throw new ApiError(404, 'not_found', `No saved pilot group with id ${id}`);
      return c.json({ deleted: id });
    });
}
