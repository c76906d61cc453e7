// The pilot group builder: reach sets of a period from SQL (set-based), the greedy selection
// over them (analytics/graph/pilot.ts), the baseline "top n by influence score" over the same
// sets, and the department and location coverage of both. Definitions: docs/pilot.md.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql } from '../db';
import { buildReachSets, computeCoverage, computePilotGroup, type Quota, type ReachSets } from '../graph/pilot';

/** The colleagues of a period with their reach sets (person indices 0..n−1). */
export interface PilotReachData {
  from: string;
  to: string;
  ids: string[];
  index: Map<string, number>;
  department: Array<string | null>;
  location: Array<string | null>;
  displayName: Array<string | null>;
  sets: ReachSets;
  /** Milliseconds spent in SQL (reach pairs and population) and building the sets. */
  timings: { sql: number; build: number };
}

/**
 * Loads the population of a period (person accounts employed in it) and who reached whom
 * among them. Opted-out people are part of it (see `getOptedOut`). An empty period gives an
 * empty population.
 */
export async function getPilotReachData(connection: DuckDBConnection, from: string, to: string): Promise<PilotReachData> {
  const began = performance.now();
  await connection.run(readSql('reach-stage'), { from, to });
  await connection.run(readSql('pilot-people'), { from, to });
  const people = (await connection.runAndReadAll('SELECT person_id, department, location, display_name FROM pilot_people ORDER BY idx')).getColumnsJS() as [string[], Array<string | null>, Array<string | null>, Array<string | null>];
  const pairs = (await connection.runAndReadAll(readSql('pilot-reach-pairs'))).getColumnsJS() as [number[], number[]];
  await connection.run('DROP TABLE IF EXISTS pilot_people');
  await connection.run('DROP TABLE IF EXISTS reach_stage');
  const sqlDone = performance.now();
  const ids = people[0] ?? [];
  const sets = buildReachSets(ids.length, pairs[0] ?? [], pairs[1] ?? []);
  return {
    from,
    to,
    ids,
    index: new Map(ids.map((id, i) => [id, i])),
    department: people[1] ?? [],
    location: people[2] ?? [],
    displayName: people[3] ?? [],
    sets,
    timings: { sql: Math.round(sqlDone - began), build: Math.round(performance.now() - sqlDone) },
  };
}

/** Person ids of a stored metrics period in influence-score order, best first. */
export async function getPilotRanking(connection: DuckDBConnection, periodId: string): Promise<string[]> {
  return (await queryRows<{ personId: string }>(connection, readSql('pilot-ranking'), { period: periodId })).map((r) => r.personId);
}

/** Everyone on the opt-out list. */
export async function getOptedOut(connection: DuckDBConnection): Promise<Set<string>> {
  return new Set((await queryRows<{ id: string }>(connection, 'SELECT person_id AS id FROM opt_outs')).map((r) => r.id));
}

export interface PilotPool {
  /** Only candidates from these departments / locations (absent or empty: all). */
  departments?: string[];
  locations?: string[];
  /** Only candidates who reached at least this many colleagues in the period. */
  minReach?: number;
}

export interface PilotGroupRequest {
  size: number;
  quotas?: Quota[];
  exclude?: string[];
  pool?: PilotPool;
}

export interface PilotMember {
  personId: string;
  displayName: string | null;
  department: string | null;
  location: string | null;
  /** Influence rank in the period, null when unranked. */
  rank: number | null;
  /** Colleagues this person reached alone. */
  reach: number;
  marginalGain: number;
  cumulativeCoverage: number;
  /** cumulativeCoverage / population. */
  cumulativeShare: number;
}

export interface GroupCoverage {
  group: string | null;
  people: number;
  reached: number;
}

export interface PilotGroupAnswer {
  members: PilotMember[];
  coverage: number;
  reached: number;
  population: number;
  candidates: number;
  /** Departments with at least one colleague reached by the group. */
  departmentsCovered: Array<string | null>;
  /** Departments none of whose colleagues the group reaches. */
  unreachedDepartments: Array<string | null>;
  /** Departments the members come from (the voices of the group). */
  memberDepartments: Array<string | null>;
  departmentCoverage: GroupCoverage[];
  locationCoverage: GroupCoverage[];
  /** Colleagues reached after the first k members, optimised and baseline, k = 1..size. */
  curve: Array<{ size: number; optimised: number; baseline: number | null }>;
  baseline: { coverage: number; reached: number; size: number; personIds: string[]; departmentsCovered: Array<string | null>; memberDepartments: Array<string | null>; departmentCoverage: GroupCoverage[] };
  /** Excluded ids that are no colleague of the period (ignored). */
  unknownExclusions: string[];
  evaluations: number;
}

/** Who may be chosen, in tie-break order: ranked people by rank, then the rest by reach and id. */
export function getPilotCandidates(data: PilotReachData, ranking: readonly string[], optedOut: ReadonlySet<string>, pool: PilotPool = {}): number[] {
  const { offsets } = data.sets;
  const departments = pool.departments?.length ? new Set(pool.departments) : null;
  const locations = pool.locations?.length ? new Set(pool.locations) : null;
  const ok = (p: number) =>
    !optedOut.has(data.ids[p]) &&
    (!departments || departments.has(data.department[p] ?? '')) &&
    (!locations || locations.has(data.location[p] ?? '')) &&
    offsets[p + 1] - offsets[p] >= (pool.minReach ?? 0);
  const order: number[] = [];
  const seen = new Uint8Array(data.ids.length);
  for (const id of ranking) {
    const p = data.index.get(id);
    if (p === undefined || seen[p]) continue;
    seen[p] = 1;
    if (ok(p)) order.push(p);
  }
  const rest: number[] = [];
  for (let p = 0; p < data.ids.length; p++) if (!seen[p] && ok(p)) rest.push(p);
  rest.sort((a, b) => offsets[b + 1] - offsets[b] - (offsets[a + 1] - offsets[a]) || (data.ids[a] < data.ids[b] ? -1 : 1));
  return order.concat(rest);
}

