/**
 * Seeded synthetic interaction graphs.
 *
 * What: a directed weighted "organisation-like" graph: people split into
 * communities of uneven size, heavy-tailed (Pareto) activity and popularity so
 * that a few people send or receive most messages, most edges inside a
 * community, and integer weights (interaction counts) with a geometric tail.
 * Why: tests and benchmarks need large graphs whose shape resembles real
 * enterprise-social exports (hubs, brokers between groups, many weak ties)
 * without shipping data; the same seed always gives the same graph.
 */
import { createRng } from './prng.js';
import type { Rng } from './prng.js';

/** Options for buildSyntheticEdges. */
export interface SyntheticOptions {
  /** Number of people (nodes), integer >= 1. */
  people: number;
  /** Number of raw interactions (edges before merging), or of distinct edges when `distinct`; integer >= 0. */
  edges: number;
  /**
   * When true, repeated (source, target) draws and self-loops do not count:
   * drawing continues until `edges` distinct ordered pairs exist (repeats add
   * their weight to the pair), or until 20 x edges draws. Default false.
   */
  distinct?: boolean;
  /** PRNG seed; default 1. */
  seed?: number;
  /** Mean community size; default 80. */
  meanCommunitySize?: number;
  /** Probability that an interaction stays inside the sender's community; default 0.85. */
  withinCommunity?: number;
  /** Pareto tail exponent of activity and popularity (smaller = more skewed); default 1.6. */
  tailExponent?: number;
}

/** Edge arrays (parallel edges and self-loops unless `distinct`) plus each person's community. */
export interface SyntheticEdges {
  people: number;
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  community: Int32Array;
}

function pareto(rng: Rng, exponent: number): number {
  // u in (0, 1]; capped so a single person cannot dominate a small graph.
  const u = 1 - rng();
  return Math.min(Math.pow(u, -1 / exponent), 1000);
}

/** Smallest i in [lo, hi) with cumulative[i] > x (cumulative is non-decreasing). */
function search(cumulative: Float64Array, lo: number, hi: number, x: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Builds a seeded synthetic interaction graph as raw edge arrays over nodes
 * 0..people-1 (nodes of one community are contiguous). Weights are integer
 * counts >= 1. Deterministic for a given options object. With `distinct`, the
 * arrays may be shorter than `edges` if the draw budget runs out.
 * Throws RangeError when people < 1 or edges < 0 or a probability is outside [0, 1].
 */
export function buildSyntheticEdges(options: SyntheticOptions): SyntheticEdges {
  const {
    people: n,
    edges: m,
    seed = 1,
    meanCommunitySize = 80,
    withinCommunity = 0.85,
    tailExponent = 1.6,
    distinct = false,
  } = options;
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`people must be an integer >= 1, got ${n}`);
  if (!Number.isSafeInteger(m) || m < 0) throw new RangeError(`edges must be an integer >= 0, got ${m}`);
  if (!(withinCommunity >= 0 && withinCommunity <= 1)) throw new RangeError(`withinCommunity must be in [0, 1]`);
  const rng = createRng(seed);

  // Communities of uneven size (uniform in [0.2, 1.8] x mean), contiguous id ranges.
  const community = new Int32Array(n);
  const starts: number[] = [0];
  let c = 0;
  for (let i = 0; i < n; ) {
    const size = Math.max(2, Math.round(meanCommunitySize * (0.2 + 1.6 * rng())));
    const end = Math.min(n, i + size);
    for (let j = i; j < end; j++) community[j] = c;
    i = end;
    starts.push(end);
    c++;
  }

  const activityCum = new Float64Array(n);
  const popularityCum = new Float64Array(n);
  let a = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    a += pareto(rng, tailExponent);
    p += pareto(rng, tailExponent);
    activityCum[i] = a;
    popularityCum[i] = p;
  }

  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  const weights = new Float64Array(m);
  const seen = distinct ? new Map<number, number>() : null;
  const budget = distinct ? 20 * m : m;
  let count = 0;
  for (let draw = 0; draw < budget && count < m; draw++) {
    const s = search(activityCum, 0, n - 1, rng() * a);
    let t: number;
    if (rng() < withinCommunity) {
      const cs = community[s];
      const lo = starts[cs];
      const hi = starts[cs + 1];
      const base = lo === 0 ? 0 : popularityCum[lo - 1];
      t = search(popularityCum, lo, hi - 1, base + rng() * (popularityCum[hi - 1] - base));
    } else {
      t = search(popularityCum, 0, n - 1, rng() * p);
    }
    // 1 + geometric(0.5): mostly single interactions, some repeated ones
    let w = 1;
    while (rng() < 0.5 && w < 50) w++;
    if (seen !== null) {
      if (s === t) continue;
      const key = s * n + t;
      const at = seen.get(key);
      if (at !== undefined) {
        weights[at] += w;
        continue;
      }
      seen.set(key, count);
    }
    sources[count] = s;
    targets[count] = t;
    weights[count] = w;
    count++;
  }
  return {
    people: n,
    sources: count === m ? sources : sources.slice(0, count),
    targets: count === m ? targets : targets.slice(0, count),
    weights: count === m ? weights : weights.slice(0, count),
    community,
  };
}
