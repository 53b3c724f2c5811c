import type { TraceGraph } from '../model/traceGraph.ts';
import { layoutAcross } from './traceGraphAcross.ts';
import { layoutDown } from './traceGraphDown.ts';
import { COMPACT, ROOMY, type GraphLayout } from './traceGraphParts.ts';

export { BOX_H, LINE_H, type GraphLayout } from './traceGraphParts.ts';

/**
 * The smallest a compact across picture is scaled to fit (its 13px text at about 10px): smaller
 * than that, the picture runs down the page instead.
 */
const MIN_SCALE = 0.75;

/**
 * Lays a trace graph out so that all of it is in view without scrolling sideways: across as the
 * talk draws it when that fits `available` CSS px (or nothing was measured); else across and
 * compact, scaled down a little if need be; else down the page, each hop distance's boxes
 * wrapped into as many rows as the width needs.
 */
export function layoutTraceGraph(graph: TraceGraph, available: number): GraphLayout {
  const roomy = layoutAcross(graph, ROOMY);
  if (!(available > 0) || roomy.width <= available) return roomy;
  const compact = layoutAcross(graph, COMPACT);
  const scale = Math.min(1, available / compact.width);
  if (scale >= MIN_SCALE) return { ...compact, scale };
  return layoutDown(graph, available);
}
