import { describe, expect, it } from 'vitest';
import { chartFilterOf } from '../../web/lib/adoption-queries';
import { rateShade } from '../../web/components/tables/AdoptionHeatTable';

describe('chartFilterOf', () => {
  const data = { from: '2025-11-01', to: '2026-10-31' };

  it('fills a missing start or end from the data period, so every chart of a page covers the same days', () => {
    expect(chartFilterOf({}, data)).toEqual({ from: '2025-11-01', to: '2026-10-31' });
    expect(chartFilterOf({ from: '2026-08-01', department: 'Marketing' }, data)).toEqual({ from: '2026-08-01', to: '2026-10-31', department: 'Marketing' });
  });

  it('gives null while the data period is unknown or the database is empty', () => {
    expect(chartFilterOf({}, undefined)).toBeNull();
    expect(chartFilterOf({ department: 'IT' }, { from: null, to: null })).toBeNull();
  });
});

describe('rateShade', () => {
  it('shades from faint at 0 % to full at 100 %, white text on dark cells, nothing without a rate', () => {
    expect(rateShade(0)).toEqual({ background: 'rgba(47, 93, 138, 0.060)', color: undefined });
    expect(rateShade(1)).toEqual({ background: 'rgba(47, 93, 138, 0.960)', color: '#fff' });
    expect(rateShade(null)).toEqual({});
  });
});
