// Query factories and response types of the pilot group builder, saved groups and tandems.
// The routes also answer CSV (a plain Response), so their JSON shapes are written out here from
// the analytics types instead of inferred from the RPC client.
import { queryOptions } from '@tanstack/react-query';
import type { Quota } from '../../analytics/graph/pilot';
import type { PilotMember } from '../../analytics/queries/pilot';
import type { TandemRow } from '../../analytics/queries/tandems';
import { client, readJson } from './api';
import type { Lang } from './i18n';

export type { Quota };

export interface PilotRequest {
  size: number;
  from?: string;
  to?: string;
  quotas?: Quota[];
  exclude?: string[];
  pool?: { departments?: string[]; locations?: string[] };
}

/** A department or location; figures are null when even the folded "(other)" is below the minimum group size. */
export interface FoldedCoverage {
  group: string;
  people: number | null;
  reached: number | null;
  share: number | null;
}

export interface PilotAnswer {
  period: { from: string; to: string; periodId: string };
  members: PilotMember[];
  coverage: number;
  reached: number;
  population: number;
  candidates: number;
  departmentsCovered: string[];
  unreachedDepartments: string[];
  memberDepartments: string[];
  departmentCoverage: FoldedCoverage[];
  locationCoverage: FoldedCoverage[];
  curve: Array<{ size: number; optimised: number; baseline: number | null }>;
  baseline: { coverage: number; reached: number; size: number; personIds: string[]; departmentsCovered: string[]; memberDepartments: string[] };
  unknownExclusions: string[];
  minGroupSize: number;
}

export interface SavedGroupSummary {
  groupId: number;
  name: string;
  createdAt: string;
  createdBy: string;
  from: string;
  to: string;
  size: number;
  reached: number;
  population: number;
  coverage: number;
  quotas: number;
}

export interface GroupMember {
  position: number;
  personId: string;
  displayName: string | null;
  department: string | null;
  location: string | null;
}

export interface GroupComparison {
  period: { from: string; to: string };
  population: number;
  a: { groupId: number; name: string; size: number; reached: number; coverage: number; onlyThis: number };
  b: { groupId: number; name: string; size: number; reached: number; coverage: number; onlyThis: number };
  overlap: { members: GroupMember[]; size: number; hidden: number };
  union: { reached: number; coverage: number };
  reachedByBoth: number;
}

export type Tandem = TandemRow & { reason: string };

export interface Tandems {
  items: Tandem[];
  period: { from: string; to: string } | null;
  suppressed: boolean;
  settings: { minPosts: number; maxItems: number; minReads: number; maxPerPoster: number };
}

/** POST /api/pilot-group: the builder's answer for a request (kept per request). */
export const pilotGroupQuery = (request: PilotRequest) =>
  queryOptions({
    queryKey: ['pilot-group', request],
    queryFn: ({ signal }) => readJson(() => client.api['pilot-group'].$post({ json: request, query: {} }, { init: { signal } })) as unknown as Promise<PilotAnswer>,
    retry: false,
  });

/** GET /api/pilot-groups: saved groups, newest first. */
export const savedGroupsQuery = () =>
  queryOptions({
    queryKey: ['pilot-groups'],
    queryFn: async ({ signal }) => ((await readJson(() => client.api['pilot-groups'].$get(undefined, { init: { signal } }))) as unknown as { items: SavedGroupSummary[] }).items,
  });

/** GET /api/pilot-groups/compare?a&b. */
export const compareGroupsQuery = (a: number, b: number) =>
  queryOptions({
    queryKey: ['pilot-groups', 'compare', a, b],
    queryFn: ({ signal }) => readJson(() => client.api['pilot-groups'].compare.$get({ query: { a: String(a), b: String(b) } }, { init: { signal } })) as unknown as Promise<GroupComparison>,
  });

/** POST /api/pilot-groups: saves the group a request builds under a name. */
export function saveGroup(name: string, request: PilotRequest) {
  return readJson(() => client.api['pilot-groups'].$post({ json: { name, request } })) as unknown as Promise<SavedGroupSummary>;
}

/** DELETE /api/pilot-groups/:id. */
export function deleteGroup(groupId: number) {
  return readJson(() => client.api['pilot-groups'][':id'].$delete({ param: { id: String(groupId) } }));
}

/** Relative URL of a saved group's members as CSV. */
export function savedGroupCsvHref(groupId: number): string {
  return client.api['pilot-groups'][':id'].$path({ param: { id: String(groupId) }, query: { format: 'csv' } });
}

function tandemParams(period: { from?: string; to?: string }, department: string | undefined, lang: Lang, format?: 'csv') {
  const query: Record<string, string> = { lang };
  if (period.from && period.to) Object.assign(query, { from: period.from, to: period.to });
  if (department) query.department = department;
  if (format) query.format = format;
  return query;
}

/** GET /api/tandems for the period and the hesitant colleagues' department. */
export const tandemsQuery = (period: { from?: string; to?: string }, department: string | undefined, lang: Lang) => {
  const query = tandemParams(period, department, lang);
  return queryOptions({
    queryKey: ['tandems', query],
    queryFn: ({ signal }) => readJson(() => client.api.tandems.$get({ query }, { init: { signal } })) as unknown as Promise<Tandems>,
  });
};

/** Relative URL of the tandems as CSV with the same filters. */
export function tandemsCsvHref(period: { from?: string; to?: string }, department: string | undefined, lang: Lang): string {
  return client.api.tandems.$path({ query: tandemParams(period, department, lang, 'csv') });
}

/** Quotas in the URL: `department:Vertrieb:1:3;location:Köln::2` (by:group:min:max, empty = none). */
export function parseQuotas(text: string | null): Quota[] {
  if (!text) return [];
  return text
    .split(';')
    .map((part) => part.split(':').map(decodeURIComponent))
    .filter((p) => p.length === 4 && (p[0] === 'department' || p[0] === 'location') && p[1])
    .map(([by, group, min, max]) => ({
      by: by as Quota['by'],
      group,
      ...(min !== '' && Number.isInteger(Number(min)) ? { min: Number(min) } : {}),
      ...(max !== '' && Number.isInteger(Number(max)) ? { max: Number(max) } : {}),
    }));
}

/** The URL form of quotas (see parseQuotas); null for none. */
export function formatQuotas(quotas: Quota[]): string | null {
  if (quotas.length === 0) return null;
  return quotas.map((q) => [q.by, q.group, q.min ?? '', q.max ?? ''].map((v) => encodeURIComponent(String(v))).join(':')).join(';');
}
