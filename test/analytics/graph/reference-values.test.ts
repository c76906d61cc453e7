// PageRank, exact betweenness and HITS against networkx reference values.
// The JSON files were produced once by reference/generate-reference.py (see
// their `_source` field); these tests never run Python.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCsr, buildGraph, csrFromGraph } from '../../../analytics/graph/csr.js';
import type { Csr } from '../../../analytics/graph/csr.js';
import { computeBetweenness } from '../../../analytics/graph/betweenness.js';
import { computeHits } from '../../../analytics/graph/hits.js';
import { computePageRank } from '../../../analytics/graph/pagerank.js';

interface Reference {
  _source: string;
  name: string;
  nodes: string[];
  edges: { source: string; target: string; weight: number }[];
  mergedEdgeCount: number;
  pagerank: number[];
  pagerankTight: number[];
  betweennessFloat: number[];
  betweennessExactTies: number[];
  betweennessUnnormalized: number[];
  hubs: number[];
  authorities: number[];
}

function load(name: string): Reference {
  const url = new URL(`./reference/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Reference;
}

function csrOf(ref: Reference): Csr {
  const index = new Map(ref.nodes.map((id, i) => [id, i]));
  const idx = (id: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`unknown node ${id}`);
    return i;
  };
  return buildCsr(
    ref.nodes.length,
    ref.edges.map((e) => idx(e.source)),
    ref.edges.map((e) => idx(e.target)),
    ref.edges.map((e) => e.weight),
  );
}

function expectClose(actual: ArrayLike<number>, expected: number[], tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  expect(worst).toBeLessThan(tolerance);
}

for (const name of ['hand6', 'random30']) {
  describe(`networkx reference: ${name}`, () => {
    const ref = load(name);
    const csr = csrOf(ref);

    it('merges parallel edges and drops self-loops like the reference DiGraph', () => {
      expect(csr.n).toBe(ref.nodes.length);
      expect(csr.m).toBe(ref.mergedEdgeCount);
    });

    it('PageRank matches nx.pagerank with default tolerance', () => {
      const result = computePageRank(csr);
      expect(result.converged).toBe(true);
      expectClose(result.scores, ref.pagerank, 1e-9);
    });

    it('PageRank matches nx.pagerank with tol=1e-13', () => {
      const result = computePageRank(csr, { tolerance: 1e-13, maxIterations: 10000 });
      expect(result.converged).toBe(true);
      expectClose(result.scores, ref.pagerankTight, 1e-12);
    });

    it('exact betweenness with tieTolerance=0 matches networkx on 1/weight floats', () => {
      expectClose(computeBetweenness(csr, { tieTolerance: 0 }), ref.betweennessFloat, 1e-12);
    });

    it('exact betweenness with default tie tolerance matches networkx with exact (integer) lengths', () => {
      expectClose(computeBetweenness(csr), ref.betweennessExactTies, 1e-12);
      expectClose(computeBetweenness(csr, { normalized: false }), ref.betweennessUnnormalized, 1e-9);
      // pivots >= n is the exact computation
      expectClose(computeBetweenness(csr, { pivots: csr.n, seed: 7 }), ref.betweennessExactTies, 1e-12);
    });

    it('HITS matches nx.hits', () => {
      const loose = computeHits(csr);
      expect(loose.converged).toBe(true);
      expectClose(loose.hubs, ref.hubs, 1e-6);
      expectClose(loose.authorities, ref.authorities, 1e-6);
      const tight = computeHits(csr, { tolerance: 1e-15, maxIterations: 100000 });
      expectClose(tight.hubs, ref.hubs, 1e-9);
      expectClose(tight.authorities, ref.authorities, 1e-9);
    });

    it('gives the same results through buildGraph + csrFromGraph', () => {
      const graph = buildGraph(ref.edges);
      for (const id of ref.nodes) graph.mergeNode(id); // isolated/dangling names
      const { csr: viaGraph, nodes } = csrFromGraph(graph);
      const pr = computePageRank(viaGraph).scores;
      const bc = computeBetweenness(viaGraph);
      const byId = new Map(nodes.map((id, i) => [id, i]));
      ref.nodes.forEach((id, i) => {
        const j = byId.get(id) as number;
        expect(Math.abs(pr[j] - ref.pagerank[i])).toBeLessThan(1e-9);
        expect(Math.abs(bc[j] - ref.betweennessExactTies[i])).toBeLessThan(1e-12);
      });
    });
  });
}
