/**
 * Brandes betweenness centrality for directed weighted graphs, exact or
 * sampled from a subset of source pivots.
 *
 * What: for each node v, the sum over ordered pairs (s, t), s != v != t, of the
 * fraction of shortest s→t paths passing through v. Edge weights are
 * interaction strengths, so an edge's length is 1 / weight (a strong tie is a
 * short hop); zero-weight edges are impassable. Shortest paths come from
 * Dijkstra with an indexed binary heap on typed arrays, and dependencies are
 * accumulated in reverse settle order (Brandes 2001).
 * Why: betweenness finds brokers — people through whom information between
 * otherwise distant groups flows — which degree-like scores miss.
 *
 * Semantics follow networkx 2.8 `betweenness_centrality(G, k, normalized, weight,
 * seed)` with `weight` = 1 / strength: normalized scores are divided by
 * (n-1)(n-2); sampled scores sum dependencies over `pivots` sources drawn
 * without replacement by the seeded PRNG and are multiplied by n / pivots (the
 * unbiased estimator; also applied when normalized = false, where networkx 2.8
 * skips it for directed graphs and networkx >= 3.5 uses (n-1)/k). The sampled
 * sources differ from networkx's (different PRNG), only the estimator is shared.
 *
 * Ties of path length: networkx compares floating-point sums exactly, so two
 * equal-length paths built from different weights (1/6+1/6+1/6 vs 1/2) can be
 * counted as one path or two depending on rounding. Here two lengths a and b
 * are a tie when |a - b| <= tieTolerance * b, with tieTolerance = 1e-12 by
 * default (well above accumulated rounding, ~1e-15 for paths of tens of hops,
 * and well below genuine differences between sums of reciprocals of interaction
 * counts). tieTolerance = 0 reproduces networkx's exact comparison; the
 * reference tests check both modes.
 */
import type { Csr } from './csr.js';
import { createRng, sampleWithoutReplacement } from './prng.js';

/** Options for computeBetweenness. */
export interface BetweennessOptions {
  /** Number of sampled source nodes; undefined or >= n computes exact betweenness. Integer >= 1. */
  pivots?: number;
  /** Seed for choosing pivots (only used when sampling); default 0. */
  seed?: number;
  /** Divide by (n-1)(n-2) as networkx does for directed graphs; default true. */
  normalized?: boolean;
  /** Relative tolerance under which two path lengths count as equal; default 1e-12, 0 = exact (networkx). */
  tieTolerance?: number;
}

const SETTLED = -2;
const ABSENT = -1;

/**
 * Computes (approximate when `pivots` < n) betweenness centrality. Returns one
 * score per node index: with normalized = true a fraction of ordered pairs in
 * [0, 1] (sampled estimates can slightly exceed it), otherwise a count of
 * ordered pairs (fractional). n = 0 gives an empty array; n <= 2 gives zeros.
 * Throws RangeError for pivots that is not a positive integer, a non-finite
 * seed, or a tieTolerance outside [0, 1e-3].
 */
