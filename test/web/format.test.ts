import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatNumber, formatPercent, formatPeriod, formatSignedNumber, formatSignedPoints, parseTimestamp } from '../../web/lib/format';

const nbsp = '\u00a0';

describe('number formatting', () => {
  it('groups thousands with a dot in German and a comma in English', () => {
    expect(formatNumber(1234, 'de-DE')).toBe('1.234');
    expect(formatNumber(1234, 'en-GB')).toBe('1,234');
  });

  it('writes rates as percent with one decimal and the German space before %', () => {
    expect(formatPercent(0.612, 'de-DE')).toBe(`61,2${nbsp}%`);
    expect(formatPercent(0.612, 'en-GB')).toBe('61.2%');
    expect(formatPercent(0.5, 'de-DE', 0)).toBe(`50${nbsp}%`);
  });

  it('prints missing values as a dash', () => {
    expect(formatNumber(null, 'de-DE')).toBe('–');
    expect(formatPercent(null, 'de-DE')).toBe('–');
    expect(formatPercent(Number.NaN, 'de-DE')).toBe('–');
  });

  it('signs changes with a true minus sign and shows rate changes in points', () => {
    expect(formatSignedNumber(-4, 'de-DE')).toBe('−4');
    expect(formatSignedNumber(2, 'de-DE')).toBe('+2');
    expect(formatSignedNumber(0, 'de-DE')).toBe('0');
    expect(formatSignedPoints(0.25 - 1, 'de-DE')).toBe('−75,0');
    expect(formatSignedPoints(0.053 - 0.034, 'en-GB')).toBe('+1.9');
    expect(formatSignedPoints(0.00001, 'en-GB')).toBe('0.0');
  });
});

describe('date and period formatting', () => {
  it('formats calendar days without time-zone shifts', () => {
    expect(formatDay('2026-08-03', 'de-DE')).toBe('03.08.2026');
    expect(formatDay('2026-08-03', 'en-GB')).toBe('3 Aug 2026');
  });

  it('labels months, ISO weeks and days per locale', () => {
    expect(formatPeriod('2026-10', 'month', 'de-DE')).toBe('Oktober 2026');
    expect(formatPeriod('2026-10', 'month', 'en-GB')).toBe('October 2026');
    expect(formatPeriod('2026-W32', 'week', 'de-DE')).toBe('KW 32/2026');
    expect(formatPeriod('2026-W05', 'week', 'en-GB', 'short')).toBe('W5');
    expect(formatPeriod('2026-08-03', 'day', 'de-DE', 'short')).toBe('03.08.');
  });

  it('reads DuckDB timestamps with a bare hour offset', () => {
    expect(parseTimestamp('2026-11-23T05:26:03+01')?.toISOString()).toBe('2026-11-23T04:26:03.000Z');
    expect(parseTimestamp('2026-11-23 05:26:03+0130')?.toISOString()).toBe('2026-11-23T03:56:03.000Z');
    expect(parseTimestamp('yesterday')).toBeNull();
    expect(formatDateTime('2026-11-23T05:26:03+01', 'de-DE', 'Europe/Berlin')).toBe('23.11.2026, 05:26');
  });
});
