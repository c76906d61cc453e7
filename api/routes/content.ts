import { Hono } from 'hono';
import { z } from 'zod';
import { withConnection } from '../../analytics/db';
import { computeChange, wholeMonths } from '../../analytics/queries/compare';
import {
  getContentSummary,
  getFormatMix,
  getQuestionEffect,
  getSpaceActivity,
  getSpacesActivityTogether,
  getTopPosts,
  getUnansweredQuestions,
  getVoiceShare,
  computeVoiceTotals,
  topPostSortKeys,
  type ContentFilter,
  type TopPostSort,
} from '../../analytics/queries/content-engagement';
import type { Change, ContentSummaryRow, DayRange, FormatMixRow, QuestionGroupRow, SpaceActivityRow, TopPostRow, UnansweredQuestionRow, VoiceShareRow, VoiceTotals } from '../../analytics/types';
import { csvResponse } from '../csv';
import type { AppDeps } from '../deps';
import { otherGroup } from '../privacy';
import { formatParam, groupName, queryOf } from '../validation';
import {
  checkPeriod,
  checkSeriesLength,
  compareFigures,
  compareParam,
  getCurrentGroupGuard,
  grainParam,
  isSuppressedSelection,
  periodFields,
  previousOf,
  requestRange,
  voiceParam,
  type Compared,
} from './analytics-params';

const filterFields = {
  ...periodFields,
  department: groupName.optional(),
  location: groupName.optional(),
  space: groupName.optional(),
  voice: voiceParam,
};
const limitParam = (fallback: number) => z.coerce.number().int().min(1).max(1000).default(fallback);
const sortParam = z.enum(Object.keys(topPostSortKeys) as [TopPostSort, ...TopPostSort[]]).default('engagement');
const postFormats = ['text', 'image', 'gallery', 'video', 'audio', 'link', 'document', 'poll', 'event'] as const;

const summaryQuery = z.object({ ...filterFields, compare: compareParam }).superRefine(checkPeriod);
const formatsQuery = z.object({ ...filterFields, compare: compareParam, format: formatParam }).superRefine(checkPeriod);
const questionsQuery = z.object({ ...filterFields, compare: compareParam, limit: limitParam(50), format: formatParam }).superRefine(checkPeriod);
const topQuery = z
  .object({ ...filterFields, limit: limitParam(20), sort: sortParam, postFormat: z.enum(postFormats).optional(), format: formatParam })
  .superRefine(checkPeriod);
const syndicatedQuery = z.object({ ...filterFields, limit: limitParam(50), sort: sortParam, format: formatParam }).superRefine(checkPeriod);
const voiceQuery = z.object({ ...periodFields, grain: grainParam, space: groupName.optional(), compare: compareParam, format: formatParam }).superRefine(checkPeriod);
const spacesQuery = z
  .object({ ...periodFields, department: groupName.optional(), location: groupName.optional(), compare: compareParam, format: formatParam })
  .superRefine(checkPeriod);

/** A format of GET /api/content/formats, with the same format in the previous period. */
export interface FormatItem extends FormatMixRow {
  previous: Pick<FormatMixRow, 'posts' | 'share' | 'engagementPerPost' | 'engagementRate'> | null;
}

/** The question effect of one period. effect = comments per question / comments per other post. */
export interface QuestionFigures {
  questions: QuestionGroupRow;
  others: QuestionGroupRow;
  effect: number | null;
}

export type { VoiceTotals } from '../../analytics/types';

type SpaceFigures = { [K in Exclude<keyof SpaceActivityRow, 'space' | 'kind' | 'official'>]: number | null };
/** A space of GET /api/content/spaces; the figures are null when the row is suppressed. */
export interface SpaceItem extends SpaceFigures {
  space: string;
  kind: string | null;
  official: boolean | null;
  suppressed: boolean;
  /** How many spaces the row stands for: 1, or the number of small spaces in "(other)". */
  spaces: number;
  engagementPerPost: number | null;
  /** With compare=previous: the space in the previous period (null when below the minimum there). */
  previous: { activeUsers: number; engagement: number; posts: number } | null;
}

const figureKeys = ['posts', 'comments', 'reactions', 'shares', 'views', 'engagement', 'activeUsers', 'contributors', 'viewers'] as const;

