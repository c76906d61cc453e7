// Sampled betweenness against exact betweenness on a realistic graph.
// Production uses PRODUCTION_PIVOTS = 256 source pivots: on 100k people / 5M
// edges that is the time budget we accept (see test/bench/graph-bench.ts), and
// here it must already rank like the exact computation.
import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../../analytics/graph/csr.js';
import { computeBetweenness } from '../../../analytics/graph/betweenness.js';
import { computeSpearman, computeTopKOverlap } from '../../../analytics/graph/rank-correlation.js';
import { buildSyntheticEdges } from '../../../analytics/graph/synthetic.js';

const PRODUCTION_PIVOTS = 256;

describe('sampled betweenness (2,000 people, ~10,000 edges, community-structured)', () => {
  const g = buildSyntheticEdges({ people: 2000, edges: 12000, seed: 42 });
  const csr = buildCsr(g.people, g.sources, g.targets, g.weights);
  const exact = computeBetweenness(csr);

  it('has the intended size', () => {
    expect(csr.n).toBe(2000);
    expect(csr.m).toBeGreaterThan(9500);
    expect(csr.m).toBeLessThan(10500);
  });

  for (const seed of [1, 2, 3]) {
    it(`ranks like exact betweenness with ${PRODUCTION_PIVOTS} pivots (seed ${seed})`, () => {
      const sampled = computeBetweenness(csr, { pivots: PRODUCTION_PIVOTS, seed });
      expect(computeSpearman(exact, sampled)).toBeGreaterThanOrEqual(0.9);
      expect(computeTopKOverlap(exact, sampled, 20)).toBeGreaterThanOrEqual(15);
    });
  }
});
