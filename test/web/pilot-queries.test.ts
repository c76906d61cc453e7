import { describe, expect, it } from 'vitest';
import { formatQuotas, parseQuotas } from '../../web/lib/pilot-queries';

describe('quotas in the URL', () => {
  it('round-trips quotas, also with separators in group names', () => {
    const quotas = [
      { by: 'department' as const, group: 'Forschung & Entwicklung', min: 1, max: 3 },
      { by: 'location' as const, group: 'Köln: Süd; Halle 2', max: 2 },
      { by: 'department' as const, group: 'IT', min: 0 },
    ];
    expect(parseQuotas(formatQuotas(quotas))).toEqual(quotas);
  });

  it('gives null for no quotas and drops malformed parts', () => {
    expect(formatQuotas([])).toBeNull();
    expect(parseQuotas('team:A:1:;department::1:;department:Vertrieb:x:2;location:Köln')).toEqual([{ by: 'department', group: 'Vertrieb', max: 2 }]);
  });
});
