// TanStack Query option factories, one per endpoint. Pages call useQuery(adoptionQuery(...)) so
// every page that shows the same figures shares one cache entry and one request.
import { queryOptions } from '@tanstack/react-query';
import type { InferResponseType } from 'hono/client';
import type { AdoptionRow } from '../../analytics/types';
import { client, readJson } from './api';

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
