/**
 * Benchmark of the graph algorithm layer (analytics/graph/).
 *
 * What: builds seeded synthetic organisation-like digraphs (buildSyntheticEdges)
 * and times CSR build, PageRank, sampled betweenness (256 pivots), HITS, the
 * graphology build + Louvain, and reports peak RSS. When python-igraph is
 * importable (Debian `python3-igraph`; tried with `python3` then
 * `/usr/bin/python3`), it also writes the merged graph to temp files and
 * times igraph on the same graph, printing our time / igraph's time:
 *   - PageRank: `G.pagerank(weights=w, damping=0.85)` (PRPACK, a direct
 *     solver, vs our power iteration; the max |difference| is printed too);
 *   - HITS: `G.hub_score(weights=w)` + `G.authority_score(weights=w)` (ARPACK);
 *   - sampled betweenness: igraph 0.10.2 has no source sampling (and no
 *     `sources=` argument), so what is timed is Dijkstra from the same 256
 *     pivots, `G.distances(source=[s], weights=1/w)` once per pivot. That is a
 *     lower bound of igraph's Brandes cost (no path counting, no dependency
 *     accumulation), so the ratio is pessimistic for us;
 *   - exact Brandes vs Brandes on a small extra graph (5,000 people / 40,000
 *     interactions): `G.betweenness(weights=1/w)` vs computeBetweenness(csr).
 * Times of graph loading in Python are not counted.
 *
 * Run: node --import tsx test/bench/graph-bench.ts [--large | --sizes=20000x1000000,100000x5000000]
 * (--large adds 100,000 people / 5,000,000 interactions; it needs ~10 GB and
 * several minutes, mostly for building the graphology graph, and re-runs
 * itself with --max-old-space-size=16384 when the heap limit is lower).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { computeBetweenness } from '../../analytics/graph/betweenness.js';
import { computeCommunities } from '../../analytics/graph/communities.js';
import { buildCsr, buildGraph } from '../../analytics/graph/csr.js';
import type { Csr, WeightedEdge } from '../../analytics/graph/csr.js';
import { computeHits } from '../../analytics/graph/hits.js';
import { computePageRank } from '../../analytics/graph/pagerank.js';
import { createRng, sampleWithoutReplacement } from '../../analytics/graph/prng.js';
import { buildSyntheticEdges } from '../../analytics/graph/synthetic.js';

const PIVOTS = 256;
const SEED = 7;

interface Size {
  people: number;
  edges: number;
}

interface IgraphTimings {
  pagerankMs: number;
  hitsMs: number;
  dijkstraMs: number;
  exactBetweennessMs?: number;
  /** max |chorus - igraph| with default (networkx) tolerance and with L1 tolerance 1e-12. */
  pagerankMaxDiff?: number;
  pagerankTightMaxDiff?: number;
}

export interface GraphBenchRow {
  people: number;
  rawEdges: number;
  edges: number;
  generateMs: number;
  csrMs: number;
  pagerankMs: number;
  pagerankIterations: number;
  pagerankTightMs: number;
  pagerankTightIterations: number;
  betweennessMs: number;
  hitsMs: number;
  hitsIterations: number;
  graphologyBuildMs: number;
  louvainMs: number;
  communities: number;
  modularity: number;
  peakRssMb: number;
  igraph?: IgraphTimings;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024; // maxRSS is in KiB
}

