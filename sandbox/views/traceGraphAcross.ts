import type { HopMark } from '../model/contextHops.ts';
import type { TraceGraph } from '../model/traceGraph.ts';
import {
  BOX_H,
  LINE_H,
  PAD,
  boxWidthFor,
  hopLabel,
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
 * Columns by hop distance, left to right, each as wide as its longest name needs. A cut or mixed
 * hop's label sits at its arrow's end, over the arrow, left of the box the context did not reach
 * whole: labels into one column each have their own row, so they never overlap, and only a gap
 * that holds labels is as wide as they are. Arrows into such a column run along a trunk at the
 * gap's left, then straight into their box under their label (S-curves there ran through the
 * labels).
 */
export function layoutAcross(graph: TraceGraph, room: Room): GraphLayout {
  const column = new Map(graph.nodes.map((n) => [n.id, n.column]));
  const labels = new Map(graph.hops.map((h) => [h.key, hopLabel(h, room)]));
  const goesBack = (h: HopMark) => (column.get(h.to) ?? 0) <= (column.get(h.from) ?? 0);
  const forwardLabelled = graph.hops.filter((h) => isLabelled(h) && !goesBack(h));
  const xs = columnsAt(graph, room, forwardLabelled, labels, column);
  // A label of two lines over an arrow into the top row reaches above it.
  const labelLines = Math.max(0, ...forwardLabelled.map((h) => labels.get(h.key)?.length ?? 0));
  const top = PAD + Math.max(0, (labelLines - 1) * LINE_H + 18 - BOX_H / 2);
  const y = (r: number) => top + r * (BOX_H + GAP_Y);
  const boxes: LaidBox[] = graph.nodes.map((n) => {
    const { x, width } = xs[n.column] ?? { x: PAD, width: room.minW };
    return { id: n.id, x, y: y(n.row), width, lines: nameLines(n.id, width, room.boxPad) };
  });
  const trunked = new Set(forwardLabelled.map((h) => column.get(h.to) ?? 0));
  const at = new Map(boxes.map((b) => [b.id, b]));
  const floor = y(graph.rows) - GAP_Y;
  const back: BackLanes = {
    hops: graph.hops.filter(goesBack),
    floor,
    exitX: (a, index) => exitX(graph, xs, trunked, a, index),
    labelLines: 0,
  };
  const stacked = new Map<string, number>();
  const hops: LaidHop[] = [];
  for (const hop of graph.hops) {
    const a = at.get(hop.from);
    const b = at.get(hop.to);
    if (!a || !b) continue;
    const text = isLabelled(hop) ? (labels.get(hop.key) ?? []) : [];
    if (goesBack(hop)) {
      hops.push(backHop(back, hop, a, b, text));
      continue;
    }
    // Labels into one box stack upwards, the first hop's nearest the arrow.
    const below = stacked.get(hop.to) ?? 0;
    stacked.set(hop.to, below + text.length);
    hops.push(forwardHop(hop, a, b, trunked.has(column.get(hop.to) ?? -1), text, below));
  }
  // Hops back to an earlier column run in lanes under every box, their labels under the lanes.
  const lanes = back.hops.length > 0 ? lastLane(back) - floor + back.labelLines * LINE_H + 6 : 0;
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

/**
 * A hop to the next column: an S-curve from the sender's right side into the receiver's left,
 * or, into a column whose gap holds labels, along the gap's trunk; its label, if it has one, at
 * the arrow's end, `below` lines above it.
 */
function forwardHop(
  hop: HopMark,
  a: LaidBox,
  b: LaidBox,
  trunked: boolean,
  text: string[],
  below: number,
): LaidHop {
  const x1 = a.x + a.width;
  const y1 = a.y + BOX_H / 2;
  const x2 = b.x;
  const y2 = b.y + BOX_H / 2;
  const mx = (x1 + x2) / 2;
  const d = trunked
    ? roundedPath([
        [x1, y1],
        [x1 + 10, y1],
        [x1 + 10, y2],
        [x2, y2],
      ])
    : `M${x1} ${y1} C${mx} ${y1} ${mx} ${y2} ${x2} ${y2}`;
  const label: LaidHop['label'] =
    text.length > 0
      ? { x: x2 - 6, y: y2 - 7 - below * LINE_H, lines: text, anchor: 'end' }
      : undefined;
  return { hop, chord: Math.hypot(x2 - x1, y2 - y1), d, label };
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

/** The hops back to an earlier column, the lanes they run in, and the label lines under them. */
interface BackLanes {
  hops: HopMark[];
  /** The bottom of the lowest row of boxes. */
  floor: number;
  /** Where the `index`th hop goes down out of a box that has boxes below it. */
  exitX: (a: LaidBox, index: number) => number | undefined;
  labelLines: number;
}

const laneOf = (back: BackLanes, i: number) => back.floor + LANE_Y + i * LANE_STEP;
const lastLane = (back: BackLanes) => laneOf(back, back.hops.length - 1);

/**
 * Out of a box with boxes below it: down the middle of the gap before its column or, when that
 * gap holds labels, down its left edge, left of the trunk. Undefined for the lowest box of a
 * column, which is left straight down.
 */
function exitX(
  graph: TraceGraph,
  xs: readonly { x: number; width: number }[],
  trunked: ReadonlySet<number>,
  a: LaidBox,
  index: number,
): number | undefined {
  const node = graph.nodes.find((n) => n.id === a.id);
  if (!node || !graph.nodes.some((n) => n.column === node.column && n.row > node.row)) return;
  const before = xs[node.column - 1];
  const gapStart = before ? before.x + before.width : a.x - PAD;
  return trunked.has(node.column) ? gapStart + 5 : (gapStart + a.x) / 2 - index * 5;
}

/**
 * A hop back to an earlier column (or within one): down out of its sender, along a lane of its
 * own under every box, and up into its receiver from below; a labelled one's label under the
 * last lane, one under the other. Swoops between the boxes ran behind boxes on their way.
 */
function backHop(back: BackLanes, hop: HopMark, a: LaidBox, b: LaidBox, text: string[]): LaidHop {
  const index = back.hops.indexOf(hop);
  const laneY = laneOf(back, index);
  const offset = 12 + index * 6;
  const down = back.exitX(a, index);
  const start: [number, number][] =
    down === undefined
      ? [[a.x + offset, a.y + BOX_H]]
      : [
          [a.x, a.y + BOX_H - 8],
          [down, a.y + BOX_H - 8],
        ];
  const xIn = b.x + b.width - offset;
  const points: [number, number][] = [
    ...start,
    [(start[start.length - 1] as [number, number])[0], laneY],
    [xIn, laneY],
    [xIn, b.y + BOX_H],
  ];
  const [x1, y1] = points[0] as [number, number];
  let label: LaidHop['label'];
  if (text.length > 0) {
    back.labelLines += text.length;
    const y = lastLane(back) + 4 + back.labelLines * LINE_H;
    label = { x: (x1 + xIn) / 2, y, lines: text, anchor: 'middle' };
  }
  return { hop, d: roundedPath(points), chord: Math.hypot(xIn - x1, b.y + BOX_H - y1), label };
}
