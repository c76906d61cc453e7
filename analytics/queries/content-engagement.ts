// Typed wrappers of the engagement and content queries over content_stats: KPIs, format mix,
// question effect, unanswered questions, top posts, voice share and activity per space.
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows, readSql, readSqlWith } from '../db';
import type {
  ContentSummaryRow,
  DayRange,
  FormatMixRow,
  Grain,
  QuestionGroupRow,
  SpaceActivityRow,
  TopPostRow,
  UnansweredQuestionRow,
  VoiceShareRow,
  VoiceTotals,
} from '../types';

export type Voice = 'all' | 'employee' | 'official';

/** Which posts: created in the range, by the author's department/location, in a space, by voice. */
export interface ContentFilter extends DayRange {
  department?: string | null;
  location?: string | null;
  /** Space label as /api/meta lists it (the name, else the id). */
  space?: string | null;
  voice?: Voice;
}

function params(filter: ContentFilter) {
  return {
    from: filter.from,
    to: filter.to,
    department: filter.department ?? null,
    location: filter.location ?? null,
    space: filter.space ?? null,
    voice: filter.voice ?? 'all',
  };
}

/** Engagement KPIs of the posts created in the range (optionally only syndicated or only other posts). */
export async function getContentSummary(connection: DuckDBConnection, filter: ContentFilter & { syndicated?: boolean | null }): Promise<ContentSummaryRow> {
  return (await queryRows<ContentSummaryRow>(connection, readSql('content-summary'), { ...params(filter), syndicated: filter.syndicated ?? null }))[0];
}

/** Posts, engagement and engagement rate per format, most posts first. */
export async function getFormatMix(connection: DuckDBConnection, filter: ContentFilter): Promise<FormatMixRow[]> {
  return queryRows<FormatMixRow>(connection, readSql('content-formats'), params(filter));
}

/** Two rows, questions then others: comments per post, answer rate, median hours to first response. */
export async function getQuestionEffect(connection: DuckDBConnection, filter: ContentFilter): Promise<QuestionGroupRow[]> {
  return queryRows<QuestionGroupRow>(connection, readSql('content-questions'), params(filter));
}

/** Questions without a comment by another account, oldest first; `asOf` is the day ages are counted to. */
export async function getUnansweredQuestions(connection: DuckDBConnection, filter: ContentFilter & { asOf: string; limit: number }): Promise<UnansweredQuestionRow[]> {
  return queryRows<UnansweredQuestionRow>(connection, readSql('content-unanswered'), { ...params(filter), asOf: filter.asOf, limit: filter.limit });
}

/** Sort keys of the top-posts table (an allow-list: only these reach the SQL). */
export const topPostSortKeys = {
  engagement: 'engagement DESC',
  engagementRate: 'rate DESC NULLS LAST, engagement DESC',
  views: 'views DESC',
  viewers: 'viewers DESC',
  reactions: 'reactions DESC',
  comments: 'comments DESC',
  shares: 'shares DESC',
  newest: 'created_at DESC',
} as const;
export type TopPostSort = keyof typeof topPostSortKeys;

/** The top `limit` posts by `sort` (default engagement); ties: newer first. */
export async function getTopPosts(
  connection: DuckDBConnection,
  filter: ContentFilter & { sort?: TopPostSort; limit: number; format?: string | null; syndicated?: boolean | null },
): Promise<TopPostRow[]> {
  const order = topPostSortKeys[filter.sort ?? 'engagement'];
  return queryRows<TopPostRow>(connection, readSqlWith('content-top', { order }), {
    ...params(filter),
    format: filter.format ?? null,
    syndicated: filter.syndicated ?? null,
    limit: filter.limit,
  });
}

/** Employee against official engagement per period (by the period the post was created in). */
export async function getVoiceShare(connection: DuckDBConnection, filter: DayRange & { grain: Grain; space?: string | null }): Promise<VoiceShareRow[]> {
  if (filter.from > filter.to) return [];
  return queryRows<VoiceShareRow>(connection, readSql('content-voice-share'), { from: filter.from, to: filter.to, grain: filter.grain, space: filter.space ?? null });
}

/**
 * Employee and official posts and engagement summed over the rows of a voice-share series, the
 * employee share of all engagement (null without engagement) and engagement per post (null
 * without posts). An empty series gives zeros.
 */
export function computeVoiceTotals(items: VoiceShareRow[]): VoiceTotals {
  const sum = (k: keyof VoiceShareRow) => items.reduce((s, r) => s + (r[k] as number), 0);
  const employeePosts = sum('employeePosts');
  const officialPosts = sum('officialPosts');
  const employeeEngagement = sum('employeeEngagement');
  const officialEngagement = sum('officialEngagement');
  return {
    employeePosts,
    officialPosts,
    employeeEngagement,
    officialEngagement,
    employeeShare: employeeEngagement + officialEngagement > 0 ? employeeEngagement / (employeeEngagement + officialEngagement) : null,
    employeeEngagementPerPost: employeePosts > 0 ? employeeEngagement / employeePosts : null,
    officialEngagementPerPost: officialPosts > 0 ? officialEngagement / officialPosts : null,
  };
}

/** Activity and reach per space in the range (acting accounts filtered by department/location). */
export async function getSpaceActivity(connection: DuckDBConnection, filter: DayRange & { department?: string | null; location?: string | null }): Promise<SpaceActivityRow[]> {
  return queryRows<SpaceActivityRow>(connection, readSql('content-spaces'), {
    from: filter.from,
    to: filter.to,
    department: filter.department ?? null,
    location: filter.location ?? null,
    only: null,
  });
}

/** The same figures for several spaces together, each person counted once (the "(other)" row). */
export async function getSpacesActivityTogether(connection: DuckDBConnection, spaces: string[], filter: DayRange & { department?: string | null; location?: string | null }): Promise<SpaceActivityRow | null> {
  if (spaces.length === 0) return null;
  const rows = await queryRows<SpaceActivityRow>(connection, readSql('content-spaces'), {
    from: filter.from,
    to: filter.to,
    department: filter.department ?? null,
    location: filter.location ?? null,
    only: JSON.stringify(spaces),
  });
  return rows[0] ?? null;
}
