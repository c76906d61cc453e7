// Query factories and answer types of the programme endpoints (/api/programmes…). The types are
// written out from the route's own types because every endpoint also answers CSV (a plain
// Response), which makes hono's RPC inference give `{}`.
import { queryOptions } from '@tanstack/react-query';
import type { Crossing, ProgrammeRow } from '../../analytics/queries/programmes';
import type { ImpactFigures } from '../../analytics/queries/programme-impact';
import type { ExternalWeek, ImpactGroup, MemberRow, VoiceMonth } from '../../api/routes/programmes';
import { client, readJson } from './api';

export type { Crossing, ExternalWeek, ImpactFigures, ImpactGroup, MemberRow, ProgrammeRow, VoiceMonth };

/** Window lengths offered on the page, in days (the API accepts 14–365). */
export const windowChoices = [30, 60, 90, 180] as const;
export const defaultWindow = 90;

export interface ProgrammeList {
  asOf: string | null;
  items: ProgrammeRow[];
}

export interface ProgrammeImpactAnswer {
  programme: string;
  windowDays: number;
  minGroupSize: number;
  members: number;
  evaluated: number;
  notEvaluable: number;
  matched: number;
  memberGroup: ImpactGroup;
  comparisonGroup: ImpactGroup;
  matchedMemberGroup: ImpactGroup;
  differenceInDifferences: ImpactFigures | null;
}

export interface ProgrammeExternalAnswer {
  programme: string;
  platform: string | null;
  minGroupSize: number;
  start: string | null;
  deadline: string | null;
  crossing: Crossing | null;
  withinSixMonths: boolean | null;
  weeks: ExternalWeek[];
}

export interface ProgrammeVoiceAnswer {
  programme: string;
  minGroupSize: number;
  items: VoiceMonth[];
}

export interface ProgrammeMembersAnswer {
  programme: string;
  windowDays: number;
  items: MemberRow[];
  hiddenOptedOut: number;
}

const byName = (name: string) => client.api.programmes[':name'];

/** GET /api/programmes. */
export const programmesQuery = () =>
  queryOptions({
    queryKey: ['programmes'],
    queryFn: async ({ signal }) => (await readJson(() => client.api.programmes.$get({ query: { format: 'json' } }, { init: { signal } }))) as unknown as ProgrammeList,
  });

/** GET /api/programmes/:name/impact?window=. */
export const programmeImpactQuery = (name: string, window: number) =>
  queryOptions({
    queryKey: ['programme-impact', name, window],
    queryFn: async ({ signal }) =>
      (await readJson(() => byName(name).impact.$get({ param: { name }, query: { window: String(window), format: 'json' } }, { init: { signal } }))) as unknown as ProgrammeImpactAnswer,
  });

/** GET /api/programmes/:name/members?window= (person area). */
export const programmeMembersQuery = (name: string, window: number) =>
  queryOptions({
    queryKey: ['programme-members', name, window],
    queryFn: async ({ signal }) =>
      (await readJson(() => byName(name).members.$get({ param: { name }, query: { window: String(window), format: 'json' } }, { init: { signal } }))) as unknown as ProgrammeMembersAnswer,
  });

/** GET /api/programmes/:name/external. */
export const programmeExternalQuery = (name: string) =>
  queryOptions({
    queryKey: ['programme-external', name],
    queryFn: async ({ signal }) => (await readJson(() => byName(name).external.$get({ param: { name }, query: { format: 'json' } }, { init: { signal } }))) as unknown as ProgrammeExternalAnswer,
  });

/** GET /api/programmes/:name/voice. */
export const programmeVoiceQuery = (name: string) =>
  queryOptions({
    queryKey: ['programme-voice', name],
    queryFn: async ({ signal }) => (await readJson(() => byName(name).voice.$get({ param: { name }, query: { format: 'json' } }, { init: { signal } }))) as unknown as ProgrammeVoiceAnswer,
  });

/** Relative URLs of the CSV downloads of the page's tables. */
export const programmeCsvHref = {
  list: () => client.api.programmes.$path({ query: { format: 'csv' } }),
  impact: (name: string, window: number) => byName(name).impact.$path({ param: { name }, query: { window: String(window), format: 'csv' } }),
  members: (name: string, window: number) => byName(name).members.$path({ param: { name }, query: { window: String(window), format: 'csv' } }),
  external: (name: string) => byName(name).external.$path({ param: { name }, query: { format: 'csv' } }),
  voice: (name: string) => byName(name).voice.$path({ param: { name }, query: { format: 'csv' } }),
};
