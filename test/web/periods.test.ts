import { describe, expect, it } from 'vitest';
import { monthStart, partialCoverage, periodBounds, presetRange } from '../../web/lib/periods';

describe('period presets', () => {
  const data = { from: '2025-11-01', to: '2026-10-31' };

  it('takes the last three and twelve calendar months up to the last data day', () => {
    expect(presetRange('last3', data)).toEqual({ from: '2026-08-01', to: '2026-10-31' });
    expect(presetRange('last12', data)).toEqual({ from: '2025-11-01', to: '2026-10-31' });
  });

  it('does not start before the first data day', () => {
    expect(presetRange('last12', { from: '2026-08-03', to: '2026-10-01' })).toEqual({ from: '2026-08-03', to: '2026-10-01' });
  });

  it('leaves the whole period and an empty database without from/to', () => {
    expect(presetRange('whole', data)).toEqual({});
    expect(presetRange('last3', { from: null, to: null })).toEqual({});
  });

  it('moves across year ends', () => {
    expect(monthStart('2026-02-15', -2)).toBe('2025-12-01');
  });
});

describe('period bounds', () => {
  it('gives the days of a month, an ISO week and a day', () => {
    expect(periodBounds('2026-02', 'month')).toEqual({ start: '2026-02-01', end: '2026-02-28' });
    expect(periodBounds('2026-W32', 'week')).toEqual({ start: '2026-08-03', end: '2026-08-09' });
    expect(periodBounds('2026-W01', 'week')).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(periodBounds('2026-08-03', 'day')).toEqual({ start: '2026-08-03', end: '2026-08-03' });
    expect(periodBounds('August', 'month')).toBeNull();
  });

  it('marks a month that the data covers only in part', () => {
    expect(partialCoverage('2026-10', 'month', '2026-08-03', '2026-10-01')).toEqual({ start: '2026-10-01', end: '2026-10-01' });
    expect(partialCoverage('2026-08', 'month', '2026-08-03', '2026-10-01')).toEqual({ start: '2026-08-03', end: '2026-08-31' });
    expect(partialCoverage('2026-09', 'month', '2026-08-03', '2026-10-01')).toBeNull();
  });
});
