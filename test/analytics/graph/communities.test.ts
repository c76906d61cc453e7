import { describe, expect, it } from 'vitest';
import { DirectedGraph, MultiDirectedGraph, UndirectedGraph } from 'graphology';
import { buildGraph } from '../../../analytics/graph/csr.js';
import { computeCommunities } from '../../../analytics/graph/communities.js';
import { buildSyntheticEdges } from '../../../analytics/graph/synthetic.js';

function syntheticGraph(seed: number): DirectedGraph {
  const g = buildSyntheticEdges({ people: 600, edges: 5000, seed });
  const edges = Array.from(g.sources, (s, i) => ({ source: `p${s}`, target: `p${g.targets[i]}`, weight: g.weights[i] }));
  return buildGraph(edges);
}

describe('computeCommunities', () => {
  it('gives identical partitions for the same input and seed', () => {
    const a = computeCommunities(syntheticGraph(5), { seed: 11 });
    const b = computeCommunities(syntheticGraph(5), { seed: 11 });
    expect(a.count).toBe(b.count);
    expect(a.modularity).toBe(b.modularity);
    expect([...a.communities]).toEqual([...b.communities]);
    expect(a.count).toBeGreaterThan(1);
    expect(a.modularity).toBeGreaterThan(0.3);
  });

  it('numbers communities by size, largest first', () => {
    const { communities, count } = computeCommunities(syntheticGraph(6), { seed: 1 });
    const sizes = new Array<number>(count).fill(0);
    for (const c of communities.values()) sizes[c]++;
    for (let i = 1; i < count; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]);
  });

  it('finds two cliques joined by one edge', () => {
    const edges: { source: string; target: string; weight: number }[] = [];
    for (const side of ['a', 'b']) {
      for (let i = 0; i < 6; i++) {
        for (let j = 0; j < 6; j++) if (i !== j) edges.push({ source: `${side}${i}`, target: `${side}${j}`, weight: 1 });
      }
    }
    edges.push({ source: 'a0', target: 'b0', weight: 1 });
    for (const seed of [1, 2, 3]) {
      const { communities, count, modularity } = computeCommunities(buildGraph(edges), { seed });
      expect(count).toBe(2);
      expect(modularity).toBeGreaterThan(0.4);
      // tie on size (6 each): community 0 holds the smallest id, 'a0'
      for (let i = 0; i < 6; i++) {
        expect(communities.get(`a${i}`)).toBe(0);
        expect(communities.get(`b${i}`)).toBe(1);
      }
    }
  });

  it('accepts undirected and multi graphs', () => {
    const undirected = new UndirectedGraph();
    const multi = new MultiDirectedGraph();
    for (const side of ['a', 'b']) {
      for (let i = 0; i < 5; i++) {
        for (let j = i + 1; j < 5; j++) {
          undirected.mergeEdge(`${side}${i}`, `${side}${j}`, { weight: 2 });
          multi.mergeEdge(`${side}${i}`, `${side}${j}`, { weight: 1 });
          multi.addEdge(`${side}${i}`, `${side}${j}`, { weight: 1 });
        }
      }
    }
    undirected.mergeEdge('a0', 'b0');
    multi.mergeEdge('a0', 'b0');
    multi.mergeEdge('b3', 'b3', { weight: 100 }); // self-loop: ignored
    for (const graph of [undirected, multi]) {
      const { communities, count } = computeCommunities(graph, { seed: 4 });
      expect(count).toBe(2);
      expect(communities.get('a4')).toBe(0);
      expect(communities.get('b4')).toBe(1);
    }
  });

  it('handles empty and edgeless graphs', () => {
    expect(computeCommunities(new DirectedGraph())).toEqual({ communities: new Map(), count: 0, modularity: 0 });
    const lonely = new DirectedGraph();
    lonely.addNode('z');
    lonely.addNode('y');
    const r = computeCommunities(lonely);
    expect(r.count).toBe(2);
    expect(r.communities.get('y')).toBe(0);
    expect(r.communities.get('z')).toBe(1);
  });

  it('rejects invalid options and weights', () => {
    expect(() => computeCommunities(new DirectedGraph(), { resolution: 0 })).toThrow(RangeError);
    const bad = new DirectedGraph();
    bad.mergeEdge('a', 'b', { weight: 'x' });
    expect(() => computeCommunities(bad)).toThrow(TypeError);
  });
});
