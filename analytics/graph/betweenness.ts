/**
 * Brandes betweenness centrality for directed weighted graphs, exact or
 * sampled from a subset of source pivots.
 *
 * What: for each node v, the sum over ordered pairs (s, t), s != v != t, of the
 * fraction of shortest s→t paths passing through v. Edge weights are
 * interaction strengths, so an edge's length is 1 / weight (a strong tie is a
 * short hop); zero-weight edges are impassable. Shortest paths come from
 * Dijkstra with an indexed binary heap on typed arrays that records each
 * node's shortest-path predecessors in a pooled linked list as it goes (one
 * pass over the edges per source); path counts are summed when a node is
 * settled and dependencies are pushed back along the predecessor lists in
 * reverse settle order (Brandes 2001). Memory: about 60 bytes per edge and
 * 60 per node on top of the CSR.
 * Why: betweenness finds brokers — people through whom information between
 * otherwise distant groups flows — which degree-like scores miss.
 *
 * Semantics follow networkx 2.8 `betweenness_centrality(G, k, normalized,
 * weight, seed)` with `weight` = 1 / strength: normalized scores are divided
 * by (n-1)(n-2); sampled scores sum dependencies over `pivots` sources drawn
 * without replacement by the seeded PRNG and are multiplied by n / pivots, the
 * unbiased estimator. Differences: the n / pivots factor is also applied when
 * normalized = false (networkx 2.8 skips it for directed graphs), networkx 3.6
 * rescales samples by (n-1)/k for non-pivots and (n-1)/(k-1) for pivots
 * instead, and the sampled sources differ from networkx's (different PRNG).
 *
 * Ties of path length: networkx compares floating-point sums exactly, so two
 * equal-length paths built from different weights may count as one path or
 * two depending on rounding (1/2 + 1/12 is 0.5833333333333334 in doubles but
 * 1/3 + 1/4 is 0.5833333333333333, so networkx sees a single shortest path).
 * Here lengths a and b tie when |a - b| <= tieTolerance * b, with
 * tieTolerance = 1e-12 by default: well above accumulated rounding (~1e-15 for
 * paths of tens of hops) and well below genuine differences between sums of
 * reciprocal interaction counts. tieTolerance = 0 reproduces networkx's exact
 * comparison; the reference tests check both modes.
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
  const heapKey = new Float64Array(n);
  const pos = new Int32Array(n).fill(ABSENT);
  // Shortest-path predecessors as linked lists in a per-source pool: entry i is
  // the edge predNode[i] -> w reaching w at length predDist[i]; head[w] is the
  // first entry of w's list, next[i] the following one (-1 ends a list).
  const head = new Int32Array(n).fill(-1);
  const next = new Int32Array(m + 1);
  const predNode = new Int32Array(m + 1);
  const predDist = new Float64Array(m + 1);

  for (let si = 0; si < sources.length; si++) {
    const s = sources[si];

    // 1. Dijkstra with an indexed binary heap, collecting shortest-path predecessors.
    let pool = 0;
    let settled = 0;
    let heapSize = 1;
    heap[0] = s;
    heapKey[0] = 0;
    pos[s] = 0;
    dist[s] = 0;
    sigma[s] = 1;
    while (heapSize > 0) {
      const v = heap[0];
      const dv = heapKey[0];
      heapSize--;
      if (heapSize > 0) {
        // sift the last element down from the root
        const last = heap[heapSize];
        const kl = heapKey[heapSize];
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= heapSize) break;
          let kc = heapKey[c];
          const r = c + 1;
          if (r < heapSize) {
            const kr = heapKey[r];
            if (kr < kc) {
              c = r;
              kc = kr;
            }
          }
          if (kc >= kl) break;
          const hc = heap[c];
          heap[i] = hc;
          heapKey[i] = kc;
          pos[hc] = i;
          i = c;
        }
        heap[i] = last;
        heapKey[i] = kl;
        pos[last] = i;
      }
      pos[v] = SETTLED;
      order[settled++] = v;
      // All predecessors of v are settled: its path count is final.
      if (v !== s) {
        let sv = 0;
        for (let p = head[v]; p !== -1; p = next[p]) sv += sigma[predNode[p]];
        sigma[v] = sv;
      }
      const end = outOffsets[v + 1];
      for (let e = outOffsets[v]; e < end; e++) {
        const w = outTargets[e];
        const nd = dv + length[e];
        const dw = dist[w];
        // A settled w has dw <= dv < nd, so it can never take the first branch;
        // pos[w] is read only there and in the (rare) tie branch.
        if (nd < dw * lo) {
          const pw = pos[w];
          // Strictly shorter: keep only earlier predecessors still tied with nd (none when exact).
          let keep = -1;
          if (tieTolerance > 0) {
            const a = nd * lo;
            const b = nd * hi;
            for (let p = head[w]; p !== -1; ) {
              const q = next[p];
              const pd = predDist[p];
              if (pd >= a && pd <= b) {
                next[p] = keep;
                keep = p;
              }
              p = q;
            }
          }
          predNode[pool] = v;
          predDist[pool] = nd;
          next[pool] = keep;
          head[w] = pool++;
          dist[w] = nd;
          // insert or decrease-key: sift up
          let i = pw === ABSENT ? heapSize++ : pw;
          while (i > 0) {
            const p = (i - 1) >> 1;
            const kp = heapKey[p];
            if (kp <= nd) break;
            const hp = heap[p];
            heap[i] = hp;
            heapKey[i] = kp;
            pos[hp] = i;
            i = p;
          }
          heap[i] = w;
          heapKey[i] = nd;
          pos[w] = i;
        } else if (nd <= dw * hi && nd !== Infinity && pos[w] !== SETTLED) {
          // Equal length (within tolerance): one more predecessor.
          predNode[pool] = v;
          predDist[pool] = nd;
          next[pool] = head[w];
          head[w] = pool++;
        }
      }
    }

    // 2. Dependencies in reverse settle order, pushed to predecessors.
    for (let i = settled - 1; i > 0; i--) {
      const w = order[i];
      const dw = delta[w];
      const coeff = (1 + dw) / sigma[w];
      for (let p = head[w]; p !== -1; p = next[p]) {
        const u = predNode[p];
        delta[u] += sigma[u] * coeff;
      }
      bc[w] += dw;
    }

    // Reset only what this source touched.
    for (let i = 0; i < settled; i++) {
      const v = order[i];
      dist[v] = Infinity;
      sigma[v] = 0;
      delta[v] = 0;
      pos[v] = ABSENT;
      head[v] = -1;
    }
  }

  let scale = 1;
  if (normalized && n > 2) scale = 1 / ((n - 1) * (n - 2));
  if (sampled) scale *= n / sources.length;
  if (scale !== 1) for (let v = 0; v < n; v++) bc[v] *= scale;
  return bc;
}
