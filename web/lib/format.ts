// Number, percent, date and period formatting with Intl for the chosen locale. German gives
// "1.234" and "61,2 %", English (en-GB) "1,234" and "61.2%". Missing values print as an en dash.
import type { Grain } from './queries';

const missing = '–';
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

const isNumber = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** A count with grouping: 1234 → "1.234" (de) / "1,234" (en). */
export function formatNumber(value: number | null | undefined, locale: string): string {
  return isNumber(value) ? numberFormat(locale, { maximumFractionDigits: 1 }).format(value) : missing;
}

/** A ratio (0.612) as a percentage, one decimal by default: "61,2 %" (de) / "61.2%" (en). */
export function formatPercent(ratio: number | null | undefined, locale: string, digits = 1): string {
  return isNumber(ratio) ? numberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio) : missing;
}

/** A signed change of a count: "+2", "−1", "0". */
export function formatSignedNumber(delta: number, locale: string): string {
  return numberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(delta).replace('-', '−');
}

/** A signed change of a ratio in percentage points, with one decimal: "+5,0" (unit added by the caller). */
export function formatSignedPoints(deltaRatio: number, locale: string): string {
  const points = Math.round(deltaRatio * 1000) / 10;
  return numberFormat(locale, { signDisplay: 'exceptZero', minimumFractionDigits: 1, maximumFractionDigits: 1 })
    .format(points === 0 ? 0 : points)
    .replace('-', '−');
}

/** Parses 'YYYY-MM-DD' as a calendar day (UTC midnight, so no time zone shifts it). */
export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** A calendar day: "03.08.2026" (de) / "3 Aug 2026" (en). */
export function formatDay(day: string | null | undefined, locale: string): string {
  if (!day) return missing;
  const date = parseDay(day);
  if (Number.isNaN(date.getTime())) return day;
  const options: Intl.DateTimeFormatOptions = locale.startsWith('de')
    ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
    : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return dateFormat(locale, options).format(date);
}

/**
 * Parses a timestamp as the API sends it. DuckDB writes offsets as "+01"; browsers only accept
 * "+01:00", so the offset is completed first. Returns null for text that is not a time.
 */
export function parseTimestamp(value: string): Date | null {
  const normalised = value.trim().replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(normalised);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A timestamp in the given time zone: "23.11.2026, 05:26" (de) / "23 Nov 2026, 05:26" (en). */
export function formatDateTime(value: string | null | undefined, locale: string, timeZone?: string): string {
  if (!value) return missing;
  const date = parseTimestamp(value);
  if (!date) return value;
  return dateFormat(locale, {
    day: locale.startsWith('de') ? '2-digit' : 'numeric',
    month: locale.startsWith('de') ? '2-digit' : 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(date);
}

/**
 * A period label from the API: 'YYYY-MM-DD' (day), 'YYYY-Www' (ISO week) or 'YYYY-MM' (month).
 * `long`: "Oktober 2026", "KW 32/2026", "03.08.2026"; `short` (axis ticks): "Okt. 26", "KW 32", "03.08.".
 */
export function formatPeriod(period: string, grain: Grain, locale: string, style: 'long' | 'short' = 'long'): string {
  const german = locale.startsWith('de');
  if (grain === 'week') {
    const m = /^(\d{4})-W(\d{2})$/.exec(period);
    if (!m) return period;
    const week = String(Number(m[2]));
    if (style === 'short') return german ? `KW ${week}` : `W${week}`;
    return german ? `KW ${week}/${m[1]}` : `Week ${week}, ${m[1]}`;
  }
  if (grain === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(period);
    if (!m) return period;
    const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    return dateFormat(locale, style === 'short' ? { month: 'short', year: '2-digit', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  if (style === 'short') {
    const date = parseDay(period);
    if (Number.isNaN(date.getTime())) return period;
    return dateFormat(locale, german ? { day: '2-digit', month: '2-digit', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
  }
  return formatDay(period, locale);
}

/** A decimal with a fixed number of fraction digits: 0.9968 → "0,997" (de) / "0.997" (en). */
export function formatDecimal(value: number | null | undefined, locale: string, digits = 3): string {
  return isNumber(value) ? numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value) : missing;
}

/** A small quantity with `digits` significant digits: 0.031405 → "0,0314"; 0 → "0". */
export function formatSignificant(value: number | null | undefined, locale: string, digits = 3): string {
  if (!isNumber(value)) return missing;
  if (value === 0) return numberFormat(locale, {}).format(0);
  return numberFormat(locale, { maximumSignificantDigits: digits }).format(value);
}

/**
 * A relative change (1 = doubled, −0.5 = halved) as a signed whole percentage: "+25 %" (de) /
 * "+25%" (en), with a true minus sign. Null (no previous period) gives the en dash.
 */
export function formatGrowth(ratio: number | null | undefined, locale: string): string {
  if (!isNumber(ratio)) return missing;
  const rounded = Math.round(ratio * 100) / 100;
  return numberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 })
    .format(rounded === 0 ? 0 : rounded)
    .replace('-', '−');
}

/** A file size: "850 KB" below a megabyte, else "12,3 MB" (de) / "12.3 MB" (en); 1 MB = 1,048,576 bytes like the server's limit. */
export function formatBytes(bytes: number | null | undefined, locale: string): string {
  if (!isNumber(bytes)) return missing;
  if (bytes < 1024 * 1024) return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.ceil(bytes / 1024))} KB`;
  return `${numberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}
