import type { HopMark } from '../model/contextHops.ts';
import type { TraceGraph } from '../model/traceGraph.ts';
import {
  BOX_H,
  LINE_H,
  PAD,
  boxWidthFor,
  cutLabel,
  isLabelled,
  nameLines,
  roundedPath,
  textWidth,
  type GraphLayout,
  type LaidBox,
  type LaidHop,
  type Room,
} from './traceGraphParts.ts';

const GAP_Y = 22;
/** The lanes under the boxes where hops back to an earlier column run. */
const LANE_Y = 14;
const LANE_STEP = 8;

/**
 * Columns by hop distance, left to right, each as wide as its longest name needs. A cut hop's
 * label sits at its arrow's end, over the arrow, left of the box the context did not reach:
 * labels into one column each have their own row, so they never overlap, and only a gap that
 * holds labels is as wide as they are. Arrows into such a column run along a trunk at the gap's
 * left, then straight into their box under their label (S-curves there ran through the labels).
 */
export function layoutAcross(graph: TraceGraph, room: Room): GraphLayout {
  const column = new Map(graph.nodes.map((n) => [n.id, n.column]));
  const labels = new Map(graph.hops.map((h) => [h.key, cutLabel(h, room)]));
  const forwardCut = graph.hops.filter(
    (h) => isLabelled(h) && (column.get(h.to) ?? 0) > (column.get(h.from) ?? 0),
  );
  const xs = columnsAt(graph, room, forwardCut, labels, column);
  // A label of two lines over an arrow into the top row reaches above it.
  const labelLines = Math.max(0, ...forwardCut.map((h) => labels.get(h.key)?.length ?? 0));
  const top = PAD + Math.max(0, (labelLines - 1) * LINE_H + 18 - BOX_H / 2);
  const y = (r: number) => top + r * (BOX_H + GAP_Y);
  const boxes: LaidBox[] = graph.nodes.map((n) => {
    const { x, width } = xs[n.column] ?? { x: PAD, width: room.minW };
    return { id: n.id, x, y: y(n.row), width, lines: nameLines(n.id, width, room.boxPad) };
  });
  const trunked = new Set(forwardCut.map((h) => column.get(h.to) ?? 0));
  const at = new Map(boxes.map((b) => [b.id, b]));
  const lowest = new Map<number, number>();
  for (const n of graph.nodes) lowest.set(n.column, Math.max(lowest.get(n.column) ?? 0, n.row));
  const isLowest = (id: string) => {
    const n = graph.nodes.find((m) => m.id === id);
    return !!n && n.row === lowest.get(n.column);
  };
  const floor = y(graph.rows) - GAP_Y;
  const backHops = graph.hops.filter((h) => (column.get(h.to) ?? 0) <= (column.get(h.from) ?? 0));
  const lastLane = floor + LANE_Y + (backHops.length - 1) * LANE_STEP;
  let backLines = 0;
  const stacked = new Map<string, number>();
  const hops: LaidHop[] = [];
  for (const hop of graph.hops) {
    const a = at.get(hop.from);
    const b = at.get(hop.to);
    if (!a || !b) continue;
    const text = labels.get(hop.key) ?? [];
    const back = backHops.indexOf(hop);
    if (back >= 0) {
      const laneY = floor + LANE_Y + back * LANE_STEP;
      // Out of a box with boxes below it: down the middle of the gap before its column, or, when
      // that gap holds labels, down its left edge, left of the trunk.
      const col = column.get(a.id) ?? 0;
      const before = xs[col - 1];
      const gapStart = before ? before.x + before.width : a.x - PAD;
      const gapX = trunked.has(col) ? gapStart + 5 : (gapStart + a.x) / 2 - back * 5;
      const exitX = isLowest(a.id) ? undefined : gapX;
      const { laid, midX } = backHop(hop, a, b, back, laneY, exitX);
      if (isLabelled(hop)) {
        // Under the last lane, one under the other.
        backLines += text.length;
        const y = lastLane + 4 + backLines * LINE_H;
        laid.label = { x: midX, y, lines: text, anchor: 'middle' };
      }
      hops.push(laid);
      continue;
    }
    const x1 = a.x + a.width;
    const y1 = a.y + BOX_H / 2;
    const x2 = b.x;
    const y2 = b.y + BOX_H / 2;
    const mx = (x1 + x2) / 2;
    const d = trunked.has(column.get(hop.to) ?? -1)
      ? roundedPath([
          [x1, y1],
          [x1 + 10, y1],
          [x1 + 10, y2],
          [x2, y2],
        ])
      : `M${x1} ${y1} C${mx} ${y1} ${mx} ${y2} ${x2} ${y2}`;
    let label: LaidHop['label'];
    if (isLabelled(hop)) {
      // Labels into one box stack upwards, the first hop's nearest the arrow.
      const below = stacked.get(hop.to) ?? 0;
      stacked.set(hop.to, below + text.length);
      label = { x: x2 - 6, y: y2 - 7 - below * LINE_H, lines: text, anchor: 'end' };
    }
    hops.push({ hop, chord: Math.hypot(x2 - x1, y2 - y1), d, label });
  }
  // Hops back to an earlier column run in lanes under every box, their labels under the lanes.
  const lanes = backHops.length > 0 ? lastLane - floor + backLines * LINE_H + 6 : 0;
  const last = xs[xs.length - 1];
  return {
    direction: 'across',
    width: (last ? last.x + last.width : PAD) + PAD,
    height: floor + lanes + PAD,
    scale: 1,
    boxes,
    hops,
  };
}

