/**
 * Compressed sparse row (CSR) storage for directed weighted graphs, and the
 * graphology graph builder.
 *
 * What: `Csr` holds a directed graph over dense node indices 0..n-1 as two
 * adjacency structures in typed arrays: out-adjacency (row = source, sorted
 * targets) and in-adjacency (row = target, sorted sources). Parallel edges are
 * merged by summing their weights and self-loops are dropped, so each ordered
 * pair (u, v) with u != v appears at most once.
 * Why: PageRank, HITS and Brandes betweenness over millions of edges need flat
 * arrays (no per-node objects) to stay fast and small; graphology graphs stay
 * the interchange format for Louvain and for callers that work with string ids.
 *
 * Building is O(n + m) with three counting-sort passes (no comparison sort),
 * so the result is independent of input edge order except for the order in
 * which parallel weights are summed.
 */
import { DirectedGraph } from 'graphology';
import type { AbstractGraph, Attributes } from 'graphology-types';

/** A directed weighted graph in compressed sparse row form (see module header). */
export interface Csr {
  /** Number of nodes; node ids are 0..n-1. */
  readonly n: number;
  /** Number of distinct directed edges after merging parallel edges and dropping self-loops. */
  readonly m: number;
  /** Length n+1; out-edges of u are positions outOffsets[u]..outOffsets[u+1]-1. */
  readonly outOffsets: Int32Array;
  /** Length m; edge targets, ascending within each row. */
  readonly outTargets: Int32Array;
  /** Length m; summed edge weights aligned with outTargets. */
  readonly outWeights: Float64Array;
  /** Length n+1; in-edges of v are positions inOffsets[v]..inOffsets[v+1]-1. */
  readonly inOffsets: Int32Array;
  /** Length m; edge sources, ascending within each row. */
  readonly inSources: Int32Array;
  /** Length m; summed edge weights aligned with inSources. */
  readonly inWeights: Float64Array;
}

/** One weighted interaction between two named people. */
export interface WeightedEdge {
  source: string;
  target: string;
  weight: number;
}

type IndexArray = Int32Array | Uint32Array | ArrayLike<number>;
type WeightArray = Float64Array | Float32Array | ArrayLike<number>;

/** Transposes rows of (cols, vals) into rows keyed by column, preserving row order. */
function transpose(
  n: number,
  offsets: Int32Array,
  cols: Int32Array,
  vals: Float64Array,
): { offsets: Int32Array; cols: Int32Array; vals: Float64Array } {
  const m = offsets[n];
  const tOffsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) tOffsets[cols[e] + 1]++;
  for (let i = 0; i < n; i++) tOffsets[i + 1] += tOffsets[i];
  const cursor = tOffsets.slice(0, n);
  const tCols = new Int32Array(m);
  const tVals = new Float64Array(m);
  for (let row = 0; row < n; row++) {
    const end = offsets[row + 1];
    for (let e = offsets[row]; e < end; e++) {
      const p = cursor[cols[e]]++;
      tCols[p] = row;
      tVals[p] = vals[e];
    }
  }
  return { offsets: tOffsets, cols: tCols, vals: tVals };
}

/**
 * Builds a CSR over nodes 0..n-1 from parallel edge arrays (edge i goes from
 * sources[i] to targets[i] with weights[i]). Parallel edges are summed,
 * self-loops are dropped, zero-weight edges are kept (they count for degree,
 * carry no strength, and are impassable for betweenness).
 * n = 0 with no edges gives an empty CSR.
 * Throws RangeError when the arrays differ in length, an endpoint is not an
 * integer in 0..n-1, a weight is negative or not finite, or m exceeds 2^31-1.
 */
