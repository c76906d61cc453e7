// The monthly adoption report: every figure of one calendar month that an executive reads, taken
// from the same query modules the dashboard's endpoints use (so the report and the dashboard never
// disagree), with the minimum group size applied the same way, the rules narrative in German or
// English, and the footnote (data period, sources, last import, suppressed groups).
// No HTTP here: the API route, the CLI and the tests call getMonthlyReport.
import type { DuckDBConnection } from '@duckdb/node-api';
import { getGroupGuard, isSmallSelection, type GroupGuard } from '../group-guard';
import { getAdoption } from '../queries/adoption';
import { getGuardedBreakdown } from '../queries/adoption-breakdown';
import { getAdoptionKpis } from '../queries/adoption-kpis';
import { compareFigures, computeChange, monthRange, previousOf } from '../queries/compare';
import { computeVoiceTotals, getContentSummary, getTopPosts, getVoiceShare } from '../queries/content-engagement';
import { getDataPeriod, getImportBasis } from '../queries/meta';
import { getProgrammeMonth, getRisingVoiceCount } from '../queries/report-highlights';
import type { AdoptionKpis, AdoptionRow, BreakdownItem, Change, ContentSummaryRow, DataPeriod, DayRange, TopPostRow, VoiceTotals } from '../types';
import { computeMovements, writeNarrative, type Movement } from './narrative';

export type ReportLang = 'de' | 'en';

/** The figures of one set, in the month, the month before and the same month a year earlier. */
export interface ReportCompared<T> {
  current: T;
  /** The previous calendar month; null when it lies wholly before the data (as compare=previous). */
  previous: T | null;
  /** The same month a year earlier; null unless the data covers that whole month. */
  yearAgo: T | null;
  change: Record<string, Change> | null;
  yearAgoChange: Record<string, Change> | null;
}

/** A listed post: no author, no external link (the report must open without network). */
export type ReportPost = Omit<TopPostRow, 'externalUrl'>;

/** A programme's month; figures are null when it has fewer members than the minimum group size. */
export interface ReportProgramme {
  programme: string;
  suppressed: boolean;
  members: number | null;
  joined: number | null;
  left: number | null;
  /** First day of the month's last week with social figures; null without any. */
  week: string | null;
  memberFollowers: number | null;
  membersWithSocial: number | null;
  corporateFollowers: number | null;
}

/** What the footnote states. */
export interface ReportFootnote {
  dataPeriod: DataPeriod;
  timeZone: string;
  /** Sources of the successful imports (e.g. canonical, slack). */
  sources: string[];
  lastImport: { source: string; finishedAt: string | null } | null;
  minGroupSize: number;
  /** Departments below the minimum group size in the month (folded into "(other)"). */
  suppressedDepartments: string[];
  /** Programmes below the minimum group size (shown without figures). */
  suppressedProgrammes: string[];
}

/** The whole report of one month. Figures are null/empty when `suppressed`. */
export interface MonthlyReport {
  month: string;
  lang: ReportLang;
  period: DayRange;
  previousPeriod: DayRange | null;
  yearAgoPeriod: DayRange | null;
  filters: { department: string | null; location: string | null };
  /** The department/location filter selects fewer people than the minimum group size. */
  suppressed: boolean;
  adoption: ReportCompared<AdoptionKpis> | null;
  content: ReportCompared<ContentSummaryRow> | null;
  /** Adoption by department as GET /api/adoption/breakdown?by=department&compare=previous lists it. */
  departments: BreakdownItem[];
  /** Monthly adoption of up to twelve months ending with this one (GET /api/adoption, grain month). */
  trend: AdoptionRow[];
  topPosts: ReportPost[];
  /** Employee against official engagement of the whole organisation (the endpoint has no department filter). */
  voice: { current: VoiceTotals; previous: VoiceTotals | null; change: Record<string, Change> | null } | null;
  programmes: ReportProgramme[];
  /** Ranked people with the rising-voice role in the month; null when the month's metrics are not computed. */
  risingVoices: number | null;
  /** The three largest movements above the narrative's thresholds, largest first. */
  movements: Movement[];
  /** The narrative, one sentence per entry, in `lang`. */
  narrative: string[];
  footnote: ReportFootnote;
  generatedAt: string;
}

export interface MonthlyReportOptions {
  /** 'YYYY-MM'. */
  month: string;
  lang?: ReportLang;
  minGroupSize: number;
  /** The group guard of the data (the API passes its cached one); loaded when absent. */
  guard?: GroupGuard;
  department?: string | null;
  location?: string | null;
  timeZone?: string;
  /** How many posts the top content lists (default 5). */
  topPosts?: number;
  /** The time stamp the report states (default now); tests fix it. */
  now?: Date;
}

