// TanStack Query option factories, one per endpoint. Pages call useQuery(adoptionQuery(...)) so
// every page that shows the same figures shares one cache entry and one request.
import { queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { ExplanationItem, Role } from '../../analytics/graph/influence';
import type { InfluencerRow, MetricPeriodRow } from '../../analytics/queries/influencer-ranking';
import type { AdoptionRow } from '../../analytics/types';
import { client, readJson } from './api';
import type { Lang } from './i18n';

export type Grain = 'day' | 'week' | 'month';

/** Department/location/period filter as it appears in the URL; absent keys mean "all". */
export interface Filters {
  from?: string;
  to?: string;
  department?: string;
  location?: string;
}

export type Health = InferResponseType<typeof client.api.health.$get, 200>;
export type Meta = InferResponseType<typeof client.api.meta.$get, 200>;
/**
 * The JSON answer of GET /api/adoption. Written out here because the route also answers CSV
 * (a plain Response), which makes hono's RPC inference give `{}` for this endpoint.
 */
export interface Adoption {
  items: AdoptionRow[];
  from: string | null;
  to: string | null;
  suppressed: boolean;
}
export type AdoptionItem = AdoptionRow;
export type GroupOption = Meta['departments'][number];
export type LastImport = NonNullable<Meta['lastImport']>;

/** Drops empty values so equal filters give equal query keys and clean URLs. */
function compact<T extends object>(value: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null && v !== '') (out as Record<string, unknown>)[k] = v;
  return out;
}

/** GET /api/health: status, schema version and row counts per table. */
export const healthQuery = () =>
  queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => readJson(() => client.api.health.$get(undefined, { init: { signal } })),
  });

/** GET /api/meta: data period, group lists with privacy flags, last import. */
export const metaQuery = () =>
  queryOptions({
    queryKey: ['meta'],
    queryFn: ({ signal }) => readJson(() => client.api.meta.$get(undefined, { init: { signal } })),
    staleTime: 5 * 60_000,
  });

function adoptionParams(filters: Filters, grain: Grain, format: 'json' | 'csv' = 'json') {
  const f = compact(filters);
  return { from: f.from, to: f.to, department: f.department, location: f.location, grain, format };
}

/** GET /api/adoption for a grain and the current filters. */
export const adoptionQuery = (filters: Filters, grain: Grain) => {
  const query = adoptionParams(filters, grain);
  return queryOptions({
    queryKey: ['adoption', compact(query)],
    queryFn: async ({ signal }) => (await readJson(() => client.api.adoption.$get({ query }, { init: { signal } }))) as Adoption,
  });
};

/** Relative URL of the same adoption figures as a CSV download. */
export function adoptionCsvHref(filters: Filters, grain: Grain): string {
  return client.api.adoption.$path({ query: adoptionParams(filters, grain, 'csv') });
}

/** A stored metrics period (standard or computed on request) as GET /api/influencers/periods lists it. */
export type MetricPeriod = MetricPeriodRow;
/** One ranked person with the explanation in sentences of the requested language. */
export type Influencer = Omit<InfluencerRow, 'explanation'> & { explanation: string[]; explanationParts: ExplanationItem[] };
/**
 * The JSON answer of GET /api/influencers. Written out because the route also answers CSV, which
 * makes hono's inference give `{}`. `period` is null when the database holds no activity.
 */
export interface Influencers {
  items: Influencer[];
  total: number;
  period: MetricPeriod | null;
}
export type PersonProfile = InferResponseType<(typeof client.api.people)[':id']['$get'], 200>;
export type Tie = PersonProfile['ties'][number];
export type RecentContent = PersonProfile['recentContent'][number];
export type PersonMonth = PersonProfile['history'][number];
export type Network = InferResponseType<typeof client.api.network.$get, 200>;
export type NetworkNode = Network['nodes'][number];
export type NetworkEdge = Network['edges'][number];
/** The JSON answer of GET /api/network/matrix (written out for the same CSV reason). */
export interface DepartmentMatrix {
  departments: string[];
  cells: Array<{ from: string; to: string; weight: number; ties: number }>;
  period: { from: string; to: string } | null;
}

/** The ranking fetched at once: a few thousand rows fit in memory, so sorting and paging are local. */
export const rankingLimit = 5000;

/** The period part of the filters; both or neither, as the person-level endpoints require. */
export function periodOf(filters: Filters): { from?: string; to?: string } {
  return filters.from && filters.to ? { from: filters.from, to: filters.to } : {};
}

/** GET /api/influencers/periods: the stored standard and custom periods. */
export const influencerPeriodsQuery = () =>
  queryOptions({
    queryKey: ['influencer-periods'],
    queryFn: async ({ signal }) => (await readJson(() => client.api.influencers.periods.$get(undefined, { init: { signal } }))).items as MetricPeriod[],
    staleTime: 5 * 60_000,
  });

