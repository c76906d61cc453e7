// Calendar arithmetic for comparisons with the previous period, and the change between two sets
// of figures. Days are local calendar days ('YYYY-MM-DD') in the configured time zone (the `day`
// columns already are), so this is plain date arithmetic without time zones.
import type { Change, DataPeriod, DayRange } from '../types';

const pad = (n: number) => String(n).padStart(2, '0');
const toDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (day: string) => new Date(`${day}T00:00:00Z`);

/** `day` moved by `days` (negative: back). */
export function addDays(day: string, days: number): string {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + days);
  return toDay(d);
}

/** Number of days from `from` to `to`, both included. */
export function daysBetween(range: DayRange): number {
  return Math.round((parse(range.to).getTime() - parse(range.from).getTime()) / 86_400_000) + 1;
}

/** First and last day of a month 'YYYY-MM'. */
export function monthRange(month: string): DayRange {
  const [y, m] = month.split('-').map(Number);
  return { from: toDay(new Date(Date.UTC(y, m - 1, 1))), to: toDay(new Date(Date.UTC(y, m, 0))) };
}

/** The range widened to whole calendar months (from the 1st of its first month to the last day of its last). */
export function wholeMonths(range: DayRange): DayRange {
  return { from: monthRange(monthOf(range.from)).from, to: monthRange(monthOf(range.to)).to };
}

/** The month 'YYYY-MM' a day belongs to. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/**
 * The previous period of equal length: for whole calendar months (from the 1st to a month's last
 * day) the same number of months before; otherwise the same number of days right before `from`
 * (whole ISO weeks, Monday to Sunday, stay whole weeks that way).
 */
export function computePreviousPeriod(range: DayRange): DayRange {
  const from = parse(range.from);
  const to = parse(range.to);
  const nextDay = parse(addDays(range.to, 1));
  if (from.getUTCDate() === 1 && nextDay.getUTCDate() === 1) {
    const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth() + 1;
    return {
      from: toDay(new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - months, 1))),
      to: toDay(new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 0))),
    };
  }
  const n = daysBetween(range);
  return { from: addDays(range.from, -n), to: addDays(range.from, -1) };
}

/**
 * The change of every numeric figure of `current` against `previous`: the difference, and the
 * difference relative to |previous| (null when previous is 0 or either is null). Figures that
 * are rates (0..1) change in fractions of a percentage point. Null without a previous period.
 */
export function computeChange<T extends object>(current: T, previous: T | null): Record<string, Change> | null {
  if (!previous) return null;
  const out: Record<string, Change> = {};
  for (const [key, value] of Object.entries(current)) {
    const before = (previous as Record<string, unknown>)[key];
    if (typeof value !== 'number' && value !== null) continue;
    if (typeof before !== 'number' && before !== null) continue;
    if (value === null || before === null || before === undefined) {
      out[key] = { absolute: null, relative: null };
      continue;
    }
    out[key] = { absolute: value - before, relative: before === 0 ? null : (value - before) / Math.abs(before) };
  }
  return out;
}

/** The previous period of a range (computePreviousPeriod), and whether any data can lie in it. */
export function previousOf(range: DayRange, data: DataPeriod): { period: DayRange; hasData: boolean } {
  const period = computePreviousPeriod(range);
  return { period, hasData: data.from !== null && period.to >= data.from };
}

/** Figures of a period next to the previous period's, with the change of each figure. */
export interface Compared<T> {
  period: DayRange | null;
  previousPeriod: DayRange | null;
  suppressed: boolean;
  current: T | null;
  previous: T | null;
  change: Record<string, Change> | null;
}

/**
 * Figures of a range, and with `compare` those of the previous period of equal length next to
 * them with the change. previous is null when the previous period lies wholly before the data.
 */
export async function compareFigures<T extends object>(
  range: DayRange,
  data: DataPeriod,
  compare: boolean,
  figures: (range: DayRange) => Promise<T>,
  changeOf: (current: T, previous: T | null) => Record<string, Change> | null = computeChange,
): Promise<Omit<Compared<T>, 'suppressed'>> {
  const current = await figures(range);
  if (!compare) return { period: range, previousPeriod: null, current, previous: null, change: null };
  const before = previousOf(range, data);
  const previous = before.hasData ? await figures(before.period) : null;
  return { period: range, previousPeriod: before.period, current, previous, change: changeOf(current, previous) };
}
