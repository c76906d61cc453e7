import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../../analytics/graph/csr.js';
import { computeBetweenness } from '../../../analytics/graph/betweenness.js';
import { computeHits } from '../../../analytics/graph/hits.js';
import { computePageRank } from '../../../analytics/graph/pagerank.js';
import { buildSyntheticEdges } from '../../../analytics/graph/synthetic.js';

const empty = buildCsr(0, [], [], []);

describe('computePageRank', () => {
  it('returns an empty array for an empty graph', () => {
    expect(computePageRank(empty)).toEqual({ scores: new Float64Array(0), converged: true, iterations: 0 });
  });

  it('is uniform without edges and sums to 1', () => {
    const { scores, converged } = computePageRank(buildCsr(4, [], [], []));
    expect(converged).toBe(true);
    expect(Array.from(scores)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('reports non-convergence with the last iterate instead of throwing', () => {
    const g = buildSyntheticEdges({ people: 300, edges: 2000, seed: 3 });
    const csr = buildCsr(g.people, g.sources, g.targets, g.weights);
    const result = computePageRank(csr, { maxIterations: 2, tolerance: 1e-15 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(2);
    expect(result.scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('rejects invalid options', () => {
    expect(() => computePageRank(empty, { alpha: 1.5 })).toThrow(RangeError);
    expect(() => computePageRank(empty, { maxIterations: -1 })).toThrow(RangeError);
  });
});

describe('computeBetweenness', () => {
  it('returns an empty array for an empty graph and zeros for n <= 2', () => {
    expect(computeBetweenness(empty)).toEqual(new Float64Array(0));
    expect(Array.from(computeBetweenness(buildCsr(2, [0, 1], [1, 0], [1, 1])))).toEqual([0, 0]);
  });

  it('counts a directed path exactly', () => {
    // 0 -> 1 -> 2 -> 3: node 1 is on (0,2),(0,3); node 2 on (0,3),(1,3)
    const csr = buildCsr(4, [0, 1, 2], [1, 2, 3], [1, 1, 1]);
    expect(Array.from(computeBetweenness(csr, { normalized: false }))).toEqual([0, 2, 2, 0]);
    expect(Array.from(computeBetweenness(csr))).toEqual([0, 2 / 6, 2 / 6, 0]);
  });

  it('treats strong ties as short and splits equal-length paths', () => {
    // 0 -> 3 directly with weight 1 (length 1), via 1 (1/2 + 1/2) or via 2 (1/4 + 3/4)
    const csr = buildCsr(4, [0, 1, 0, 2, 0], [1, 3, 2, 3, 3], [2, 2, 4, 4 / 3, 1]);
    const bc = computeBetweenness(csr, { normalized: false });
    // three shortest 0->3 paths of length 1: nodes 1 and 2 each carry 1/3
    expect(bc[1]).toBeCloseTo(1 / 3, 12);
    expect(bc[2]).toBeCloseTo(1 / 3, 12);
    // a strong direct tie (weight 3 -> length 1/3) beats the two-hop paths
    const strong = buildCsr(4, [0, 1, 0, 2, 0], [1, 3, 2, 3, 3], [2, 2, 4, 4 / 3, 3]);
    expect(Array.from(computeBetweenness(strong, { normalized: false }))).toEqual([0, 0, 0, 0]);
  });

  it('counts ties that floating point rounding breaks, unless tieTolerance = 0', () => {
    // 0 -> 1 -> 3 has length 1/2 + 1/12 = 0.5833333333333334, 0 -> 2 -> 3 has 1/3 + 1/4 = 0.5833333333333333
    const csr = buildCsr(4, [0, 1, 0, 2], [1, 3, 2, 3], [2, 12, 3, 4]);
    expect(Array.from(computeBetweenness(csr, { normalized: false }))).toEqual([0, 0.5, 0.5, 0]);
    expect(Array.from(computeBetweenness(csr, { normalized: false, tieTolerance: 0 }))).toEqual([0, 0, 1, 0]);
  });

  it('ignores zero-weight edges (infinite length)', () => {
    const csr = buildCsr(3, [0, 1, 0], [1, 2, 2], [1, 1, 0]);
    expect(Array.from(computeBetweenness(csr, { normalized: false }))).toEqual([0, 1, 0]);
    // a zero-weight edge must not leave predecessor state behind for later sources:
    // source 0 sees 3 only through a zero-weight edge; from source 1, 3 and 2 split the paths to 4
    const diamond = buildCsr(5, [0, 1, 1, 2, 3], [3, 2, 3, 4, 4], [0, 1, 1, 1, 1]);
    expect(Array.from(computeBetweenness(diamond, { normalized: false }))).toEqual([0, 0, 0.5, 0.5, 0]);
    // and on a larger graph, adding zero-weight edges changes nothing
    const g = buildSyntheticEdges({ people: 200, edges: 1200, seed: 12 });
    const plain = buildCsr(g.people + 1, g.sources, g.targets, g.weights);
    const withZero = buildCsr(
      g.people + 1,
      [...g.sources, 0, 5, 17],
      [...g.targets, g.people, g.people, g.people],
      [...g.weights, 0, 0, 0],
    );
    for (const tieTolerance of [0, 1e-12]) {
      expect(computeBetweenness(withZero, { tieTolerance })).toEqual(computeBetweenness(plain, { tieTolerance }));
    }
  });

  it('is deterministic for a seed and scales sampled sums by n / pivots', () => {
    const g = buildSyntheticEdges({ people: 400, edges: 2500, seed: 9 });
    const csr = buildCsr(g.people, g.sources, g.targets, g.weights);
    const a = computeBetweenness(csr, { pivots: 50, seed: 5 });
    const b = computeBetweenness(csr, { pivots: 50, seed: 5 });
    const c = computeBetweenness(csr, { pivots: 50, seed: 6 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    // the estimator is unbiased: its total is close to the exact total
    const total = (x: Float64Array): number => x.reduce((s, v) => s + v, 0);
    const exact = total(computeBetweenness(csr));
    expect(Math.abs(total(a) - exact) / exact).toBeLessThan(0.25);
  });

  it('rejects invalid options', () => {
    expect(() => computeBetweenness(empty, { pivots: 0 })).toThrow(RangeError);
    expect(() => computeBetweenness(empty, { pivots: 2.5 })).toThrow(RangeError);
    expect(() => computeBetweenness(empty, { tieTolerance: -1 })).toThrow(RangeError);
  });
});

describe('computeHits', () => {
  it('returns empty arrays for an empty graph and uniform scores without edges', () => {
    const e = computeHits(empty);
    expect(e.hubs.length).toBe(0);
    expect(e.authorities.length).toBe(0);
    const none = computeHits(buildCsr(2, [], [], []));
    expect(Array.from(none.hubs)).toEqual([0.5, 0.5]);
    expect(Array.from(none.authorities)).toEqual([0.5, 0.5]);
  });

  it('separates hubs from authorities on a star', () => {
    // 0 points at 1, 2, 3
    const { hubs, authorities, converged } = computeHits(buildCsr(4, [0, 0, 0], [1, 2, 3], [1, 1, 1]));
    expect(converged).toBe(true);
    expect(Array.from(hubs)).toEqual([1, 0, 0, 0]);
    for (const i of [1, 2, 3]) expect(authorities[i]).toBeCloseTo(1 / 3, 12);
  });

  it('reports non-convergence instead of throwing', () => {
    const g = buildSyntheticEdges({ people: 300, edges: 2000, seed: 4 });
    const csr = buildCsr(g.people, g.sources, g.targets, g.weights);
    const result = computeHits(csr, { maxIterations: 1, tolerance: 1e-15 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(1);
    expect(result.hubs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(result.authorities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
});
