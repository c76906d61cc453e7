// Row types shared with the API and, as types only, with the web client.

export type Grain = 'day' | 'week' | 'month';

export interface AdoptionRow {
  period: string;
  headcount: number;
  activeUsers: number;
  adoptionRate: number | null;
  contributors: number;
  creators: number;
  stickiness: number | null;
}

export interface DataPeriod {
  from: string | null;
  to: string | null;
}

export interface GroupSize {
  dimension: 'department' | 'location' | 'space';
  group: string;
  people: number;
}

export interface TableCounts {
  people: number;
  spaces: number;
  content: number;
  events: number;
  interactions: number;
  social: number;
  programmes: number;
  importRuns: number;
  importRejects: number;
}

export interface ImportRun {
  runId: number;
  source: string;
  path: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  filesRead: number;
  rowsRead: number;
  loaded: Record<string, number> | null;
  duplicates: number;
  rejected: number;
  placeholders: number;
  message: string | null;
}

export interface ImportRejectRow {
  file: string;
  line: number | null;
  column: string | null;
  value: string | null;
  raw: string | null;
  reason: string;
}

// ---- Adoption, participation, engagement and content analytics (docs/metrics.md) ----------

/** An inclusive range of local days, 'YYYY-MM-DD'. */
export interface DayRange {
  from: string;
  to: string;
}

/** Difference of one figure to the previous period: current − previous, and that / |previous|. */
export interface Change {
  absolute: number | null;
  relative: number | null;
}

/** Activation per period of the adoption series (adoption-activation.sql). */
export interface AdoptionActivationRow {
  period: string;
  activatedUsers: number;
  activation: number | null;
}

/** Adoption KPIs of one range of days (adoption-kpis.sql). */
export interface AdoptionKpis {
  headcount: number;
  activeUsers: number;
  adoptionRate: number | null;
  activatedUsers: number;
  activation: number | null;
  dau: number;
  wau: number;
  mau: number;
  stickiness: number | null;
  contributors: number;
  creators: number;
  days: number;
}

/** Headcount and active people of one department, location or space, before suppression. */
export interface GroupAdoptionRow {
  /** null: no department/location recorded (shown as "(unknown)"), or the union row of spaces. */
  group: string | null;
  headcount: number;
  activeUsers: number;
}

/** One cell of the retention triangle (retention-cohorts.sql). */
export interface CohortCellRow {
  cohort: string;
  month: string;
  offset: number;
  people: number;
  employed: number;
  active: number;
  share: number | null;
}

/** The participation funnel; each step counts people who reached at least that level. */
export interface ParticipationFunnelRow {
  headcount: number;
  visitors: number;
  reactors: number;
  commenters: number;
  creators: number;
}

/** Participation inequality of content created per active person. */
export interface ParticipationInequalityRow {
  activePeople: number;
  contributors: number;
  content: number;
  gini: number | null;
  top1PercentShare: number | null;
  top10PercentShare: number | null;
  top1PercentPeople: number | null;
  top10PercentPeople: number | null;
}

/** A point of the Lorenz curve: share of active people (ascending) and share of content. */
export interface LorenzPoint {
  people: number;
  content: number;
}

/** Engagement KPIs of the posts created in a range (content-summary.sql). */
export interface ContentSummaryRow {
  posts: number;
  authors: number;
  questions: number;
  views: number;
  viewers: number;
  reactions: number;
  comments: number;
  shares: number;
  engagement: number;
  engagementPerPost: number | null;
  engagementRate: number | null;
  answered: number;
}

/** One format of the format mix (content-formats.sql). */
export interface FormatMixRow {
  format: string;
  posts: number;
  share: number;
  views: number;
  viewers: number;
  reactions: number;
  comments: number;
  shares: number;
  engagement: number;
  engagementPerPost: number;
  engagementRate: number | null;
}

/** Questions or other posts in the question effect (content-questions.sql). */
export interface QuestionGroupRow {
  group: 'questions' | 'others';
  posts: number;
  comments: number;
  commentsPerPost: number | null;
  answered: number;
  answerRate: number | null;
  medianHoursToFirstResponse: number | null;
  timedResponses: number;
  misdatedReplies: number;
}

/** An unanswered question (content-unanswered.sql). */
export interface UnansweredQuestionRow {
  contentId: string;
  title: string | null;
  day: string;
  createdAt: string;
  ageDays: number;
  format: string;
  space: string | null;
  voice: 'employee' | 'official';
  department: string | null;
  views: number;
  viewers: number;
  reactions: number;
  shares: number;
}

/** A post of the top-posts table (content-top.sql). */
export interface TopPostRow {
  rank: number;
  contentId: string;
  title: string | null;
  day: string;
  format: string;
  space: string | null;
  voice: 'employee' | 'official';
  department: string | null;
  isQuestion: boolean;
  externalUrl: string | null;
  views: number;
  viewers: number;
  reactions: number;
  comments: number;
  shares: number;
  engagement: number;
  engagementRate: number | null;
}

/** Employee against official engagement in one period (content-voice-share.sql). */
export interface VoiceShareRow {
  period: string;
  employeePosts: number;
  officialPosts: number;
  employeeEngagement: number;
  officialEngagement: number;
  employeeViewers: number;
  officialViewers: number;
  employeeShare: number | null;
  employeeEngagementPerPost: number | null;
  officialEngagementPerPost: number | null;
}

/** Activity and reach of one space, before suppression (content-spaces.sql). */
export interface SpaceActivityRow {
  /** null for the union row of several spaces. */
  space: string | null;
  kind: string | null;
  official: boolean | null;
  posts: number;
  comments: number;
  reactions: number;
  shares: number;
  views: number;
  engagement: number;
  activeUsers: number;
  contributors: number;
  viewers: number;
}

/** Figures of one row of the adoption breakdown; null when suppressed. */
export interface BreakdownFigures {
  headcount: number | null;
  activeUsers: number | null;
  adoptionRate: number | null;
}

/** One row of the adoption breakdown after the minimum group size (GET /api/adoption/breakdown). */
export interface BreakdownItem extends BreakdownFigures {
  group: string;
  suppressed: boolean;
  /** 1..n by adoption rate (equal rates share a rank); null for "(other)". */
  rank: number | null;
  /** How many groups the row stands for: 1, or the number of small groups in "(other)". */
  groups: number;
  /** With a previous period: the same group in it (null when suppressed there). */
  previous: BreakdownFigures | null;
  /** Adoption rate minus the previous period's (fraction of 1; null without both). */
  change: number | null;
}

/** Totals of the voice share over a whole period. */
export interface VoiceTotals {
  employeePosts: number;
  officialPosts: number;
  employeeEngagement: number;
  officialEngagement: number;
  employeeShare: number | null;
  employeeEngagementPerPost: number | null;
  officialEngagementPerPost: number | null;
}