function influencerParams(filters: Filters, lang: Lang, extra: { role?: Role; limit?: number; format?: 'csv' } = {}) {
  const f = compact(filters);
  const period = periodOf(f);
  return compact({
    from: period.from,
    to: period.to,
    department: f.department,
    location: f.location,
    role: extra.role,
    limit: extra.limit,
    lang,
    format: extra.format,
  });
}

/** GET /api/influencers: the whole ranking (up to rankingLimit) of the period and groups. */
export const influencersQuery = (filters: Filters, lang: Lang) => {
  const query = influencerParams(filters, lang, { limit: rankingLimit });
  return queryOptions({
    queryKey: ['influencers', query],
    queryFn: async ({ signal }) => (await readJson(() => client.api.influencers.$get({ query }, { init: { signal } }))) as unknown as Influencers,
  });
};

/** Relative URL of the ranking as CSV with the same filters, role and language. */
export function influencersCsvHref(filters: Filters, lang: Lang, role?: Role): string {
  return client.api.influencers.$path({ query: influencerParams(filters, lang, { role, format: 'csv' }) });
}

/** GET /api/people/:id for the period of the filters. A 404 surfaces as ApiRequestError. */
export const personQuery = (personId: string, filters: Filters, lang: Lang) => {
  const query = { ...periodOf(filters), lang };
  return queryOptions({
    queryKey: ['person', personId, query],
    queryFn: ({ signal }) => readJson<PersonProfile>(() => client.api.people[':id'].$get({ param: { id: personId }, query }, { init: { signal } })),
  });
};

export interface NetworkParams {
  from?: string;
  to?: string;
  department?: string;
  community?: number;
  limit: number;
  minWeight: number;
}

/** GET /api/network: the top `limit` people of the period and the ties of at least `minWeight` among them. */
export const networkQuery = (params: NetworkParams) => {
  const query = compact({
    ...periodOf(params),
    department: params.department,
    community: params.community,
    limit: params.limit,
    minWeight: params.minWeight,
  });
  return queryOptions({
    queryKey: ['network', query],
    queryFn: ({ signal }) => readJson<Network>(() => client.api.network.$get({ query }, { init: { signal } })),
  });
};

/** GET /api/network/matrix: department-to-department interaction weights of the period. */
export const matrixQuery = (filters: Filters) => {
  const query = periodOf(filters);
  return queryOptions({
    queryKey: ['network-matrix', query],
    queryFn: async ({ signal }) => (await readJson(() => client.api.network.matrix.$get({ query }, { init: { signal } }))) as unknown as DepartmentMatrix,
  });
};

/** Relative URL of the department matrix as CSV. */
export function matrixCsvHref(filters: Filters): string {
  return client.api.network.matrix.$path({ query: { ...periodOf(filters), format: 'csv' } });
}

/** The access part of /api/meta: local single-user mode or tokens, the signed-in user and role, works-council mode. */
export type Access = Meta['access'];

/** GET /api/imports (admin): the import history, newest first, and the name of a running import. */
export type ImportHistory = InferResponseType<typeof client.api.imports.$get, 200>;
export type ImportRun = ImportHistory['items'][number];
/** The answer of a successful upload (POST /api/imports, 201): what was read, loaded, skipped and rejected. */
export type ImportResult = InferResponseType<typeof client.api.imports.$post, 201>;
export type ImportReject = ImportResult['rejects'][number];

/** GET /api/imports. Polled every 2 s while an import runs, so the history shows when it ends. */
export const importsQuery = () =>
  queryOptions({
    queryKey: ['imports'],
    queryFn: ({ signal }) => readJson(() => client.api.imports.$get(undefined, { init: { signal } })),
    refetchInterval: (query) => (query.state.data?.running ? 2000 : false),
  });

/** Relative URL of all rejected rows of an import run as CSV. */
export function importRejectsCsvHref(runId: number): string {
  return client.api.imports[':runId'].rejects.$path({ param: { runId: String(runId) }, query: { format: 'csv' } });
}

/** One entry of the audit log (GET /api/audit); `filters` is the JSON text of the request's query. */
export interface AuditEntry {
  auditId: number;
  loggedAt: string;
  actor: string;
  role: string;
  action: string;
  target: string | null;
  filters: string | null;
}

/** GET /api/audit (admin): the newest `limit` entries. Always fresh: the log is read to be current. */
export const auditQuery = (limit: number) =>
  queryOptions({
    queryKey: ['audit', limit],
    queryFn: async ({ signal }) => (await readJson(() => client.api.audit.$get({ query: { limit } }, { init: { signal } }))) as unknown as { items: AuditEntry[] },
    staleTime: 0,
    refetchOnMount: 'always',
  });

/** Relative URL of the audit log as CSV (up to 10,000 entries). */
export function auditCsvHref(): string {
  return client.api.audit.$path({ query: { format: 'csv', limit: 10_000 } });
}