export function computeBetweenness(csr: Csr, options: BetweennessOptions = {}): Float64Array {
  const { pivots, seed = 0, normalized = true, tieTolerance = 1e-12 } = options;
  if (pivots !== undefined && !(Number.isSafeInteger(pivots) && pivots >= 1)) {
    throw new RangeError(`pivots must be a positive integer, got ${pivots}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  if (!(tieTolerance >= 0 && tieTolerance <= 1e-3)) {
    throw new RangeError(`tieTolerance must be in [0, 1e-3], got ${tieTolerance}`);
  }
  const { n, m, outOffsets, outTargets, outWeights } = csr;
  const bc = new Float64Array(n);
  if (n === 0) return bc;

  let sources: Int32Array;
  const sampled = pivots !== undefined && pivots < n;
  if (sampled) {
    sources = sampleWithoutReplacement(n, pivots, createRng(seed));
  } else {
    sources = new Int32Array(n);
    for (let i = 0; i < n; i++) sources[i] = i;
  }

  // Edge lengths; zero weight -> Infinity (never relaxed).
  const length = new Float64Array(m);
  for (let e = 0; e < m; e++) length[e] = 1 / outWeights[e];
  const lo = 1 - tieTolerance;
  const hi = 1 + tieTolerance;

  const dist = new Float64Array(n).fill(Infinity);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  const heap = new Int32Array(n);
  const pos = new Int32Array(n).fill(ABSENT);
  const onPath = new Uint8Array(m); // edge e lies on a shortest path from the current source

  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];

    // 1. Dijkstra: distances and settle order.
    let settled = 0;
    let heapSize = 1;
    heap[0] = s;
    pos[s] = 0;
    dist[s] = 0;
    while (heapSize > 0) {
      // pop min
      const v = heap[0];
      heapSize--;
      if (heapSize > 0) {
        const last = heap[heapSize];
        const dl = dist[last];
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= heapSize) break;
          const r = l + 1;
          let c = l;
          let dc = dist[heap[l]];
          if (r < heapSize) {
            const dr = dist[heap[r]];
            if (dr < dc) {
              c = r;
              dc = dr;
            }
          }
          if (dc >= dl) break;
          const hc = heap[c];
          heap[i] = hc;
          pos[hc] = i;
          i = c;
        }
        heap[i] = last;
        pos[last] = i;
      }
      pos[v] = SETTLED;
      order[settled++] = v;
      const dv = dist[v];
      const end = outOffsets[v + 1];
      for (let e = outOffsets[v]; e < end; e++) {
        const w = outTargets[e];
        const pw = pos[w];
        if (pw === SETTLED) continue;
        const nd = dv + length[e];
        if (nd < dist[w] * lo) {
          dist[w] = nd;
          // insert or decrease-key: sift up from pw (or the end)
          let i = pw;
          if (i === ABSENT) i = heapSize++;
          while (i > 0) {
            const p = (i - 1) >> 1;
            const hp = heap[p];
            if (dist[hp] <= nd) break;
            heap[i] = hp;
            pos[hp] = i;
            i = p;
          }
          heap[i] = w;
          pos[w] = i;
        }
      }
    }

    // 2. Forward sweep: number of shortest paths, marking shortest-path edges.
    sigma[s] = 1;
    for (let i = 0; i < settled; i++) {
      const v = order[i];
      const sv = sigma[v];
      const dv = dist[v];
      const end = outOffsets[v + 1];
      for (let e = outOffsets[v]; e < end; e++) {
        const w = outTargets[e];
        const dw = dist[w];
        const nd = dv + length[e];
        if (dw !== Infinity && nd >= dw * lo && nd <= dw * hi) {
          sigma[w] += sv;
          onPath[e] = 1;
        } else {
          onPath[e] = 0;
        }
      }
    }

    // 3. Backward sweep: dependencies in reverse settle order.
    for (let i = settled - 1; i >= 0; i--) {
      const v = order[i];
      let acc = 0;
      const end = outOffsets[v + 1];
      for (let e = outOffsets[v]; e < end; e++) {
        if (onPath[e] === 0) continue;
        const w = outTargets[e];
        acc += (1 + delta[w]) / sigma[w];
      }
      const dv = sigma[v] * acc;
      delta[v] = dv;
      if (v !== s) bc[v] += dv;
    }

    // Reset only what this source touched.
    for (let i = 0; i < settled; i++) {
      const v = order[i];
      dist[v] = Infinity;
      sigma[v] = 0;
      delta[v] = 0;
      pos[v] = ABSENT;
    }
  }

  let scale = 1;
  if (normalized && n > 2) scale = 1 / ((n - 1) * (n - 2));
  if (sampled) scale *= n / sources.length;
  if (scale !== 1) for (let v = 0; v < n; v++) bc[v] *= scale;
  return bc;
}