const IGRAPH_SCRIPT = String.raw`
import json, sys, time
import numpy as np
import igraph
d, n, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
src = np.fromfile(d + '/src.i32', dtype=np.int32)
dst = np.fromfile(d + '/dst.i32', dtype=np.int32)
w = np.fromfile(d + '/w.f64', dtype=np.float64).tolist()
lengths = (1.0 / np.fromfile(d + '/w.f64', dtype=np.float64)).tolist()
G = igraph.Graph(n=n, edges=np.column_stack([src, dst]).tolist(), directed=True)
out = {'igraph': igraph.__version__}
if mode == 'exact':
    t = time.perf_counter(); G.betweenness(directed=True, weights=lengths); out['exactBetweennessMs'] = (time.perf_counter() - t) * 1000
else:
    pivots = np.fromfile(d + '/pivots.i32', dtype=np.int32).tolist()
    t = time.perf_counter(); pr = G.pagerank(directed=True, damping=0.85, weights=w); out['pagerankMs'] = (time.perf_counter() - t) * 1000
    np.asarray(pr, dtype=np.float64).tofile(d + '/pr.f64')
    t = time.perf_counter(); G.hub_score(weights=w); G.authority_score(weights=w); out['hitsMs'] = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    for s in pivots:
        G.distances(source=[s], weights=lengths, mode='out')
    out['dijkstraMs'] = (time.perf_counter() - t) * 1000
print(json.dumps(out))
`;

let pythonCache: string | null | undefined;
/** Returns a python3 executable that can import igraph, or null. */
function findIgraphPython(): string | null {
  if (pythonCache !== undefined) return pythonCache;
  pythonCache = null;
  for (const exe of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(exe, ['-c', 'import igraph, numpy'], { stdio: 'ignore' });
    if (r.status === 0) {
      pythonCache = exe;
      break;
    }
  }
  return pythonCache;
}

