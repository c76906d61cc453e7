/**
 * Local weighted degree measures on a CSR.
 *
 * What: per node, weighted in/out strength (sum of edge weights), in/out degree
 * (distinct neighbours, since the CSR merges parallel edges), responders
 * (distinct people who interact with the node, i.e. in-neighbours) and
 * reciprocated ties (neighbours with edges in both directions).
 * Why: these are the cheap, explainable baselines shown next to PageRank and
 * betweenness ("addressed 412 times by 37 distinct colleagues, 21 of them
 * reciprocated"), and they let tests sanity-check the heavier algorithms.
 */
import type { Csr } from './csr.js';

/** Local measures per node index (see module header). */
export interface StrengthResult {
  /** Sum of incoming edge weights (weight units, e.g. interactions). */
  inStrength: Float64Array;
  /** Sum of outgoing edge weights. */
  outStrength: Float64Array;
  /** Number of distinct in-neighbours (equals responders; kept for symmetry with outDegree). */
  inDegree: Int32Array;
  /** Number of distinct out-neighbours. */
  outDegree: Int32Array;
  /** Distinct people with an edge towards the node (in-neighbours), including zero-weight edges. */
  responders: Int32Array;
  /** Distinct neighbours linked in both directions. */
  reciprocated: Int32Array;
}

/**
 * Computes strengths, degrees, responders and reciprocated ties for every
 * node. n = 0 gives empty arrays. Never throws for a well-formed CSR.
 */
export function computeStrength(csr: Csr): StrengthResult {
  const { n, outOffsets, outTargets, outWeights, inOffsets, inSources, inWeights } = csr;
  const inStrength = new Float64Array(n);
  const outStrength = new Float64Array(n);
  const inDegree = new Int32Array(n);
  const outDegree = new Int32Array(n);
  const reciprocated = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const oStart = outOffsets[u];
    const oEnd = outOffsets[u + 1];
    const iStart = inOffsets[u];
    const iEnd = inOffsets[u + 1];
    outDegree[u] = oEnd - oStart;
    inDegree[u] = iEnd - iStart;
    let so = 0;
    for (let e = oStart; e < oEnd; e++) so += outWeights[e];
    outStrength[u] = so;
    let si = 0;
    for (let e = iStart; e < iEnd; e++) si += inWeights[e];
    inStrength[u] = si;
    // Both rows are sorted ascending: merge-intersect them.
    let i = oStart;
    let j = iStart;
    let both = 0;
    while (i < oEnd && j < iEnd) {
      const a = outTargets[i];
      const b = inSources[j];
      if (a === b) {
        both++;
        i++;
        j++;
      } else if (a < b) i++;
      else j++;
    }
    reciprocated[u] = both;
  }
  return { inStrength, outStrength, inDegree, outDegree, responders: inDegree.slice(), reciprocated };
}
