import { describe, expect, it } from 'vitest';
import { reportMonthOf, reportPath } from '../../web/lib/url-state';

describe('report URLs', () => {
  it('reads the month of /report/YYYY-MM and nothing else', () => {
    expect(reportMonthOf('/report/2026-10')).toBe('2026-10');
    expect(reportMonthOf('/report/2026-10/')).toBe('2026-10');
    expect(reportMonthOf('/report')).toBeNull();
    expect(reportMonthOf('/report/2026-13')).toBeNull();
    expect(reportMonthOf('/report/oktober')).toBeNull();
    expect(reportMonthOf('/reports/2026-10')).toBeNull();
  });

  it('builds the path of a month', () => {
    expect(reportPath('2026-09')).toBe('/report/2026-09');
  });
});