function contentFilter(q: { department?: string; location?: string; space?: string; voice: ContentFilter['voice'] }, range: DayRange): ContentFilter {
  return { ...range, department: q.department, location: q.location, space: q.space, voice: q.voice };
}

const periodName = (range: DayRange | null) => (range ? `-${range.from}-${range.to}` : '');

/**
 * GET /api/content/summary, /formats, /questions, /top, /voice-share, /syndicated and /spaces:
 * engagement and content analytics over the content_stats and space_activity_monthly rollups.
 * Posts count in the period they were created in, with their lifetime figures; spaces count
 * what happened in the whole months of the period (docs/metrics.md).
 */
export function contentRoutes(deps: AppDeps) {
  const min = deps.config.minGroupSize;
  return new Hono()
    .get('/summary', queryOf(summaryQuery), async (c) => {
      const q = c.req.valid('query');
      const answer: Compared<ContentSummaryRow> = await withConnection(deps.db, async (conn) => {
        const { data, range } = await requestRange(conn, q, 'data');
        const empty = { period: range, previousPeriod: null, current: null, previous: null, change: null };
        if (await isSuppressedSelection(deps, conn, q)) return { ...empty, suppressed: true };
        if (!range) return { ...empty, suppressed: false };
        const compared = await compareFigures(range, data, q.compare === 'previous', (r) => getContentSummary(conn, contentFilter(q, r)));
        return { ...compared, suppressed: false };
      });
      return c.json(answer);
    })
    .get('/formats', queryOf(formatsQuery), async (c) => {
      const q = c.req.valid('query');
      const answer = await withConnection(deps.db, async (conn) => {
        const { data, range } = await requestRange(conn, q, 'data');
        const base = { period: range, previousPeriod: null as DayRange | null, items: [] as FormatItem[] };
        if (await isSuppressedSelection(deps, conn, q)) return { ...base, suppressed: true };
        if (!range) return { ...base, suppressed: false };
        const rows = await getFormatMix(conn, contentFilter(q, range));
        const before = q.compare === 'previous' ? previousOf(range, data) : null;
        const previous = before?.hasData ? new Map((await getFormatMix(conn, contentFilter(q, before.period))).map((r) => [r.format, r])) : null;
        const items = rows.map((r) => {
          const p = previous?.get(r.format);
          return { ...r, previous: p ? { posts: p.posts, share: p.share, engagementPerPost: p.engagementPerPost, engagementRate: p.engagementRate } : null };
        });
        return { ...base, previousPeriod: before?.period ?? null, items, suppressed: false };
      });
      if (q.format === 'csv') {
        const rows = answer.items.map(({ previous, ...r }) => ({ ...r, previousPosts: previous?.posts ?? null, previousEngagementPerPost: previous?.engagementPerPost ?? null }));
        return csvResponse(`content-formats${periodName(answer.period)}`, rows, ['format', 'posts', 'share', 'views', 'viewers', 'reactions', 'comments', 'shares', 'engagement', 'engagementPerPost', 'engagementRate', 'previousPosts', 'previousEngagementPerPost']);
      }
      return c.json(answer);
    })
    .get('/questions', queryOf(questionsQuery), async (c) => {
      const q = c.req.valid('query');
      const answer = await withConnection(deps.db, async (conn) => {
        const { data, range } = await requestRange(conn, q, 'data');
        const base = { period: range, previousPeriod: null as DayRange | null, current: null as QuestionFigures | null, previous: null as QuestionFigures | null, change: null as QuestionChange | null, unanswered: [] as UnansweredQuestionRow[] };
        const guard = await getCurrentGroupGuard(deps, conn);
        if (await isSuppressedSelection(deps, conn, q)) return { ...base, suppressed: true };
        if (!range || !data.to) return { ...base, suppressed: false };
        const figures = async (r: DayRange): Promise<QuestionFigures> => {
          const [questions, others] = await getQuestionEffect(conn, contentFilter(q, r));
          const effect = questions.commentsPerPost !== null && others.commentsPerPost ? questions.commentsPerPost / others.commentsPerPost : null;
          return { questions, others, effect };
        };
        const compared = await compareFigures(range, data, q.compare === 'previous', figures, () => null);
        const change: QuestionChange | null = compared.current && compared.previous
          ? {
              questions: computeChange(compared.current.questions, compared.previous.questions)!,
              others: computeChange(compared.current.others, compared.previous.others)!,
              effect: computeChange({ effect: compared.current.effect }, { effect: compared.previous.effect })!.effect,
            }
          : null;
        const unanswered = guard.foldPosts(await getUnansweredQuestions(conn, { ...contentFilter(q, range), asOf: data.to, limit: q.limit }));
        return { ...base, previousPeriod: compared.previousPeriod, current: compared.current, previous: compared.previous, change, unanswered, suppressed: false };
      });
      if (q.format === 'csv') return csvResponse(`unanswered-questions${periodName(answer.period)}`, answer.unanswered as unknown as Record<string, unknown>[], unansweredColumns);
      return c.json(answer);
    })
    .get('/top', queryOf(topQuery), async (c) => {
      const q = c.req.valid('query');
      const answer = await withConnection(deps.db, async (conn) => {
        const { range } = await requestRange(conn, q, 'data');
        const base = { period: range, sort: q.sort, items: [] as TopPostRow[] };
        const guard = await getCurrentGroupGuard(deps, conn);
        if (await isSuppressedSelection(deps, conn, q)) return { ...base, suppressed: true };
        if (!range) return { ...base, suppressed: false };
        const rows = await getTopPosts(conn, { ...contentFilter(q, range), sort: q.sort, limit: q.limit, format: q.postFormat });
        return { ...base, items: guard.foldPosts(rows), suppressed: false };
      });
      if (q.format === 'csv') return csvResponse(`top-posts${periodName(answer.period)}`, answer.items as unknown as Record<string, unknown>[], postColumns);
      return c.json(answer);
    })
    .get('/voice-share', queryOf(voiceQuery), async (c) => {
      const q = c.req.valid('query');
      const answer = await withConnection(deps.db, async (conn) => {
        const { data, range } = await requestRange(conn, q, 'data');
        const base = { period: range, previousPeriod: null as DayRange | null, grain: q.grain, items: [] as VoiceShareRow[], current: null as VoiceTotals | null, previous: null as VoiceTotals | null, change: null as Record<string, Change> | null };
        if (await isSuppressedSelection(deps, conn, q)) return { ...base, suppressed: true };
        if (!range) return { ...base, suppressed: false };
        checkSeriesLength(range, q.grain);
        const items = await getVoiceShare(conn, { ...range, grain: q.grain, space: q.space });
        const current = computeVoiceTotals(items);
        if (q.compare !== 'previous') return { ...base, items, current, suppressed: false };
        const before = previousOf(range, data);
        // The totals do not depend on the grain: months keep the previous series short.
        const previous = before.hasData ? computeVoiceTotals(await getVoiceShare(conn, { ...before.period, grain: 'month', space: q.space })) : null;
        return { ...base, previousPeriod: before.period, items, current, previous, change: computeChange(current, previous), suppressed: false };
      });
      if (q.format === 'csv') return csvResponse(`voice-share-${q.grain}${periodName(answer.period)}`, answer.items as unknown as Record<string, unknown>[]);
      return c.json(answer);
    })
    .get('/syndicated', queryOf(syndicatedQuery), async (c) => {
      const q = c.req.valid('query');
      const answer = await withConnection(deps.db, async (conn) => {
        const { range } = await requestRange(conn, q, 'data');
        const base = { period: range, sort: q.sort, items: [] as TopPostRow[], syndicated: null as ContentSummaryRow | null, others: null as ContentSummaryRow | null };
        const guard = await getCurrentGroupGuard(deps, conn);
        if (await isSuppressedSelection(deps, conn, q)) return { ...base, suppressed: true };
        if (!range) return { ...base, suppressed: false };
        const filter = contentFilter(q, range);
        const rows = await getTopPosts(conn, { ...filter, sort: q.sort, limit: q.limit, syndicated: true });
        const syndicated = await getContentSummary(conn, { ...filter, syndicated: true });
        const others = await getContentSummary(conn, { ...filter, syndicated: false });
        return { ...base, items: guard.foldPosts(rows), syndicated, others, suppressed: false };
      });
      if (q.format === 'csv') return csvResponse(`syndicated-posts${periodName(answer.period)}`, answer.items as unknown as Record<string, unknown>[], postColumns);
      return c.json(answer);
    })
    .get('/spaces', queryOf(spacesQuery), async (c) => {
      const q = c.req.valid('query');
      const answer = await withConnection(deps.db, async (conn) => {
        const asked = await requestRange(conn, q, 'data');
        const data = asked.data;
        // Space activity is kept per month: the answer is about the whole months of the range.
        const range = asked.range && wholeMonths(asked.range);
        const base = { period: range, previousPeriod: null as DayRange | null, minGroupSize: min, items: [] as SpaceItem[] };
        if (await isSuppressedSelection(deps, conn, q)) return { ...base, suppressed: true };
        if (!range) return { ...base, suppressed: false };
        const guard = await getCurrentGroupGuard(deps, conn);
        const filter = { department: q.department, location: q.location };
        const rows = await getSpaceActivity(conn, { ...range, ...filter });
        const isSmall = (r: SpaceActivityRow) => r.space === null || guard.isSmall('space', r.space) || r.activeUsers < min;
        const shown = rows.filter((r) => !isSmall(r));
        const small = rows.filter(isSmall).map((r) => r.space as string);
        const before = q.compare === 'previous' ? previousOf(range, data) : null;
        const previousRows = before?.hasData ? await getSpaceActivity(conn, { ...before.period, ...filter }) : null;
        const previousFor = (space: string) => {
          const p = previousRows?.find((r) => r.space === space);
          return p && p.activeUsers >= min ? { activeUsers: p.activeUsers, engagement: p.engagement, posts: p.posts } : null;
        };
        const itemOf = (r: SpaceActivityRow): SpaceItem => {
          return { ...r, space: r.space as string, suppressed: false, spaces: 1, engagementPerPost: r.posts > 0 ? r.engagement / r.posts : null, previous: previousFor(r.space as string) };
        };
        const items = shown.map(itemOf).sort((a, b) => (b.activeUsers ?? 0) - (a.activeUsers ?? 0) || a.space.localeCompare(b.space));
        if (small.length > 0) {
          const together = await getSpacesActivityTogether(conn, small, { ...range, ...filter });
          const visible = together !== null && together.activeUsers >= min;
          const previousTogether = visible && before?.hasData ? await getSpacesActivityTogether(conn, small, { ...before.period, ...filter }) : null;
          items.push({
            space: otherGroup,
            kind: null,
            official: null,
            suppressed: !visible,
            spaces: small.length,
            ...(Object.fromEntries(figureKeys.map((k) => [k, visible ? together[k] : null])) as SpaceFigures),
            engagementPerPost: visible && together.posts > 0 ? together.engagement / together.posts : null,
            previous: previousTogether && previousTogether.activeUsers >= min ? { activeUsers: previousTogether.activeUsers, engagement: previousTogether.engagement, posts: previousTogether.posts } : null,
          });
        }
        return { ...base, previousPeriod: before?.period ?? null, items, suppressed: false };
      });
      if (q.format === 'csv') {
        const rows = answer.items.map(({ previous, ...i }) => ({ ...i, previousActiveUsers: previous?.activeUsers ?? null }));
        return csvResponse(`spaces${periodName(answer.period)}`, rows, ['space', 'kind', 'official', 'suppressed', 'spaces', ...figureKeys, 'engagementPerPost', 'previousActiveUsers']);
      }
      return c.json(answer);
    });
}

/** The change of the question effect against the previous period. */
export interface QuestionChange {
  questions: Record<string, Change>;
  others: Record<string, Change>;
  effect: Change;
}

const postColumns = ['rank', 'contentId', 'title', 'day', 'format', 'space', 'voice', 'department', 'isQuestion', 'externalUrl', 'views', 'viewers', 'reactions', 'comments', 'shares', 'engagement', 'engagementRate'];
const unansweredColumns = ['contentId', 'title', 'day', 'createdAt', 'ageDays', 'format', 'space', 'voice', 'department', 'views', 'viewers', 'reactions', 'shares'];