function distinctGroups(groups: Array<string | null>): Array<string | null> {
  return [...new Set(groups)].sort((a, b) => (a ?? '\uffff').localeCompare(b ?? '\uffff'));
}

function coverageBy(data: PilotReachData, covered: Uint8Array, attribute: Array<string | null>): GroupCoverage[] {
  const groups = new Map<string | null, GroupCoverage>();
  for (let p = 0; p < data.ids.length; p++) {
    const key = attribute[p];
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { group: key, people: 0, reached: 0 }));
    g.people++;
    g.reached += covered[p];
  }
  return [...groups.values()].sort((a, b) => (a.group ?? '\uffff').localeCompare(b.group ?? '\uffff'));
}

/**
 * The pilot group for a request over the reach data of its period: the greedy choice with its
 * marginal gains, coverage (share of the population reached), department and location
 * coverage, the coverage curve, and the baseline (the top `size` ranked candidates by influence
 * score, quotas not applied). Throws PilotInfeasibleError for a request no group can meet.
 */
export function computePilotAnswer(data: PilotReachData, ranking: readonly string[], optedOut: ReadonlySet<string>, request: PilotGroupRequest): PilotGroupAnswer {
  const candidates = getPilotCandidates(data, ranking, optedOut, request.pool);
  const unknownExclusions: string[] = [];
  const exclude: number[] = [];
  for (const id of request.exclude ?? []) {
    const p = data.index.get(id);
    if (p === undefined) unknownExclusions.push(id);
    else exclude.push(p);
  }
  const excluded = new Set(exclude);
  const selection = computePilotGroup({ sets: data.sets, candidates, department: data.department, location: data.location }, { size: request.size, quotas: request.quotas, exclude });
  const rankOf = new Map(ranking.map((id, i) => [id, i + 1]));
  const population = data.ids.length;
  const share = (n: number) => (population === 0 ? 0 : n / population);
  const { offsets } = data.sets;

  const rankedSet = new Set(ranking);
  const baselineMembers = candidates.filter((p) => rankedSet.has(data.ids[p]) && !excluded.has(p)).slice(0, request.size);
  const baseline = computeCoverage(data.sets, baselineMembers);
  const departmentCoverage = coverageBy(data, selection.covered, data.department);
  const baselineDepartments = coverageBy(data, baseline.covered, data.department);
  return {
    members: selection.picks.map((pick) => ({
      personId: data.ids[pick.person],
      displayName: data.displayName[pick.person],
      department: data.department[pick.person],
      location: data.location[pick.person],
      rank: rankOf.get(data.ids[pick.person]) ?? null,
      reach: offsets[pick.person + 1] - offsets[pick.person],
      marginalGain: pick.gain,
      cumulativeCoverage: pick.cumulative,
      cumulativeShare: share(pick.cumulative),
    })),
    coverage: share(selection.reached),
    reached: selection.reached,
    population,
    candidates: candidates.filter((p) => !excluded.has(p)).length,
    departmentsCovered: departmentCoverage.filter((g) => g.reached > 0).map((g) => g.group),
    unreachedDepartments: departmentCoverage.filter((g) => g.reached === 0).map((g) => g.group),
    memberDepartments: distinctGroups(selection.picks.map((pick) => data.department[pick.person])),
    departmentCoverage,
    locationCoverage: coverageBy(data, selection.covered, data.location),
    curve: selection.picks.map((pick, i) => ({ size: i + 1, optimised: pick.cumulative, baseline: baseline.curve[i] ?? null })),
    baseline: {
      coverage: share(baseline.reached),
      reached: baseline.reached,
      size: baselineMembers.length,
      personIds: baselineMembers.map((p) => data.ids[p]),
      departmentsCovered: baselineDepartments.filter((g) => g.reached > 0).map((g) => g.group),
      memberDepartments: distinctGroups(baselineMembers.map((p) => data.department[p])),
      departmentCoverage: baselineDepartments,
    },
    unknownExclusions,
    evaluations: selection.evaluations,
  };
}

/**
 * Coverage of given people over the reach data of a period (saved groups, comparisons): the
 * colleagues reached, their share, and which of the ids are no colleague of the period.
 */
export function computeGroupCoverage(data: PilotReachData, personIds: readonly string[]): { reached: number; coverage: number; covered: Uint8Array; unknown: string[] } {
  const members: number[] = [];
  const unknown: string[] = [];
  for (const id of personIds) {
    const p = data.index.get(id);
    if (p === undefined) unknown.push(id);
    else members.push(p);
  }
  const result = computeCoverage(data.sets, members);
  return { reached: result.reached, coverage: data.ids.length === 0 ? 0 : result.reached / data.ids.length, covered: result.covered, unknown };
}
