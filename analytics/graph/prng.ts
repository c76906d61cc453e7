/**
 * Seeded pseudo-random numbers for the graph layer.
 *
 * What: mulberry32, a 32-bit state generator returning floats in [0, 1), plus a
 * partial Fisher–Yates sampler that draws k distinct integers from 0..n-1.
 * Why: every randomised step in Chorus analytics (betweenness pivots, Louvain
 * traversal order, synthetic benchmark graphs) must be reproducible from a seed,
 * and Math.random cannot be seeded. mulberry32 is tiny, fast and good enough for
 * sampling (it is not cryptographic and must never be used for secrets).
 */

/** A function returning a uniformly distributed float in [0, 1). */
export type Rng = () => number;

/**
 * Creates a mulberry32 generator seeded with `seed` (any finite number; it is
 * truncated to an unsigned 32-bit integer, so 1 and 1.7 give the same stream).
 * Returns a function yielding floats in [0, 1) with 2^-32 resolution.
 * Throws RangeError when `seed` is not finite.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  let state = Math.trunc(seed) >>> 0;
  return function mulberry32(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Returns a uniformly random integer in [0, bound) drawn from `rng`.
 * Throws RangeError when `bound` is not a positive safe integer.
 */
export function randomInt(rng: Rng, bound: number): number {
  if (!Number.isSafeInteger(bound) || bound <= 0) {
    throw new RangeError(`bound must be a positive integer, got ${bound}`);
  }
  return Math.floor(rng() * bound);
}

/**
 * Draws `k` distinct integers from 0..n-1 without replacement (partial
 * Fisher–Yates), in the order drawn. k >= n returns a permutation of all n
 * values; n = 0 or k = 0 gives an empty array.
 * Throws RangeError for negative or non-integer n or k.
 */
export function sampleWithoutReplacement(n: number, k: number, rng: Rng): Int32Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isSafeInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  const take = Math.min(n, k);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const tmp = pool[i];
    pool[i] = pool[j];
    pool[j] = tmp;
  }
  return pool.slice(0, take);
}
