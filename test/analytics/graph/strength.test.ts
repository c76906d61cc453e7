import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../../analytics/graph/csr.js';
import { computeStrength } from '../../../analytics/graph/strength.js';

describe('computeStrength', () => {
  it('computes strengths, degrees, responders and reciprocated ties', () => {
    // 0->1 (2+1), 1->0 (4), 2->0 (1), 0->2 (0), 2->1 (5), 1->1 (self-loop, dropped)
    const csr = buildCsr(3, [0, 0, 1, 2, 0, 2, 1], [1, 1, 0, 0, 2, 1, 1], [2, 1, 4, 1, 0, 5, 9]);
    const s = computeStrength(csr);
    expect(Array.from(s.outStrength)).toEqual([3, 4, 6]);
    expect(Array.from(s.inStrength)).toEqual([5, 8, 0]);
    expect(Array.from(s.outDegree)).toEqual([2, 1, 2]);
    expect(Array.from(s.inDegree)).toEqual([2, 2, 1]);
    expect(Array.from(s.responders)).toEqual([2, 2, 1]);
    expect(Array.from(s.reciprocated)).toEqual([2, 1, 1]);
  });

  it('returns empty arrays for an empty graph', () => {
    const s = computeStrength(buildCsr(0, [], [], []));
    expect(s.inStrength.length).toBe(0);
    expect(s.responders.length).toBe(0);
  });
});
