/**
 * All graph metrics of one period from plain arrays, so the same function runs in the
 * process or in a worker thread (typed arrays transfer without copying).
 * What: strengths and responders, PageRank (weights as strengths), betweenness (weights as
 * distances 1/w; exact up to `exactBetweennessMax` nodes, sampled with `pivots` sources
 * above), HITS hubs and authorities, Louvain communities (seeded) and, per person, the
 * neighbourhood figures: network size, strong ties (reciprocated, same community), diverse
 * ties (reciprocated, other community), and how many other communities and departments the
 * neighbours belong to. Timings per metric in milliseconds.
 */
import { computeBetweenness } from './betweenness.js';
import { computeCommunities } from './communities.js';
import { buildCsr, type Csr } from './csr.js';
import { computeHits } from './hits.js';
import { computePageRank } from './pagerank.js';
import { computeStrength } from './strength.js';
import { DirectedGraph } from 'graphology';

export interface GraphInput {
  n: number;
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Department code per node (-1 = unknown). */
  departments: Int32Array;
  exactBetweennessMax: number;
  pivots: number;
  seed: number;
}

export interface GraphOutput {
  inStrength: Float64Array;
  outStrength: Float64Array;
  responders: Int32Array;
  pagerank: Float64Array;
  betweenness: Float64Array;
  hubs: Float64Array;
  authorities: Float64Array;
  community: Int32Array;
  communityCount: number;
  modularity: number;
  networkSize: Int32Array;
  strongTies: Int32Array;
  diverseTies: Int32Array;
  otherCommunities: Int32Array;
  otherDepartments: Int32Array;
  edges: number;
  betweennessPivots: number | null;
  converged: { pagerank: boolean; hits: boolean };
  timings: Record<string, number>;
}

/** Computes every graph metric; n = 0 gives empty arrays. Throws only for malformed input. */
export function computeGraphMetrics(input: GraphInput): GraphOutput {
  const timings: Record<string, number> = {};
  const time = <T>(name: string, work: () => T): T => {
    const began = performance.now();
    const result = work();
    timings[name] = Math.round(performance.now() - began);
    return result;
  };
  const { n } = input;
  const csr = time('csr', () => buildCsr(n, input.sources, input.targets, input.weights));
  const strength = time('strength', () => computeStrength(csr));
  const pagerank = time('pagerank', () => computePageRank(csr));
  const sampled = n > input.exactBetweennessMax;
  const betweenness = time('betweenness', () =>
    computeBetweenness(csr, sampled ? { pivots: Math.min(input.pivots, n), seed: input.seed } : {}),
  );
  const hits = time('hits', () => computeHits(csr));
  const { community, count, modularity } = time('communities', () => communitiesOf(csr, input.seed));
  const neighbourhood = time('ties', () => computeTies(csr, community, input.departments));
  return {
    inStrength: strength.inStrength,
    outStrength: strength.outStrength,
    responders: strength.responders,
    pagerank: pagerank.scores,
    betweenness,
    hubs: hits.hubs,
    authorities: hits.authorities,
    community,
    communityCount: count,
    modularity,
    ...neighbourhood,
    edges: csr.m,
    betweennessPivots: sampled ? Math.min(input.pivots, n) : null,
    converged: { pagerank: pagerank.converged, hits: hits.converged },
    timings,
  };
}

function communitiesOf(csr: Csr, seed: number): { community: Int32Array; count: number; modularity: number } {
  // graphology stays the graph model for Louvain; node keys are the indices.
  const graph = new DirectedGraph<Record<string, never>, { weight: number }>();
  for (let v = 0; v < csr.n; v++) graph.addNode(String(v));
  for (let u = 0; u < csr.n; u++) {
    for (let e = csr.outOffsets[u]; e < csr.outOffsets[u + 1]; e++) {
      graph.addDirectedEdge(String(u), String(csr.outTargets[e]), { weight: csr.outWeights[e] });
    }
  }
  const result = computeCommunities(graph, { seed });
  const community = new Int32Array(csr.n);
  for (let v = 0; v < csr.n; v++) community[v] = result.communities.get(String(v)) ?? -1;
  return { community, count: result.count, modularity: result.modularity };
}

function computeTies(csr: Csr, community: Int32Array, departments: Int32Array) {
  const n = csr.n;
  const networkSize = new Int32Array(n);
  const strongTies = new Int32Array(n);
  const diverseTies = new Int32Array(n);
  const otherCommunities = new Int32Array(n);
  const otherDepartments = new Int32Array(n);
  const seenCommunity = new Int32Array(n).fill(-1);
  const seenDepartment = new Map<number, number>();
  const outMark = new Int32Array(n).fill(-1);
  for (let u = 0; u < n; u++) {
    const outStart = csr.outOffsets[u];
    const outEnd = csr.outOffsets[u + 1];
    for (let e = outStart; e < outEnd; e++) outMark[csr.outTargets[e]] = u;
    let size = outEnd - outStart;
    const count = (v: number) => {
      const c = community[v];
      if (c >= 0 && c !== community[u] && seenCommunity[c] !== u) {
        seenCommunity[c] = u;
        otherCommunities[u]++;
      }
      const d = departments[v];
      if (d >= 0 && d !== departments[u] && seenDepartment.get(d) !== u) {
        seenDepartment.set(d, u);
        otherDepartments[u]++;
      }
    };
    for (let e = outStart; e < outEnd; e++) count(csr.outTargets[e]);
    for (let e = csr.inOffsets[u]; e < csr.inOffsets[u + 1]; e++) {
      const v = csr.inSources[e];
      if (outMark[v] === u) {
        if (community[v] === community[u]) strongTies[u]++;
        else diverseTies[u]++;
      } else {
        size++;
        count(v);
      }
    }
    networkSize[u] = size;
  }
  return { networkSize, strongTies, diverseTies, otherCommunities, otherDepartments };
}
