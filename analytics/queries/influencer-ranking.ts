// Typed wrappers of the influencer, person-profile and network SQL.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql, readSqlWith } from '../db';
import type { ExplanationItem, Role } from '../graph/influence';

export const influencerSortKeys = {
  rank: 'm.rank ASC',
  score: 'm.score DESC',
  pagerank: 'm.pagerank DESC',
  betweenness: 'm.betweenness DESC',
  reach: 'm.reach DESC',
  responders: 'm.responders DESC',
  crossDepartmentReach: 'm.cross_department_reach DESC',
  inStrength: 'm.in_strength DESC',
  growth: 'm.growth DESC NULLS LAST',
} as const;
export type InfluencerSort = keyof typeof influencerSortKeys;

export interface InfluencerRow {
  personId: string;
  displayName: string | null;
  department: string | null;
  location: string | null;
  rank: number;
  score: number;
  roles: Role[];
  expertTopics: string[];
  pagerank: number;
  betweenness: number;
  inStrength: number;
  responders: number;
  reach: number;
  crossDepartmentReach: number;
  departmentEntropy: number;
  community: number | null;
  growth: number | null;
  hub: number;
  authority: number;
  balance: string;
  networkSize: number;
  strongTies: number;
  diverseTies: number;
  posts: number;
  comments: number;
  explanation: ExplanationItem[];
}

export interface InfluencerFilter {
  periodId: string;
  department?: string | null;
  location?: string | null;
  role?: Role | null;
  /** One person only (their row, if ranked). */
  personId?: string | null;
  sort?: InfluencerSort;
  limit: number;
  offset: number;
}

type RawInfluencer = Omit<InfluencerRow, 'roles' | 'expertTopics' | 'explanation'> & { roles: string; expertTopics: string | null; explanation: string; total: number };

/** Ranked people of a stored period with their metrics and explanation; total before paging. */
export async function getInfluencers(connection: DuckDBConnection, filter: InfluencerFilter): Promise<{ items: InfluencerRow[]; total: number }> {
  const order = influencerSortKeys[filter.sort ?? 'rank'];
  const rows = await queryRows<RawInfluencer>(connection, readSqlWith('influencer-ranking', { order }), {
    period: filter.periodId,
    department: filter.department ?? null,
    location: filter.location ?? null,
    role: filter.role ?? null,
    person: filter.personId ?? null,
    limit: filter.limit,
    offset: filter.offset,
  });
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && filter.offset > 0) {
    const all = await queryRows<RawInfluencer>(connection, readSqlWith('influencer-ranking', { order }), {
      period: filter.periodId,
      department: filter.department ?? null,
      location: filter.location ?? null,
      role: filter.role ?? null,
      person: filter.personId ?? null,
      limit: 1,
      offset: 0,
    });
    total = all[0]?.total ?? 0;
  }
  return {
    items: rows.map(({ total: _total, roles, expertTopics, explanation, ...rest }) => ({
      ...rest,
      roles: roles ? (roles.split(';') as Role[]) : [],
      expertTopics: expertTopics ? expertTopics.split(';') : [],
      explanation: JSON.parse(explanation) as ExplanationItem[],
    })),
    total,
  };
}

export interface PersonProfileRow {
  personId: string;
  displayName: string | null;
  department: string | null;
  location: string | null;
  jobTitle: string | null;
  accountType: string;
  isPlaceholder: boolean;
  employedFrom: string | null;
  employedTo: string | null;
}

/** One account, or null when the id is unknown. */
export async function getPersonProfile(connection: DuckDBConnection, personId: string): Promise<PersonProfileRow | null> {
  const rows = await queryRows<PersonProfileRow>(connection, readSql('person-profile'), { person: personId });
  return rows[0] ?? null;
}

export interface PersonMonthRow {
  month: string;
  rank: number | null;
  score: number | null;
  responders: number;
  reach: number;
  crossDepartmentReach: number;
  pagerank: number;
  betweenness: number;
  inStrength: number;
  posts: number;
  comments: number;
  roles: string;
}

