import { describe, expect, it } from 'vitest';
import {
  computeAverageRanks,
  computeSpearman,
  computeTopK,
  computeTopKOverlap,
} from '../../../analytics/graph/rank-correlation.js';
import { createRng, sampleWithoutReplacement } from '../../../analytics/graph/prng.js';

describe('rank correlation', () => {
  it('averages tied ranks', () => {
    expect(Array.from(computeAverageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
  });

  it('computes Spearman with ties (matches scipy.stats.spearmanr)', () => {
    expect(computeSpearman([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(computeSpearman([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
    // scipy.stats.spearmanr([1, 2, 2, 3, 5], [2, 1, 4, 4, 9]).statistic = 0.7631578947368421
    expect(computeSpearman([1, 2, 2, 3, 5], [2, 1, 4, 4, 9])).toBeCloseTo(0.7631578947368421, 14);
    expect(computeSpearman([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(computeSpearman([], [])).toBeNaN();
    expect(() => computeSpearman([1], [1, 2])).toThrow(RangeError);
  });

  it('computes top-k and overlap with index tie-breaking', () => {
    expect(computeTopK([0.1, 0.5, 0.5, 0.2], 3)).toEqual([1, 2, 3]);
    expect(computeTopKOverlap([4, 3, 2, 1], [1, 3, 4, 2], 2)).toBe(1);
    expect(computeTopKOverlap([4, 3, 2, 1], [4, 3, 2, 1], 10)).toBe(4);
  });
});

describe('prng', () => {
  it('is deterministic per seed and in [0, 1)', () => {
    const a = createRng(123);
    const b = createRng(123);
    const c = createRng(124);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });

  it('samples distinct values without replacement', () => {
    const s = sampleWithoutReplacement(100, 30, createRng(1));
    expect(s.length).toBe(30);
    expect(new Set(s).size).toBe(30);
    expect(Array.from(sampleWithoutReplacement(5, 10, createRng(1))).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(sampleWithoutReplacement(0, 3, createRng(1)).length).toBe(0);
  });
});
