// Query factories and answer types of the Content page (GET /api/content/*). The answers are
// written out from the route types, because routes that also answer CSV make hono's RPC
// inference give `{}`. Every factory takes the page's ChartFilter (period made explicit, groups).
import { queryOptions } from '@tanstack/react-query';
import type { FormatItem, QuestionChange, QuestionFigures, SpaceItem, VoiceTotals } from '../../api/routes/content';
import type { Change, ContentSummaryRow, DayRange, TopPostRow, UnansweredQuestionRow, VoiceShareRow } from '../../analytics/types';
import type { ChartFilter } from './adoption-queries';
import { client, readJson } from './api';

export type { FormatItem, QuestionFigures, SpaceItem, VoiceTotals } from '../../api/routes/content';
export type { ContentSummaryRow, TopPostRow, UnansweredQuestionRow, VoiceShareRow } from '../../analytics/types';

interface Periods {
  period: DayRange | null;
  previousPeriod: DayRange | null;
  suppressed: boolean;
}

export interface ContentSummary extends Periods {
  current: ContentSummaryRow | null;
  previous: ContentSummaryRow | null;
  change: Record<string, Change> | null;
}
export interface Formats extends Periods {
  items: FormatItem[];
}
export interface Questions extends Periods {
  current: QuestionFigures | null;
  previous: QuestionFigures | null;
  change: QuestionChange | null;
  unanswered: UnansweredQuestionRow[];
}
export interface TopPosts {
  period: DayRange | null;
  sort: string;
  suppressed: boolean;
  items: TopPostRow[];
}
export interface VoiceShare extends Periods {
  grain: 'day' | 'week' | 'month';
  items: VoiceShareRow[];
  current: VoiceTotals | null;
  previous: VoiceTotals | null;
  change: Record<string, Change> | null;
}
export interface Syndicated {
  period: DayRange | null;
  sort: string;
  suppressed: boolean;
  items: TopPostRow[];
  syndicated: ContentSummaryRow | null;
  others: ContentSummaryRow | null;
}
export interface Spaces extends Periods {
  minGroupSize: number;
  items: SpaceItem[];
}

/** How many top posts and unanswered questions the tables hold (the CSV files the same). */
export const listLimit = 50;

const content = client.api.content;
type Format = 'json' | 'csv';

const summaryParams = (f: ChartFilter) => ({ ...f, voice: 'all' as const, compare: 'previous' as const });
const formatsParams = (f: ChartFilter, format: Format = 'json') => ({ ...f, voice: 'all' as const, format });
const questionsParams = (f: ChartFilter, format: Format = 'json') => ({ ...f, voice: 'all' as const, compare: 'previous' as const, limit: String(listLimit), format });
const topParams = (f: ChartFilter, format: Format = 'json') => ({ ...f, voice: 'all' as const, limit: String(listLimit), sort: 'engagement' as const, format });
// Voice share is about the whole organisation: it takes no department or location.
const voiceParams = (f: ChartFilter, format: Format = 'json') => ({ from: f.from, to: f.to, grain: 'month' as const, compare: 'previous' as const, format });
const syndicatedParams = (f: ChartFilter, format: Format = 'json') => ({ ...f, voice: 'all' as const, limit: String(listLimit), sort: 'engagement' as const, format });
const spacesParams = (f: ChartFilter, format: Format = 'json') => ({ ...f, format });

/** GET /api/content/summary with the previous period. */
export const contentSummaryQuery = (f: ChartFilter) =>
  queryOptions({
    queryKey: ['content-summary', summaryParams(f)],
    queryFn: async ({ signal }) => (await readJson(() => content.summary.$get({ query: summaryParams(f) }, { init: { signal } }))) as unknown as ContentSummary,
  });

/** GET /api/content/formats. */
export const formatsQuery = (f: ChartFilter) =>
  queryOptions({
    queryKey: ['content-formats', formatsParams(f)],
    queryFn: async ({ signal }) => (await readJson(() => content.formats.$get({ query: formatsParams(f) }, { init: { signal } }))) as unknown as Formats,
  });
export const formatsCsvHref = (f: ChartFilter) => content.formats.$path({ query: formatsParams(f, 'csv') });

/** GET /api/content/questions with the previous period and the oldest unanswered questions. */
export const questionsQuery = (f: ChartFilter) =>
  queryOptions({
    queryKey: ['content-questions', questionsParams(f)],
    queryFn: async ({ signal }) => (await readJson(() => content.questions.$get({ query: questionsParams(f) }, { init: { signal } }))) as unknown as Questions,
  });
export const unansweredCsvHref = (f: ChartFilter) => content.questions.$path({ query: questionsParams(f, 'csv') });

/** GET /api/content/top: the posts with the most engagement. */
export const topPostsQuery = (f: ChartFilter) =>
  queryOptions({
    queryKey: ['content-top', topParams(f)],
    queryFn: async ({ signal }) => (await readJson(() => content.top.$get({ query: topParams(f) }, { init: { signal } }))) as unknown as TopPosts,
  });
export const topPostsCsvHref = (f: ChartFilter) => content.top.$path({ query: topParams(f, 'csv') });

/** GET /api/content/voice-share per month (whole organisation). */
export const voiceShareQuery = (f: ChartFilter) =>
  queryOptions({
    queryKey: ['content-voice', voiceParams(f)],
    queryFn: async ({ signal }) => (await readJson(() => content['voice-share'].$get({ query: voiceParams(f) }, { init: { signal } }))) as unknown as VoiceShare,
  });
export const voiceShareCsvHref = (f: ChartFilter) => content['voice-share'].$path({ query: voiceParams(f, 'csv') });

/** GET /api/content/syndicated: posts that carry an external post, against the others. */
export const syndicatedQuery = (f: ChartFilter) =>
  queryOptions({
    queryKey: ['content-syndicated', syndicatedParams(f)],
    queryFn: async ({ signal }) => (await readJson(() => content.syndicated.$get({ query: syndicatedParams(f) }, { init: { signal } }))) as unknown as Syndicated,
  });
export const syndicatedCsvHref = (f: ChartFilter) => content.syndicated.$path({ query: syndicatedParams(f, 'csv') });

/** GET /api/content/spaces: activity and reach per space (whole months). */
export const spacesQuery = (f: ChartFilter) =>
  queryOptions({
    queryKey: ['content-spaces', spacesParams(f)],
    queryFn: async ({ signal }) => (await readJson(() => content.spaces.$get({ query: spacesParams(f) }, { init: { signal } }))) as unknown as Spaces,
  });
export const spacesCsvHref = (f: ChartFilter) => content.spaces.$path({ query: spacesParams(f, 'csv') });