/** Stored monthly metrics of a person, oldest first. */
export function getPersonHistory(connection: DuckDBConnection, personId: string): Promise<PersonMonthRow[]> {
  return queryRows<PersonMonthRow>(connection, readSql('person-metrics-history'), { person: personId });
}

export interface TieRow {
  direction: 'in' | 'out';
  personId: string;
  displayName: string | null;
  department: string | null;
  weight: number;
  comments: number;
  reactions: number;
  shares: number;
  mentions: number;
  interactions: number;
}

/** Strongest ties in and out of a person in a stored period (at most `limit` each way). */
export function getPersonTies(connection: DuckDBConnection, personId: string, periodId: string, limit = 10): Promise<TieRow[]> {
  return queryRows<TieRow>(connection, readSql('person-ties'), { period: periodId, person: personId, limit });
}

/** Departments of the people a person reached in a stored period. */
export function getDepartmentsReached(connection: DuckDBConnection, personId: string, periodId: string): Promise<Array<{ department: string | null; people: number }>> {
  return queryRows(connection, readSql('person-departments-reached'), { person: personId, period: periodId });
}

export interface RecentContentRow {
  contentId: string;
  kind: string;
  title: string | null;
  format: string;
  createdAt: string;
  space: string | null;
  isQuestion: boolean;
  views: number;
  viewers: number;
  reactions: number;
  comments: number;
  shares: number;
  engagement: number;
}

/** A person's newest items of a period with engagement. */
export function getRecentContent(connection: DuckDBConnection, personId: string, from: string, to: string, limit = 10): Promise<RecentContentRow[]> {
  return queryRows<RecentContentRow>(connection, readSql('person-recent-content'), { person: personId, from, to, limit });
}

export interface NetworkNode {
  personId: string;
  displayName: string | null;
  department: string | null;
  location: string | null;
  community: number | null;
  rank: number;
  score: number;
  roles: string;
  responders: number;
  reach: number;
  betweenness: number;
}

export interface NetworkFilter {
  periodId: string;
  limit: number;
  minWeight: number;
  department?: string | null;
  community?: number | null;
}

/** The top people of a period and the edges among them. */
export async function getNetwork(connection: DuckDBConnection, f: NetworkFilter): Promise<{ nodes: NetworkNode[]; edges: Array<{ source: string; target: string; weight: number }> }> {
  const base = { period: f.periodId, limit: f.limit, department: f.department ?? null, community: f.community ?? null };
  const nodes = await queryRows<NetworkNode>(connection, readSql('network-nodes'), base);
  const edges = await queryRows<{ source: string; target: string; weight: number }>(connection, readSql('network-edges'), { ...base, minWeight: f.minWeight });
  return { nodes, edges };
}

/** Department-to-department summed interaction weights of a stored period. */
export function getDepartmentMatrix(connection: DuckDBConnection, periodId: string): Promise<Array<{ fromDepartment: string | null; toDepartment: string | null; weight: number; ties: number }>> {
  return queryRows(connection, readSql('department-matrix'), { period: periodId });
}

export interface MetricPeriodRow {
  periodId: string;
  kind: string;
  from: string;
  to: string;
  nodes: number;
  edges: number;
  communities: number;
  betweennessPivots: number | null;
  seconds: number;
  dataVersion: number;
  computedAt: string;
}

/** The stored period with exactly these days (standard ones preferred), or null. */
export async function findMetricPeriod(connection: DuckDBConnection, from: string, to: string): Promise<MetricPeriodRow | null> {
  return (await queryRows<MetricPeriodRow>(connection, readSql('metric-period-find'), { from, to }))[0] ?? null;
}

/** Every stored period. */
export function getMetricPeriods(connection: DuckDBConnection): Promise<MetricPeriodRow[]> {
  return queryRows<MetricPeriodRow>(connection, readSql('metric-periods'));
}
