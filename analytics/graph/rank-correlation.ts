/**
 * Rank agreement between two score vectors.
 *
 * What: Spearman's rank correlation (Pearson correlation of ranks, tied values
 * getting the average of their ranks) and top-k overlap (how many of the k
 * highest-scored items two rankings share).
 * Why: sampled betweenness and other approximations are judged by whether they
 * put the same people on top, not by absolute values; tests and benchmarks use
 * these to compare approximations with exact results.
 */

type Scores = ArrayLike<number>;

/**
 * Returns 1-based ranks of `values` in ascending order, ties sharing the
 * average of their ranks (e.g. [10, 20, 20] → [1, 2.5, 2.5]). [] gives [].
 * Throws RangeError when a value is NaN.
 */
export function computeAverageRanks(values: Scores): Float64Array {
  const n = values.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(values[i])) throw new RangeError(`value ${i} is NaN`);
    idx[i] = i;
  }
  idx.sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Float64Array(n);
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && values[idx[j]] === values[idx[i]]) j++;
    const avg = (i + 1 + j) / 2; // mean of ranks i+1..j
    for (let t = i; t < j; t++) ranks[idx[t]] = avg;
    i = j;
  }
  return ranks;
}

/**
 * Spearman rank correlation of two equally long score vectors, in [-1, 1].
 * Returns NaN when fewer than 2 items or when either vector is constant
 * (correlation undefined). Throws RangeError when lengths differ or a value is NaN.
 */
export function computeSpearman(a: Scores, b: Scores): number {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`);
  const n = a.length;
  if (n < 2) return NaN;
  const ra = computeAverageRanks(a);
  const rb = computeAverageRanks(b);
  const mean = (n + 1) / 2;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = ra[i] - mean;
    const db = rb[i] - mean;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return sab / Math.sqrt(saa * sbb);
}

/**
 * Returns the indices of the k highest scores, highest first, ties broken by
 * lower index. k larger than the length returns all indices; k <= 0 gives [].
 */
export function computeTopK(scores: Scores, k: number): number[] {
  const n = scores.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((x, y) => scores[y] - scores[x] || x - y);
  return idx.slice(0, Math.max(0, Math.min(k, n)));
}

/**
 * Number of indices shared by the top-k of `a` and the top-k of `b` (0..k),
 * ties broken by lower index. Throws RangeError when lengths differ.
 */
export function computeTopKOverlap(a: Scores, b: Scores, k: number): number {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`);
  const topA = new Set(computeTopK(a, k));
  let shared = 0;
  for (const i of computeTopK(b, k)) if (topA.has(i)) shared++;
  return shared;
}
