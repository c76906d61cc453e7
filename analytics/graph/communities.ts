/**
 * Seeded Louvain community detection.
 *
 * What: partitions people into communities with graphology-communities-louvain,
 * run on an undirected view of the interaction graph in which the weight of
 * {u, v} is weight(u→v) + weight(v→u). Communities are renumbered 0..count-1
 * by size (largest first), ties by smallest node id (string order).
 * Why undirected: a community is a group that talks among itself whichever way
 * the messages go; directed modularity (Leicht–Newman, the library's directed
 * mode) splits broadcasters from their audiences, which is what PageRank and
 * HITS already measure. Why seeded: the library visits nodes in random order,
 * so the same export must give the same communities in every run and every
 * report; the mulberry32 PRNG from prng.ts replaces Math.random.
 */
import { UndirectedGraph } from 'graphology';
import louvainImport from 'graphology-communities-louvain';
import type { DetailedLouvainOutput, LouvainOptions } from 'graphology-communities-louvain';
import type { AbstractGraph, Attributes } from 'graphology-types';
import { createRng } from './prng.js';

interface LouvainModule {
  detailed(graph: AbstractGraph, options?: LouvainOptions): DetailedLouvainOutput;
}

/**
 * The package is CommonJS (`module.exports = louvain`) with an ESM-style
 * `export default` typing: Node's default import yields the function itself,
 * while NodeNext type resolution believes it is `{ default }`. Accept both.
 */
function resolveLouvain(mod: unknown): LouvainModule {
  const candidates: unknown[] = [mod, (mod as { default?: unknown } | null)?.default];
  for (const c of candidates) {
    if ((typeof c === 'function' || (typeof c === 'object' && c !== null)) && 'detailed' in c) {
      return c as LouvainModule;
    }
  }
  throw new Error('graphology-communities-louvain: unexpected module shape');
}

const louvain = resolveLouvain(louvainImport);

/** Options for computeCommunities. */
export interface CommunityOptions {
  /** PRNG seed (any finite number); default 0. */
  seed?: number;
  /** Modularity resolution (> 0); higher gives more, smaller communities; default 1. */
  resolution?: number;
}

/** A deterministic partition of the graph's nodes. */
export interface CommunityResult {
  /** Community number (0 = largest) per node id. */
  communities: Map<string, number>;
  /** Number of communities. */
  count: number;
  /** Weighted modularity of the partition on the undirected view, at the given resolution; 0 without edges. */
  modularity: number;
}

/**
 * Computes Louvain communities of a weighted graph (edge attribute `weight`,
 * missing → 1; self-loops ignored). The same graph (same node and edge
 * insertion order) with the same seed and resolution gives the same result.
 * An empty graph gives an empty map, count 0 and modularity 0; a graph without
 * edges puts every node in its own community.
 * Throws RangeError for a non-finite seed or a resolution that is not > 0, and
 * TypeError when a `weight` attribute is not a number.
 */
export function computeCommunities<N extends Attributes, E extends Attributes, G extends Attributes>(
  graph: AbstractGraph<N, E, G>,
  options: CommunityOptions = {},
): CommunityResult {
  const { seed = 0, resolution = 1 } = options;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
  if (!(resolution > 0 && Number.isFinite(resolution))) {
    throw new RangeError(`resolution must be a positive number, got ${resolution}`);
  }

  const view = new UndirectedGraph<Attributes, { weight: number }>();
  graph.forEachNode((node) => {
    view.addNode(node);
  });
  let hasEdges = false;
  graph.forEachEdge((edge, attributes, source, target) => {
    if (source === target) return;
    const raw: unknown = attributes['weight'];
    let w = 1;
    if (raw !== undefined) {
      if (typeof raw !== 'number') throw new TypeError(`edge ${edge}: weight must be a number, got ${typeof raw}`);
      w = raw;
    }
    const [key] = view.mergeEdge(source, target);
    view.updateEdgeAttribute(key, 'weight', (x) => (x ?? 0) + w);
    hasEdges = true;
  });

  let raw: Record<string, number>;
  let modularity = 0;
  if (hasEdges) {
    const detailed = louvain.detailed(view, {
      getEdgeWeight: 'weight',
      resolution,
      rng: createRng(seed),
    });
    raw = detailed.communities;
    modularity = detailed.modularity;
  } else {
    raw = {};
    let next = 0;
    view.forEachNode((node) => {
      raw[node] = next++;
    });
  }
  return renumber(view.nodes(), raw, modularity);
}

function renumber(nodes: string[], raw: Record<string, number>, modularity: number): CommunityResult {
  const members = new Map<number, { size: number; smallest: string }>();
  for (const node of nodes) {
    const c = raw[node];
    const info = members.get(c);
    if (info === undefined) members.set(c, { size: 1, smallest: node });
    else {
      info.size++;
      if (node < info.smallest) info.smallest = node;
    }
  }
  const ordered = [...members.entries()].sort(
    (x, y) => y[1].size - x[1].size || (x[1].smallest < y[1].smallest ? -1 : x[1].smallest > y[1].smallest ? 1 : 0),
  );
  const relabel = new Map<number, number>();
  ordered.forEach(([c], i) => relabel.set(c, i));
  const communities = new Map<string, number>();
  for (const node of nodes) communities.set(node, relabel.get(raw[node]) as number);
  return { communities, count: ordered.length, modularity };
}