/** Writes the merged CSR edges to temp files and runs IGRAPH_SCRIPT; returns its JSON output. */
function runIgraph(
  csr: Csr,
  mode: 'sampled' | 'exact',
  pivots?: Int32Array,
): { timings: Record<string, number>; pagerank?: Float64Array } | null {
  const python = findIgraphPython();
  if (python === null) return null;
  const dir = mkdtempSync(join(tmpdir(), 'chorus-graph-bench-'));
  try {
    const src = new Int32Array(csr.m);
    for (let u = 0; u < csr.n; u++) src.fill(u, csr.outOffsets[u], csr.outOffsets[u + 1]);
    writeFileSync(join(dir, 'src.i32'), src);
    writeFileSync(join(dir, 'dst.i32'), csr.outTargets);
    writeFileSync(join(dir, 'w.f64'), csr.outWeights);
    if (pivots) writeFileSync(join(dir, 'pivots.i32'), pivots);
    const r = spawnSync(python, ['-c', IGRAPH_SCRIPT, dir, String(csr.n), mode], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) {
      process.stderr.write(`igraph run failed: ${r.stderr}\n`);
      return null;
    }
    const timings = JSON.parse(r.stdout) as Record<string, number>;
    if (mode === 'sampled') {
      const buf = readFileSync(join(dir, 'pr.f64'));
      const pagerank = new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
      return { timings, pagerank };
    }
    return { timings };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function benchSize(size: Size): GraphBenchRow {
  // `distinct`: `edges` distinct person pairs (repeat draws add to the weight); departments of ~200.
  const [g, generateMs] = time(() =>
    buildSyntheticEdges({ people: size.people, edges: size.edges, seed: SEED, distinct: true, meanCommunitySize: 200 }),
  );
  const [csr, csrMs] = time(() => buildCsr(g.people, g.sources, g.targets, g.weights));
  const [pr, pagerankMs] = time(() => computePageRank(csr));
  // igraph's PRPACK solves to ~1e-10; compare its time with a run of similar accuracy too.
  const [prTight, pagerankTightMs] = time(() => computePageRank(csr, { tolerance: 1e-12 / csr.n, maxIterations: 1000 }));
  const [, betweennessMs] = time(() => computeBetweenness(csr, { pivots: PIVOTS, seed: SEED }));
  const [hits, hitsMs] = time(() => computeHits(csr));
  const [graph, graphologyBuildMs] = time(() => {
    const edges: WeightedEdge[] = new Array<WeightedEdge>(g.sources.length);
    for (let i = 0; i < edges.length; i++) {
      edges[i] = { source: String(g.sources[i]), target: String(g.targets[i]), weight: g.weights[i] };
    }
    return buildGraph(edges);
  });
  const [communities, louvainMs] = time(() => computeCommunities(graph, { seed: SEED }));
  const row: GraphBenchRow = {
    people: size.people,
    rawEdges: size.edges,
    edges: csr.m,
    generateMs,
    csrMs,
    pagerankMs,
    pagerankIterations: pr.iterations,
    pagerankTightMs,
    pagerankTightIterations: prTight.iterations,
    betweennessMs,
    hitsMs,
    hitsIterations: hits.iterations,
    graphologyBuildMs,
    louvainMs,
    communities: communities.count,
    modularity: communities.modularity,
    peakRssMb: peakRssMb(),
  };
  graph.clear();

  // Same pivots as computeBetweenness draws for this seed.
  const pivots = sampleWithoutReplacement(csr.n, PIVOTS, createRng(SEED));
  const ig = runIgraph(csr, 'sampled', pivots);
  if (ig) {
    let maxDiff = 0;
    let tightMaxDiff = 0;
    const igPr = ig.pagerank ?? new Float64Array(csr.n).fill(NaN);
    for (let i = 0; i < csr.n; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(igPr[i] - pr.scores[i]));
      tightMaxDiff = Math.max(tightMaxDiff, Math.abs(igPr[i] - prTight.scores[i]));
    }
    row.igraph = {
      pagerankMs: ig.timings['pagerankMs'],
      hitsMs: ig.timings['hitsMs'],
      dijkstraMs: ig.timings['dijkstraMs'],
      pagerankMaxDiff: maxDiff,
      pagerankTightMaxDiff: tightMaxDiff,
    };
  }
  return row;
}

function fmtMs(ms: number): string {
  return ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}

function printTable(rows: GraphBenchRow[]): void {
  const lines: string[][] = [
    ['people', 'edges (raw→merged)', 'CSR', 'PageRank (iter)', 'PageRank L1<1e-12 (iter)', `betweenness k=${PIVOTS}`, 'HITS (iter)', 'graphology build', 'Louvain (count, Q)', 'peak RSS'],
  ];
  for (const r of rows) {
    lines.push([
      r.people.toLocaleString('en'),
      `${r.rawEdges.toLocaleString('en')}→${r.edges.toLocaleString('en')}`,
      fmtMs(r.csrMs),
      `${fmtMs(r.pagerankMs)} (${r.pagerankIterations})`,
      `${fmtMs(r.pagerankTightMs)} (${r.pagerankTightIterations})`,
      fmtMs(r.betweennessMs),
      `${fmtMs(r.hitsMs)} (${r.hitsIterations})`,
      fmtMs(r.graphologyBuildMs),
      `${fmtMs(r.louvainMs)} (${r.communities}, ${r.modularity.toFixed(3)})`,
      `${r.peakRssMb.toFixed(0)} MB`,
    ]);
  }
  printAligned(lines);
  const igRows = rows.filter((r) => r.igraph);
  if (igRows.length > 0) {
    console.log('\nigraph comparison (ratio = chorus time / igraph time):');
    const ig: string[][] = [['people', 'PageRank chorus/igraph', 'PageRank L1<1e-12 chorus/igraph', 'max |ΔPR| default, tight', 'HITS chorus/igraph', `betweenness k=${PIVOTS} vs igraph Dijkstra from ${PIVOTS} sources`]];
    for (const r of igRows) {
      const i = r.igraph as IgraphTimings;
      ig.push([
        r.people.toLocaleString('en'),
        `${fmtMs(r.pagerankMs)} / ${fmtMs(i.pagerankMs)} = ${(r.pagerankMs / i.pagerankMs).toFixed(2)}`,
        `${fmtMs(r.pagerankTightMs)} / ${fmtMs(i.pagerankMs)} = ${(r.pagerankTightMs / i.pagerankMs).toFixed(2)}`,
        `${(i.pagerankMaxDiff ?? NaN).toExponential(1)}, ${(i.pagerankTightMaxDiff ?? NaN).toExponential(1)}`,
        `${fmtMs(r.hitsMs)} / ${fmtMs(i.hitsMs)} = ${(r.hitsMs / i.hitsMs).toFixed(2)}`,
        `${fmtMs(r.betweennessMs)} / ${fmtMs(i.dijkstraMs)} = ${(r.betweennessMs / i.dijkstraMs).toFixed(2)}`,
      ]);
    }
    printAligned(ig);
  }
}

function printAligned(lines: string[][]): void {
  const widths = lines[0].map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  for (const l of lines) console.log(l.map((cell, c) => cell.padEnd(widths[c])).join(' | '));
}

/** Exact Brandes vs igraph's exact weighted betweenness on a small graph; null without igraph. */
function benchExactVsIgraph(): { people: number; edges: number; chorusMs: number; igraphMs: number } | null {
  if (findIgraphPython() === null) return null;
  const g = buildSyntheticEdges({ people: 5000, edges: 40000, seed: SEED });
  const csr = buildCsr(g.people, g.sources, g.targets, g.weights);
  const [, chorusMs] = time(() => computeBetweenness(csr));
  const ig = runIgraph(csr, 'exact');
  if (!ig) return null;
  return { people: csr.n, edges: csr.m, chorusMs, igraphMs: ig.timings['exactBetweennessMs'] };
}

/**
 * Runs the benchmark on each size (default: 20,000 people / 1,000,000
 * interactions), prints a table and, when python-igraph is available, the
 * igraph ratios. Returns the measured rows.
 */
export async function benchGraph(opts: { sizes?: Array<{ people: number; edges: number }> } = {}): Promise<GraphBenchRow[]> {
  const sizes = opts.sizes ?? [{ people: 20000, edges: 1000000 }];
  const rows: GraphBenchRow[] = [];
  for (const size of sizes) {
    console.error(`graph-bench: ${size.people} people / ${size.edges} interactions ...`);
    rows.push(benchSize(size));
  }
  console.log(`\nChorus graph layer (node ${process.version}, seed ${SEED}; peak RSS is the process maximum so far)`);
  printTable(rows);
  if (findIgraphPython() === null) {
    console.log('\nigraph comparison skipped: no python3 with `import igraph` (apt-get install python3-igraph).');
  } else {
    const exact = benchExactVsIgraph();
    if (exact) {
      console.log(
        `\nexact weighted Brandes, ${exact.people.toLocaleString('en')} people / ${exact.edges.toLocaleString('en')} edges: ` +
          `chorus ${fmtMs(exact.chorusMs)} / igraph ${fmtMs(exact.igraphMs)} = ${(exact.chorusMs / exact.igraphMs).toFixed(2)}`,
      );
    }
  }
  return rows;
}

function parseSizes(argv: string[]): Size[] | undefined {
  if (argv.includes('--large')) {
    return [
      { people: 20000, edges: 1000000 },
      { people: 100000, edges: 5000000 },
    ];
  }
  const arg = argv.find((a) => a.startsWith('--sizes='));
  if (!arg) return undefined;
  return arg
    .slice('--sizes='.length)
    .split(',')
    .map((s) => {
      const [people, edges] = s.split('x').map(Number);
      return { people, edges };
    });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const sizes = parseSizes(process.argv.slice(2));
  const large = (sizes ?? []).some((s) => s.edges > 2_000_000);
  if (large && getHeapStatistics().heap_size_limit < 12 * 2 ** 30 && process.env['CHORUS_GRAPH_BENCH_CHILD'] !== '1') {
    // graphology needs ~1 GB of heap per million edges: re-run with a 16 GB heap.
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=16384', ...process.execArgv, process.argv[1], ...process.argv.slice(2)],
      { stdio: 'inherit', env: { ...process.env, CHORUS_GRAPH_BENCH_CHILD: '1' } },
    );
    process.exitCode = child.status ?? 1;
  } else {
    await benchGraph({ sizes });
  }
}
