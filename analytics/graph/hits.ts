/**
 * Weighted HITS (hubs and authorities) on a CSR.
 *
 * What: authorities a and hubs h are the principal right and left singular
 * vectors of the weighted adjacency matrix A (A[u][v] = weight of u→v), i.e.
 * a ∝ Aᵀh and h ∝ Aa, each normalized to sum to 1.
 * Why: separates people whom many strong hubs address (authorities: the go-to
 * experts) from people who address many authorities (hubs: connectors and
 * curators), two kinds of influence that a single PageRank score blends.
 *
 * Matches networkx `hits(G)` (which asks ARPACK for the top singular triplet
 * and returns h = A·a, both sum-normalized) using plain power iteration from
 * the uniform hub vector: a = normalize(Aᵀh), h = normalize(A·a), until the L1
 * change of h is below `tolerance`. Power iteration converges at rate
 * (σ₂/σ₁)², slower than ARPACK, so the default iteration cap is 1000 rather
 * than networkx's 100 (an iteration is one pass over the edges). When the top
 * singular value is (nearly) repeated, e.g. two identical disconnected parts,
 * the answer is not unique and may differ from networkx's. Non-convergence
 * returns the last iterate with `converged: false` instead of throwing.
 */
import type { Csr } from './csr.js';

/** Options for computeHits. */
export interface HitsOptions {
  /** Maximum number of power iterations (integer >= 0); default 1000. */
  maxIterations?: number;
  /** Stop when the L1 change of the sum-normalized hub vector is below this; default 1e-8 (networkx's tol). */
  tolerance?: number;
}

/** Hubs and authorities, one score per node index, each summing to 1 when n > 0. */
export interface HitsResult {
  hubs: Float64Array;
  authorities: Float64Array;
  /** Whether the stopping rule was met within maxIterations. */
  converged: boolean;
  /** Number of power iterations performed. */
  iterations: number;
}

/** Multiplies by A (pull over out-edges) or Aᵀ (pull over in-edges) and returns the sum of the result. */
function multiply(
  n: number,
  offsets: Int32Array,
  cols: Int32Array,
  vals: Float64Array,
  x: Float64Array,
  out: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let acc = 0;
    const end = offsets[i + 1];
    for (let e = offsets[i]; e < end; e++) acc += vals[e] * x[cols[e]];
    out[i] = acc;
    total += acc;
  }
  return total;
}

/**
 * Computes weighted HITS. Returns hub and authority scores (unitless, each
 * summing to 1), whether iteration converged and how many iterations ran.
 * n = 0 gives empty arrays; a graph without positive-weight edges gives 1/n
 * everywhere with converged = true. Never throws for non-convergence; throws
 * RangeError for a negative or non-integer maxIterations or a negative / NaN
 * tolerance.
 */
export function computeHits(csr: Csr, options: HitsOptions = {}): HitsResult {
  const { maxIterations = 1000, tolerance = 1e-8 } = options;
  if (!Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new RangeError(`maxIterations must be a non-negative integer, got ${maxIterations}`);
  }
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be >= 0, got ${tolerance}`);
  const { n, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights } = csr;
  if (n === 0) {
    return { hubs: new Float64Array(0), authorities: new Float64Array(0), converged: true, iterations: 0 };
  }

  let h = new Float64Array(n).fill(1 / n);
  let hNext = new Float64Array(n);
  const a = new Float64Array(n);
  let converged = false;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const aSum = multiply(n, inOffsets, inSources, inWeights, h, a);
    if (!(aSum > 0)) {
      // No positive-weight edge reachable by the iteration: no ranking information.
      const uniform = new Float64Array(n).fill(1 / n);
      return { hubs: uniform, authorities: uniform.slice(), converged: true, iterations };
    }
    const invA = 1 / aSum;
    for (let i = 0; i < n; i++) a[i] *= invA;
    const hSum = multiply(n, outOffsets, outTargets, outWeights, a, hNext);
    const invH = 1 / hSum;
    let err = 0;
    for (let i = 0; i < n; i++) {
      const value = hNext[i] * invH;
      hNext[i] = value;
      err += Math.abs(value - h[i]);
    }
    const tmp = h;
    h = hNext;
    hNext = tmp;
    if (err < tolerance) {
      converged = true;
      break;
    }
  }
  if (iterations === 0) {
    // maxIterations = 0: report authorities consistent with the starting hubs.
    const aSum = multiply(n, inOffsets, inSources, inWeights, h, a);
    if (aSum > 0) for (let i = 0; i < n; i++) a[i] /= aSum;
    else a.fill(1 / n);
  }
  return { hubs: h, authorities: a, converged, iterations };
}
