// Calendar arithmetic on ISO day strings ('YYYY-MM-DD'): period presets for the filter bar and
// the first and last day of a period label, to tell complete periods from partial ones.
import type { Grain } from './queries';

const pad = (n: number) => String(n).padStart(2, '0');
const toDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** First day of the month `offset` months after the month of `day` (negative goes back). */
export function monthStart(day: string, offset = 0): string {
  const [y, m] = day.split('-').map(Number);
  return toDay(new Date(Date.UTC(y, m - 1 + offset, 1)));
}

export type Preset = 'last3' | 'last12' | 'whole';

/**
 * The from/to filter of a preset, given the data period. "Last N months" are N calendar months
 * ending with the month of the last data day, not earlier than the first data day. "Whole" has
 * no from/to (the API then answers for the whole data period, which grows with new imports).
 */
export function presetRange(preset: Preset, data: { from: string | null; to: string | null }): { from?: string; to?: string } {
  if (preset === 'whole' || !data.from || !data.to) return {};
  const start = monthStart(data.to, preset === 'last3' ? -2 : -11);
  return { from: start < data.from ? data.from : start, to: data.to };
}

/** Monday of ISO week `week` of ISO year `year`. */
function isoWeekMonday(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const dayOfWeek = jan4.getUTCDay() || 7;
  return new Date(Date.UTC(year, 0, 4 - (dayOfWeek - 1) + (week - 1) * 7));
}

/** First and last calendar day of a period label of the given grain; null if the label is malformed. */
export function periodBounds(period: string, grain: Grain): { start: string; end: string } | null {
  if (grain === 'day') return /^\d{4}-\d{2}-\d{2}$/.test(period) ? { start: period, end: period } : null;
  if (grain === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(period);
    if (!m) return null;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { start: toDay(new Date(Date.UTC(y, mo - 1, 1))), end: toDay(new Date(Date.UTC(y, mo, 0))) };
  }
  const m = /^(\d{4})-W(\d{2})$/.exec(period);
  if (!m) return null;
  const monday = isoWeekMonday(Number(m[1]), Number(m[2]));
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { start: toDay(monday), end: toDay(sunday) };
}

/**
 * The part of a period covered by the range from–to, when that is less than the whole period
 * (e.g. a month whose data ends on the 1st); null when the period is complete or unknown.
 */
export function partialCoverage(period: string, grain: Grain, from: string | null, to: string | null): { start: string; end: string } | null {
  const bounds = periodBounds(period, grain);
  if (!bounds || !from || !to) return null;
  const start = from > bounds.start ? from : bounds.start;
  const end = to < bounds.end ? to : bounds.end;
  return start === bounds.start && end === bounds.end ? null : { start, end };
}
