/**
 * Weighted PageRank on a CSR.
 *
 * What: the stationary distribution of a random walk that follows an out-edge
 * with probability proportional to its weight (weights are interaction
 * strengths), teleports uniformly with probability 1 - alpha, and spreads the
 * mass of dangling nodes (zero out-strength) uniformly over all nodes.
 * Why: PageRank rewards people who are addressed by people who are themselves
 * addressed a lot, which is the "quietly central" signal Chorus looks for.
 *
 * Semantics and stopping rule follow networkx `pagerank(G, alpha, weight='weight')`
 * (power iteration from the uniform vector, stop when the L1 change of one
 * step is below n * tolerance). Unlike networkx, failure to converge does not
 * throw: the last iterate is returned with `converged: false`.
 */
import type { Csr } from './csr.js';

/** Options for computePageRank; defaults match networkx. */
export interface PageRankOptions {
  /** Damping factor in [0, 1]; default 0.85. */
  alpha?: number;
  /** Maximum number of power iterations (integer >= 0); default 100. */
  maxIterations?: number;
  /** Per-node tolerance; iteration stops when the L1 change < n * tolerance; default 1e-6. */
  tolerance?: number;
}

/** Result of an iterative centrality computation. */
export interface PageRankResult {
  /** Score per node index; sums to 1 (up to rounding) when n > 0. */
  scores: Float64Array;
  /** Whether the stopping rule was met within maxIterations. */
  converged: boolean;
  /** Number of power iterations performed. */
  iterations: number;
}

/**
 * Computes weighted PageRank. Returns a probability per node (unitless, sums
 * to 1), whether it converged and how many iterations ran. n = 0 gives an empty
 * array with converged = true and 0 iterations. Never throws for
 * non-convergence; throws RangeError for alpha outside [0, 1], a negative or
 * non-integer maxIterations, or a negative / NaN tolerance.
 */
export function computePageRank(csr: Csr, options: PageRankOptions = {}): PageRankResult {
  const { alpha = 0.85, maxIterations = 100, tolerance = 1e-6 } = options;
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`alpha must be in [0, 1], got ${alpha}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new RangeError(`maxIterations must be a non-negative integer, got ${maxIterations}`);
  }
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be >= 0, got ${tolerance}`);

  const { n, outOffsets, outWeights, inOffsets, inSources, inWeights } = csr;
  if (n === 0) return { scores: new Float64Array(0), converged: true, iterations: 0 };

  // Out-strength; nodes with zero out-strength are dangling (as in networkx).
  const invStrength = new Float64Array(n);
  const danglingList: number[] = [];
  for (let u = 0; u < n; u++) {
    let s = 0;
    for (let e = outOffsets[u]; e < outOffsets[u + 1]; e++) s += outWeights[e];
    if (s > 0) invStrength[u] = 1 / s;
    else danglingList.push(u);
  }
  const dangling = Int32Array.from(danglingList);
  // Transition probability of each in-edge v -> w: weight / outStrength(v).
  const m = inSources.length;
  const prob = new Float64Array(m);
  for (let e = 0; e < m; e++) prob[e] = inWeights[e] * invStrength[inSources[e]];

  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const teleport = (1 - alpha) / n;
  const threshold = n * tolerance;
  for (let iter = 1; iter <= maxIterations; iter++) {
    let danglingMass = 0;
    for (let i = 0; i < dangling.length; i++) danglingMass += x[dangling[i]];
    const base = (alpha * danglingMass) / n + teleport;
    let err = 0;
    for (let w = 0; w < n; w++) {
      let acc = 0;
      const end = inOffsets[w + 1];
      for (let e = inOffsets[w]; e < end; e++) acc += prob[e] * x[inSources[e]];
      const value = alpha * acc + base;
      next[w] = value;
      err += Math.abs(value - x[w]);
    }
    const tmp = x;
    x = next;
    next = tmp;
    if (err < threshold) return { scores: x, converged: true, iterations: iter };
  }
  return { scores: x, converged: false, iterations: maxIterations };
}