export function buildCsr(
  n: number,
  sources: IndexArray,
  targets: IndexArray,
  weights: WeightArray,
): Csr {
  if (!Number.isInteger(n) || n < 0 || n > 0x7fffffff) throw new RangeError(`n must be a non-negative int32, got ${n}`);
  const len = sources.length;
  if (targets.length !== len || weights.length !== len) {
    throw new RangeError(
      `sources, targets and weights must have equal length (${len}, ${targets.length}, ${weights.length})`,
    );
  }
  if (len > 0x7fffffff) throw new RangeError(`too many edges: ${len}`);

  // Pass 1: validate and counting-sort by source (self-loops skipped).
  const rawOffsets = new Int32Array(n + 1);
  for (let i = 0; i < len; i++) {
    const s = sources[i];
    const t = targets[i];
    const w = weights[i];
    if (!(Number.isInteger(s) && s >= 0 && s < n)) throw new RangeError(`edge ${i}: source ${s} outside 0..${n - 1}`);
    if (!(Number.isInteger(t) && t >= 0 && t < n)) throw new RangeError(`edge ${i}: target ${t} outside 0..${n - 1}`);
    if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`edge ${i}: weight must be finite and >= 0, got ${w}`);
    if (s !== t) rawOffsets[s + 1]++;
  }
  for (let i = 0; i < n; i++) rawOffsets[i + 1] += rawOffsets[i];
  const rawM = rawOffsets[n];
  const rawTargets = new Int32Array(rawM);
  const rawWeights = new Float64Array(rawM);
  {
    const cursor = rawOffsets.slice(0, n);
    for (let i = 0; i < len; i++) {
      const s = sources[i];
      const t = targets[i];
      if (s === t) continue;
      const p = cursor[s]++;
      rawTargets[p] = t;
      rawWeights[p] = weights[i];
    }
  }

  // Pass 2: merge parallel edges within each row (marker = slot of target in the current row).
  const slot = new Int32Array(n).fill(-1);
  const mergedOffsets = new Int32Array(n + 1);
  let write = 0;
  for (let u = 0; u < n; u++) {
    const rowStart = write;
    const end = rawOffsets[u + 1];
    for (let e = rawOffsets[u]; e < end; e++) {
      const t = rawTargets[e];
      const at = slot[t];
      if (at >= rowStart) {
        rawWeights[at] += rawWeights[e];
      } else {
        slot[t] = write;
        rawTargets[write] = t;
        rawWeights[write] = rawWeights[e];
        write++;
      }
    }
    mergedOffsets[u + 1] = write;
  }
  const m = write;
  const mergedTargets = rawTargets.subarray(0, m);
  const mergedWeights = rawWeights.subarray(0, m);

  // Pass 3 and 4: transpose twice, which sorts both adjacency directions.
  const inAdj = transpose(n, mergedOffsets, mergedTargets, mergedWeights);
  const outAdj = transpose(n, inAdj.offsets, inAdj.cols, inAdj.vals);
  return {
    n,
    m,
    outOffsets: outAdj.offsets,
    outTargets: outAdj.cols,
    outWeights: outAdj.vals,
    inOffsets: inAdj.offsets,
    inSources: inAdj.cols,
    inWeights: inAdj.vals,
  };
}

/**
 * Converts a graphology graph into a CSR. Node i of the CSR is nodes[i], in
 * the graph's node iteration order. Edge weights come from the `weight`
 * attribute (missing → 1); undirected edges of a mixed or undirected graph are
 * added in both directions. An empty graph gives n = 0 and nodes = [].
 * Throws TypeError when a `weight` attribute is present but not a number, and
 * RangeError (from buildCsr) when it is negative or not finite.
 */
export function csrFromGraph<N extends Attributes, E extends Attributes, G extends Attributes>(
  graph: AbstractGraph<N, E, G>,
): { csr: Csr; nodes: string[] } {
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) index.set(nodes[i], i);
  const cap = graph.directedSize + 2 * graph.undirectedSize;
  const sources = new Int32Array(cap);
  const targets = new Int32Array(cap);
  const weights = new Float64Array(cap);
  let k = 0;
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    const raw: unknown = attributes['weight'];
    let w = 1;
    if (raw !== undefined) {
      if (typeof raw !== 'number') throw new TypeError(`edge ${edge}: weight must be a number, got ${typeof raw}`);
      w = raw;
    }
    const s = index.get(source) as number;
    const t = index.get(target) as number;
    sources[k] = s;
    targets[k] = t;
    weights[k] = w;
    k++;
    if (undirected) {
      sources[k] = t;
      targets[k] = s;
      weights[k] = w;
      k++;
    }
  });
  const csr = buildCsr(nodes.length, sources.subarray(0, k), targets.subarray(0, k), weights.subarray(0, k));
  return { csr, nodes };
}

/**
 * Builds a graphology DirectedGraph from named weighted edges: one node per
 * distinct name (in first-seen order), one edge per ordered pair with the
 * `weight` attribute set to the sum of its parallel edges. Self-loops are
 * dropped, but their person is still added as a node. [] gives an empty graph.
 * Throws RangeError when a weight is negative or not finite, TypeError when a
 * source or target is not a string.
 */
export function buildGraph(edges: readonly WeightedEdge[]): DirectedGraph<Attributes, { weight: number }> {
  const graph = new DirectedGraph<Attributes, { weight: number }>();
  for (let i = 0; i < edges.length; i++) {
    const { source, target, weight } = edges[i];
    if (typeof source !== 'string' || typeof target !== 'string') {
      throw new TypeError(`edge ${i}: source and target must be strings`);
    }
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new RangeError(`edge ${i}: weight must be finite and >= 0, got ${weight}`);
    }
    graph.mergeNode(source);
    graph.mergeNode(target);
    if (source === target) continue;
    // mergeEdge without attributes: passing { weight } would overwrite an existing sum.
    const [key] = graph.mergeEdge(source, target);
    graph.updateEdgeAttribute(key, 'weight', (w) => (w ?? 0) + weight);
  }
  return graph;
}