/** Thrown for a month that is not 'YYYY-MM' or lies outside the data period; `reason` says which. */
export class ReportMonthError extends Error {
  constructor(
    readonly reason: 'malformed' | 'outside' | 'empty',
    message: string,
  ) {
    super(message);
    this.name = 'ReportMonthError';
  }
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month 'YYYY-MM' shifted by `months` (negative: back). */
export function shiftMonth(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The latest complete month of the data: the month of the last day with data when that day is the
 * month's last, else the month before (when the data reaches into it). Null for an empty database.
 */
export function getLatestCompleteMonth(data: DataPeriod): string | null {
  if (!data.from || !data.to) return null;
  const last = data.to.slice(0, 7);
  if (monthRange(last).to === data.to) return last;
  const before = shiftMonth(last, -1);
  return monthRange(before).to >= data.from ? before : last;
}

/** The months 'YYYY-MM' of the data period, oldest first (empty for an empty database). */
export function getReportMonths(data: DataPeriod): string[] {
  if (!data.from || !data.to) return [];
  const out: string[] = [];
  for (let m = data.from.slice(0, 7); m <= data.to.slice(0, 7); m = shiftMonth(m, 1)) out.push(m);
  return out;
}

function compared<T extends object>(current: T, previous: T | null, yearAgo: T | null): ReportCompared<T> {
  return { current, previous, yearAgo, change: computeChange(current, previous), yearAgoChange: computeChange(current, yearAgo) };
}

/**
 * The monthly report of `month` for the whole organisation or a department/location. Throws
 * ReportMonthError for a malformed month, a month outside the data period, or an empty database.
 * A filter below the minimum group size gives `suppressed: true` with no figures.
 */
export async function getMonthlyReport(connection: DuckDBConnection, options: MonthlyReportOptions): Promise<MonthlyReport> {
  const { month, minGroupSize } = options;
  const lang = options.lang ?? 'de';
  if (!monthPattern.test(month)) throw new ReportMonthError('malformed', `"${month}" is not a month; give it as YYYY-MM, for example 2026-10.`);
  const data = await getDataPeriod(connection);
  if (!data.from || !data.to) throw new ReportMonthError('empty', 'The database holds no activity yet; import data first.');
  const period = monthRange(month);
  if (period.to < data.from || period.from > data.to) {
    throw new ReportMonthError('outside', `No data for ${month}: the data covers ${data.from} to ${data.to} (months ${data.from.slice(0, 7)} to ${data.to.slice(0, 7)}).`);
  }
  const filter = { department: options.department ?? null, location: options.location ?? null };
  const before = previousOf(period, data);
  const previousPeriod = before.hasData ? before.period : null;
  const yearAgoRange = monthRange(shiftMonth(month, -12));
  // The same month a year earlier only when the data covers it whole (a part would read as growth).
  const yearAgoPeriod = yearAgoRange.from >= data.from ? yearAgoRange : null;

  const basis = await getImportBasis(connection);
  const footnote: ReportFootnote = {
    dataPeriod: data,
    timeZone: options.timeZone ?? 'Europe/Berlin',
    sources: basis.sources,
    lastImport: basis.lastImport,
    minGroupSize,
    suppressedDepartments: [],
    suppressedProgrammes: [],
  };
  const base = {
    month,
    lang,
    period,
    previousPeriod,
    yearAgoPeriod,
    filters: filter,
    generatedAt: (options.now ?? new Date()).toISOString(),
  };
  if (await isSmallSelection(connection, filter, minGroupSize)) {
    const empty = { adoption: null, content: null, departments: [], trend: [], topPosts: [], voice: null, programmes: [], risingVoices: null, movements: [] };
    return { ...base, suppressed: true, ...empty, narrative: writeNarrative({ ...base, suppressed: true, ...empty }), footnote };
  }
  const guard = options.guard ?? (await getGroupGuard(connection, minGroupSize));

  const kpis = (r: DayRange) => getAdoptionKpis(connection, { ...r, ...filter });
  const adoptionNow = await compareFigures(period, data, true, kpis);
  const adoption = compared(adoptionNow.current!, adoptionNow.previous, yearAgoPeriod ? await kpis(yearAgoPeriod) : null);

  const summary = (r: DayRange) => getContentSummary(connection, { ...r, ...filter, voice: 'all' });
  const contentNow = await compareFigures(period, data, true, summary);
  const content = compared(contentNow.current!, contentNow.previous, yearAgoPeriod ? await summary(yearAgoPeriod) : null);

  const breakdown = await getGuardedBreakdown(connection, 'department', { ...period, ...filter }, guard, previousPeriod);
  footnote.suppressedDepartments = [...breakdown.folded].sort((a, b) => a.localeCompare(b));

  const trendFrom = shiftMonth(month, -11) + '-01';
  const trend = await getAdoption(connection, { from: trendFrom < data.from ? data.from : trendFrom, to: period.to, grain: 'month', ...filter });

  const posts = await getTopPosts(connection, { ...period, ...filter, voice: 'all', sort: 'engagement', limit: options.topPosts ?? 5 });
  const topPosts = guard.foldPosts(posts).map(({ externalUrl: _dropped, ...post }) => post);

  const voiceOf = async (r: DayRange) => computeVoiceTotals(await getVoiceShare(connection, { ...r, grain: 'month' }));
  const voiceNow = await voiceOf(period);
  const voicePrevious = previousPeriod ? await voiceOf(previousPeriod) : null;
  const voice = { current: voiceNow, previous: voicePrevious, change: computeChange(voiceNow, voicePrevious) };

  const programmes: ReportProgramme[] = (await getProgrammeMonth(connection, period)).map((p) => {
    const suppressed = p.members < minGroupSize;
    if (suppressed) footnote.suppressedProgrammes.push(p.programme);
    return suppressed
      ? { programme: p.programme, suppressed, members: null, joined: null, left: null, week: p.week, memberFollowers: null, membersWithSocial: null, corporateFollowers: p.corporateFollowers }
      : { ...p, suppressed };
  });
  const risingVoices = await getRisingVoiceCount(connection, month, filter);

  const figures = { ...base, suppressed: false, adoption, content, departments: breakdown.items, trend, topPosts, voice, programmes, risingVoices };
  const movements = computeMovements(figures);
  const narrative = writeNarrative(figures);
  return { ...figures, movements, narrative, footnote };
}
