// The network map's graph: a graphology DirectedGraph of the /api/network answer with
// deterministic seed positions (communities on a circle, members on a small circle around their
// community's centre, best rank first), node sizes by score and colours by department or community.
import { DirectedGraph } from 'graphology';
import type { NetworkEdge, NetworkNode } from './queries';

export type ColourBy = 'department' | 'community';

export interface MapNode {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  personId: string;
  department: string | null;
  community: number | null;
  rank: number;
  score: number;
  roles: string;
}

export interface MapEdge {
  weight: number;
  size: number;
  color: string;
}

export type MapGraph = DirectedGraph<MapNode, MapEdge>;

/** Eleven colours that stay apart for common colour-vision deficiencies; the rest share `otherColour`. */
export const palette = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#3d9bd9', '#8cd17d'];
export const otherColour = '#b8c0cc';
export const edgeColour = '#d5dbe3';

/** The group of a node under a colouring: department name or community id as text ('' = unknown). */
export function groupOf(node: { department: string | null; community: number | null }, by: ColourBy): string {
  if (by === 'department') return node.department ?? '';
  return node.community === null ? '' : String(node.community);
}

export interface LegendEntry {
  key: string;
  colour: string;
  count: number;
}

/**
 * Colours of the groups under a colouring: the largest groups (by people shown, then name) get
 * the palette in order, the rest and the unknown group share the grey. Returns the legend in that
 * order and a lookup from group key to colour. Empty input gives an empty legend.
 */
export function colourGroups(nodes: ReadonlyArray<{ department: string | null; community: number | null }>, by: ColourBy): { legend: LegendEntry[]; colourOf: Map<string, string> } {
  const counts = new Map<string, number>();
  for (const n of nodes) {
    const key = groupOf(n, by);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], undefined, { numeric: true }));
  const colourOf = new Map<string, string>();
  const legend: LegendEntry[] = [];
  let next = 0;
  for (const [key, count] of ordered) {
    const colour = key !== '' && next < palette.length ? palette[next++] : otherColour;
    colourOf.set(key, colour);
    legend.push({ key, colour, count });
  }
  return { legend, colourOf };
}

/** The most common department of each community among `nodes`, for community labels. */
export function communityDepartments(nodes: readonly NetworkNode[]): Map<number, string> {
  const tally = new Map<number, Map<string, number>>();
  for (const n of nodes) {
    if (n.community === null || !n.department) continue;
    const m = tally.get(n.community) ?? new Map<string, number>();
    m.set(n.department, (m.get(n.department) ?? 0) + 1);
    tally.set(n.community, m);
  }
  const out = new Map<number, string>();
  for (const [community, m] of tally) out.set(community, [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]);
  return out;
}

/**
 * Seed positions: community groups (largest first) evenly on a circle, each group's members on
 * a circle around its centre in rank order. Deterministic, so the same answer gives the same map.
 */
export function seedPositions(nodes: readonly NetworkNode[]): Map<string, { x: number; y: number }> {
  const groups = new Map<number, NetworkNode[]>();
  for (const n of nodes) {
    const key = n.community ?? -1;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  const radius = 40 * Math.sqrt(nodes.length);
  const positions = new Map<string, { x: number; y: number }>();
  ordered.forEach(([, members], g) => {
    const angle = (2 * Math.PI * g) / ordered.length;
    const cx = ordered.length === 1 ? 0 : radius * Math.cos(angle);
    const cy = ordered.length === 1 ? 0 : radius * Math.sin(angle);
    const r = 12 * Math.sqrt(members.length);
    [...members]
      .sort((a, b) => a.rank - b.rank)
      .forEach((m, i) => {
        const a = (2 * Math.PI * i) / members.length + g; // offset by group so rings do not align
        positions.set(m.personId, { x: cx + r * Math.cos(a), y: cy + r * Math.sin(a) });
      });
  });
  return positions;
}

/** Node size in pixels: 4 to 16 by score, relative to the people shown. */
function sizeFor(score: number, min: number, max: number): number {
  const share = max > min ? (score - min) / (max - min) : 1;
  return 4 + 12 * share ** 1.5;
}

/** The map's graph with seed positions, sizes and colours. Edges whose ends are not in `nodes` are skipped. */
export function buildNetworkGraph(nodes: readonly NetworkNode[], edges: readonly NetworkEdge[], by: ColourBy): MapGraph {
  const graph: MapGraph = new DirectedGraph<MapNode, MapEdge>();
  const positions = seedPositions(nodes);
  const { colourOf } = colourGroups(nodes, by);
  const scores = nodes.map((n) => n.score);
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  for (const n of nodes) {
    const p = positions.get(n.personId) ?? { x: 0, y: 0 };
    graph.addNode(n.personId, {
      x: p.x,
      y: p.y,
      size: sizeFor(n.score, min, max),
      color: colourOf.get(groupOf(n, by)) ?? otherColour,
      label: n.displayName ?? n.personId,
      personId: n.personId,
      department: n.department,
      community: n.community,
      rank: n.rank,
      score: n.score,
      roles: n.roles,
    });
  }
  for (const e of edges) {
    if (e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.mergeEdge(e.source, e.target, { weight: e.weight, size: 0.4 + 0.45 * Math.log2(1 + e.weight), color: edgeColour });
  }
  return graph;
}