/** Where each column starts and how wide its boxes are; a gap is as wide as its labels need. */
function columnsAt(
  graph: TraceGraph,
  room: Room,
  forwardCut: readonly HopMark[],
  labels: ReadonlyMap<string, string[]>,
  column: ReadonlyMap<string, number>,
): { x: number; width: number }[] {
  const gapBefore = Array.from({ length: graph.columns + 1 }, () => room.minGap);
  for (const h of forwardCut) {
    const c = column.get(h.to) ?? 0;
    gapBefore[c] = Math.max(gapBefore[c] ?? 0, textWidth(labels.get(h.key) ?? []) + room.labelPad);
  }
  const xs: { x: number; width: number }[] = [];
  for (let c = 0, x = PAD; c < graph.columns; c++) {
    const ids = graph.nodes.filter((n) => n.column === c).map((n) => n.id);
    const width = boxWidthFor(ids, room);
    xs.push({ x, width });
    x += width + (gapBefore[c + 1] ?? 0);
  }
  return xs;
}

/**
 * A hop back to an earlier column (or within one): down out of its sender (out of its left side
 * when boxes lie below it), along a lane under every box, and up into its receiver from below;
 * the caller puts a cut one's label under the lanes. Swoops between the boxes ran behind boxes on their way.
 */
function backHop(
  hop: HopMark,
  a: LaidBox,
  b: LaidBox,
  index: number,
  laneY: number,
  /** Where to go down when boxes lie below the sender; else straight down out of its bottom. */
  exitX: number | undefined,
): { laid: LaidHop; midX: number } {
  const offset = 12 + index * 6;
  const start: [number, number][] =
    exitX === undefined
      ? [[a.x + offset, a.y + BOX_H]]
      : [
          [a.x, a.y + BOX_H - 8],
          [exitX, a.y + BOX_H - 8],
        ];
  const xIn = b.x + b.width - offset;
  const points: [number, number][] = [
    ...start,
    [(start[start.length - 1] as [number, number])[0], laneY],
    [xIn, laneY],
    [xIn, b.y + BOX_H],
  ];
  const [x1, y1] = points[0] as [number, number];
  return {
    laid: { hop, d: roundedPath(points), chord: Math.hypot(xIn - x1, b.y + BOX_H - y1) },
    midX: (x1 + xIn) / 2,
  };
}
