// The network map: sigma.js (WebGL) draws the graph of the top people; ForceAtlas2 lays it out
// in a worker for about two seconds. Hovering a person shows their ties, searching highlights
// people, clicking opens their page. Colours follow the page's legend.
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { formatDecimal, formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { buildNetworkGraph, groupOf, otherColour, type ColourBy, type MapEdge, type MapGraph, type MapNode } from '../../lib/network-graph';
import { startLayout } from '../../lib/network-layout';
import type { NetworkEdge, NetworkNode } from '../../lib/queries';
import { RoleBadges, parseRoles } from '../common/RoleBadges';

const dimmedNode = '#e3e7ed';
const dimmedEdge = '#f0f2f5';
const activeEdge = '#7d9cbd';

interface Props {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  colourBy: ColourBy;
  /** Colour of each group key under `colourBy` (from the legend). */
  colours: Map<string, string>;
  /** People to highlight (search matches); the first is centred. */
  highlight: string[];
  onOpen: (personId: string) => void;
}

export function NetworkMap({ nodes, edges, colourBy, colours, highlight, onOpen }: Props) {
  const { t, locale } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<MapNode, MapEdge> | null>(null);
  const graphRef = useRef<MapGraph | null>(null);
  const focus = useRef<{ hovered: string | null; highlight: Set<string> }>({ hovered: null, highlight: new Set() });
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const [hovered, setHovered] = useState<MapNode | null>(null);
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  // One graph and renderer per answer; colours and highlights are applied below without a rebuild.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const graph = buildNetworkGraph(nodes, edges, colourBy);
    graphRef.current = graph;
    let renderer: Sigma<MapNode, MapEdge>;
    try {
      renderer = new Sigma<MapNode, MapEdge>(graph, element, {
        defaultEdgeType: 'line',
        labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
        labelSize: 12,
        labelWeight: '500',
        labelColor: { color: '#1c2431' },
        labelRenderedSizeThreshold: 9,
        labelDensity: 0.5,
        zIndex: true,
        minCameraRatio: 0.08,
        maxCameraRatio: 4,
        stagePadding: 24,
        nodeReducer: (node, data) => reduceNode(node, data, graph, focus.current),
        edgeReducer: (edge, data) => reduceEdge(edge, data, graph, focus.current),
      });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
      return;
    }
    setFailure(null);
    sigmaRef.current = renderer;
    renderer.on('clickNode', ({ node }) => openRef.current(node));
    renderer.on('enterNode', ({ node }) => {
      focus.current.hovered = node;
      setHovered(graph.getNodeAttributes(node));
      element.style.cursor = 'pointer';
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on('leaveNode', () => {
      focus.current.hovered = null;
      setHovered(null);
      element.style.cursor = '';
      renderer.refresh({ skipIndexation: true });
    });

    setLayoutRunning(graph.size > 0);
    const stop = graph.size > 0 ? startLayout(graph, { durationMs: 2000, onDone: () => setLayoutRunning(false) }) : () => undefined;
    return () => {
      stop();
      renderer.kill();
      sigmaRef.current = null;
      graphRef.current = null;
      focus.current.hovered = null;
      setHovered(null);
    };
    // Not on colourBy: the next effect recolours; rebuilding would restart the layout.
  }, [nodes, edges]);

  useEffect(() => {
    const graph = graphRef.current;
    if (!graph) return;
    graph.updateEachNodeAttributes((_key, attr) => ({ ...attr, color: colours.get(groupOf(attr, colourBy)) ?? otherColour }), { attributes: ['color'] });
  }, [colours, colourBy, nodes, edges]);

  const highlightKey = highlight.join('\u0000');
  useEffect(() => {
    const renderer = sigmaRef.current;
    focus.current.highlight = new Set(highlight);
    if (!renderer) return;
    renderer.refresh({ skipIndexation: true });
    const first = highlight[0];
    if (first && renderer.getGraph().hasNode(first)) {
      const display = renderer.getNodeDisplayData(first);
      if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.45 }, { duration: 500 });
    } else if (highlight.length === 0) {
      void renderer.getCamera().animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
    }
    // Keyed by the ids, not the array, so a re-render with equal matches does not move the camera.
  }, [highlightKey, nodes, edges]);

  return (
    <div className="network-frame">
      <div ref={container} className="network-canvas" data-testid="network-map" role="img" aria-label={t.network.mapLabel} />
      {failure ? (
        <div className="network-overlay state-error" role="alert">
          <p>{t.network.noWebgl}</p>
          <p className="state-detail">{failure}</p>
        </div>
      ) : null}
      {layoutRunning ? (
        <p className="network-status" role="status">
          {t.network.layout}
        </p>
      ) : null}
      {hovered ? (
        <div className="network-hover" data-testid="network-hover">
          <strong>{hovered.label}</strong>
          <span className="muted small">
            {[t.network.rankShort(formatNumber(hovered.rank, locale)), hovered.department, `${t.influence.score} ${formatDecimal(hovered.score, locale, 3)}`].filter(Boolean).join(' · ')}
          </span>
          <RoleBadges roles={parseRoles(hovered.roles)} />
        </div>
      ) : null}
    </div>
  );
}

/** Hover shows a person's neighbourhood; a search shows the matches; everything else fades. */
function reduceNode(node: string, data: MapNode, graph: MapGraph, focus: { hovered: string | null; highlight: Set<string> }): Partial<NodeDisplayData> {
  const out: Partial<NodeDisplayData> = { ...data };
  if (focus.hovered) {
    if (node === focus.hovered) return { ...out, highlighted: true, forceLabel: true, zIndex: 2 };
    if (graph.areNeighbors(node, focus.hovered)) return { ...out, zIndex: 1 };
    return { ...out, color: dimmedNode, label: '', zIndex: 0 };
  }
  if (focus.highlight.size > 0) {
    if (focus.highlight.has(node)) return { ...out, highlighted: true, forceLabel: true, zIndex: 2 };
    return { ...out, color: dimmedNode, label: '', zIndex: 0 };
  }
  return out;
}

function reduceEdge(edge: string, data: MapEdge, graph: MapGraph, focus: { hovered: string | null; highlight: Set<string> }): Partial<EdgeDisplayData> {
  const [source, target] = graph.extremities(edge);
  if (focus.hovered) {
    return source === focus.hovered || target === focus.hovered ? { ...data, color: activeEdge, zIndex: 1 } : { ...data, color: dimmedEdge, zIndex: 0 };
  }
  if (focus.highlight.size > 0) {
    return focus.highlight.has(source) || focus.highlight.has(target) ? { ...data, color: activeEdge, zIndex: 1 } : { ...data, color: dimmedEdge, zIndex: 0 };
  }
  return data;
}
