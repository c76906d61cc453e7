import { describe, expect, it } from 'vitest';
import { buildCsr, buildGraph, csrFromGraph } from '../../../analytics/graph/csr.js';
import { DirectedGraph, UndirectedGraph } from 'graphology';

describe('buildCsr', () => {
  it('sums parallel edges, drops self-loops and sorts both adjacency directions', () => {
    // 0->1 (2 + 3), 0->2 (1), 2->0 (4 + 0.5), 1->1 self-loop (dropped), 3->0 (7), 0->1 again (0.25)
    const csr = buildCsr(4, [0, 2, 0, 1, 3, 2, 0, 0], [1, 0, 2, 1, 0, 0, 1, 1], [2, 4, 1, 9, 7, 0.5, 3, 0.25]);
    expect(csr.n).toBe(4);
    expect(csr.m).toBe(4);
    expect(Array.from(csr.outOffsets)).toEqual([0, 2, 2, 3, 4]);
    expect(Array.from(csr.outTargets)).toEqual([1, 2, 0, 0]);
    expect(Array.from(csr.outWeights)).toEqual([5.25, 1, 4.5, 7]);
    expect(Array.from(csr.inOffsets)).toEqual([0, 2, 3, 4, 4]);
    expect(Array.from(csr.inSources)).toEqual([2, 3, 0, 0]);
    expect(Array.from(csr.inWeights)).toEqual([4.5, 7, 5.25, 1]);
  });

  it('accepts typed arrays and keeps zero-weight edges', () => {
    const csr = buildCsr(2, Int32Array.of(0, 1), Int32Array.of(1, 0), Float64Array.of(0, 2));
    expect(csr.m).toBe(2);
    expect(Array.from(csr.outWeights)).toEqual([0, 2]);
  });

  it('gives an empty CSR for n = 0 and for nodes without edges', () => {
    const empty = buildCsr(0, [], [], []);
    expect(empty.n).toBe(0);
    expect(empty.m).toBe(0);
    expect(Array.from(empty.outOffsets)).toEqual([0]);
    const isolated = buildCsr(3, [1], [1], [5]);
    expect(isolated.m).toBe(0);
    expect(Array.from(isolated.inOffsets)).toEqual([0, 0, 0, 0]);
  });

  it('rejects malformed input', () => {
    expect(() => buildCsr(2, [0], [1, 0], [1])).toThrow(RangeError);
    expect(() => buildCsr(2, [0], [2], [1])).toThrow(RangeError);
    expect(() => buildCsr(2, [-1], [0], [1])).toThrow(RangeError);
    expect(() => buildCsr(2, [0.5], [1], [1])).toThrow(RangeError);
    expect(() => buildCsr(2, [0], [1], [-1])).toThrow(RangeError);
    expect(() => buildCsr(2, [0], [1], [NaN])).toThrow(RangeError);
    expect(() => buildCsr(2, [0], [1], [Infinity])).toThrow(RangeError);
    expect(() => buildCsr(-1, [], [], [])).toThrow(RangeError);
  });
});

describe('buildGraph', () => {
  it('sums parallel edges via mergeEdge and drops self-loops but keeps the person', () => {
    const graph = buildGraph([
      { source: 'ann', target: 'bob', weight: 2 },
      { source: 'ann', target: 'bob', weight: 3 },
      { source: 'bob', target: 'ann', weight: 1 },
      { source: 'cat', target: 'cat', weight: 4 },
      { source: 'bob', target: 'dan', weight: 0.5 },
    ]);
    expect(graph.type).toBe('directed');
    expect(graph.nodes()).toEqual(['ann', 'bob', 'cat', 'dan']);
    expect(graph.size).toBe(3);
    expect(graph.getEdgeAttribute(graph.edge('ann', 'bob') as string, 'weight')).toBe(5);
    expect(graph.getEdgeAttribute(graph.edge('bob', 'ann') as string, 'weight')).toBe(1);
    expect(graph.hasEdge('cat', 'cat')).toBe(false);
  });

  it('gives an empty graph for no edges and rejects bad weights', () => {
    expect(buildGraph([]).order).toBe(0);
    expect(() => buildGraph([{ source: 'a', target: 'b', weight: -1 }])).toThrow(RangeError);
  });
});

describe('csrFromGraph', () => {
  it('maps nodes in graph order and reads weight (default 1)', () => {
    const graph = new DirectedGraph();
    graph.addNode('x');
    graph.addNode('y');
    graph.addNode('z');
    graph.addEdge('x', 'y', { weight: 2.5 });
    graph.addEdge('z', 'x');
    graph.addEdge('y', 'y', { weight: 3 });
    const { csr, nodes } = csrFromGraph(graph);
    expect(nodes).toEqual(['x', 'y', 'z']);
    expect(csr.m).toBe(2);
    expect(Array.from(csr.outTargets)).toEqual([1, 0]);
    expect(Array.from(csr.outWeights)).toEqual([2.5, 1]);
  });

  it('adds undirected edges in both directions', () => {
    const graph = new UndirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 2 });
    const { csr } = csrFromGraph(graph);
    expect(csr.m).toBe(2);
    expect(Array.from(csr.outWeights)).toEqual([2, 2]);
  });

  it('rejects non-numeric weights and handles empty graphs', () => {
    const graph = new DirectedGraph();
    graph.mergeEdge('a', 'b', { weight: 'heavy' });
    expect(() => csrFromGraph(graph)).toThrow(TypeError);
    const empty = csrFromGraph(new DirectedGraph());
    expect(empty.nodes).toEqual([]);
    expect(empty.csr.n).toBe(0);
  });
});
