import type { HopMark } from '../model/contextHops.ts';
import type { TraceGraph } from '../model/traceGraph.ts';
import {
  BOX_H,
  COMPACT,
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
} from './traceGraphParts.ts';

type Point = readonly [number, number];

const GAP_SIDE = 24;
/** Below a row: where hops back up the page leave it, one lane each. */
const EXIT_Y = 10;
const EXIT_STEP = 5;
/** Above a row: where hops into it run across to their box (clear of the exits), then labels. */
const RUN_GAP = 6;
const RUN_SPACE = 12;
/** The lanes left of the boxes (hops down to a wrapped row, hops back up) and right of them. */
const LANE_STEP = 8;
/** Where arrows come into a box that has labels beside them. */
const ENTRY_INSET = 16;

interface Row {
  ids: string[];
  /** The y where hops into this row run across, and where its boxes start. */
  runY: number;
  y: number;
}

/**
 * Hop distance down the page, for a panel too narrow for the picture across: each distance's
 * boxes side by side, wrapped into as many rows as the width needs. Hops run orthogonally in the
 * gaps and lanes between boxes, never through one: down from the bottom of the sender (or out of
 * its right side, when more rows of its distance lie below it), across above the receiver's row,
 * and down into its top, where a cut or mixed hop's label sits; a hop back up the page runs in a
 * lane of its own left of the boxes.
 */
export function layoutDown(graph: TraceGraph, available: number): GraphLayout {
  const room = COMPACT;
  const labelsInto = new Map<string, string[][]>();
  for (const h of graph.hops)
    if (isLabelled(h)) labelsInto.set(h.to, [...(labelsInto.get(h.to) ?? []), hopLabel(h, room)]);
  // A label above a box is as wide as the box at most.
  const labelW = Math.max(0, ...[...labelsInto.values()].flat().map(textWidth));
  const ids = graph.nodes.map((n) => n.id);
  const boxW = Math.max(boxWidthFor(ids, room), labelW);
  const level = new Map(graph.nodes.map((n) => [n.id, n.column]));
  const up = graph.hops.filter((h) => (level.get(h.to) ?? 0) <= (level.get(h.from) ?? 0));
  const leftRoom = 2 * LANE_STEP + up.length * LANE_STEP;
  const rightRoom = 2 * LANE_STEP;
  const fits = (available - 2 * PAD - leftRoom - rightRoom + GAP_SIDE) / (boxW + GAP_SIDE);
  const labelLines = (id: string) => (labelsInto.get(id) ?? []).reduce((n, l) => n + l.length, 0);
  const stack = stackRows(graph, Math.max(1, Math.floor(fits)), labelLines, up.length);
  const grid = placeBoxes(stack.rows, boxW, PAD + leftRoom, room.boxPad);
  const routes = { ...grid, level, up };
  const at = new Map(grid.boxes.map((b) => [b.id, b]));
  // Into a box with labels, arrows come down near its left edge, the labels to their right:
  // over the arrow itself, the line showed through between the words.
  const beside = new Set(
    [...labelsInto].flatMap(([id, l]) =>
      textWidth(l.flat()) <= boxW - ENTRY_INSET - 10 ? [id] : [],
    ),
  );
  const stacked = new Map<string, number>();
  const hops: LaidHop[] = [];
  for (const hop of graph.hops) {
    const a = at.get(hop.from);
    const b = at.get(hop.to);
    if (!a || !b) continue;
    const x2 = beside.has(hop.to) ? b.x + ENTRY_INSET : b.x + boxW / 2;
    const points = routeDown(routes, hop, a, b, x2);
    let label: LaidHop['label'];
    const k = stacked.get(hop.to) ?? 0;
    const text = labelsInto.get(hop.to)?.[k];
    if (isLabelled(hop) && text) {
      // Labels into one box stack upwards, the first hop's nearest the box.
      const linesBelow = (labelsInto.get(hop.to) ?? []).slice(0, k).flat().length;
      stacked.set(hop.to, k + 1);
      const y = b.y - 8 - linesBelow * LINE_H;
      label = beside.has(hop.to)
        ? { x: x2 + 6, y, lines: text, anchor: 'start' }
        : { x: x2, y, lines: text, anchor: 'middle' };
    }
    const [x1, y1] = points[0] as Point;
    hops.push({ hop, d: roundedPath(points), chord: Math.hypot(x2 - x1, b.y - y1), label });
  }
  return {
    direction: 'down',
    width: grid.left + grid.innerWidth + rightRoom + PAD,
    height: stack.height,
    scale: 1,
    boxes: grid.boxes,
    hops,
  };
}

/** The boxes down the page. */
interface DownGrid {
  rows: Row[];
  boxes: LaidBox[];
  rowOf: Map<string, number>;
  boxW: number;
  /** Where the boxes start, and the widest row's width. */
  left: number;
  innerWidth: number;
}

/** What routing hops between the boxes needs to know besides where they are. */
interface DownRoutes extends DownGrid {
  level: ReadonlyMap<string, number>;
  /** The hops back up the page, each with a lane of its own. */
  up: readonly HopMark[];
}

/** Each row's boxes, centred on the widest row. */
function placeBoxes(rows: Row[], boxW: number, left: number, boxPad: number): DownGrid {
  const rowWidth = (n: number) => n * boxW + (n - 1) * GAP_SIDE;
  const innerWidth = rowWidth(Math.max(...rows.map((r) => r.ids.length)));
  const boxes: LaidBox[] = [];
  const rowOf = new Map<string, number>();
  rows.forEach((row, r) => {
    const x0 = left + (innerWidth - rowWidth(row.ids.length)) / 2;
    row.ids.forEach((id, k) => {
      rowOf.set(id, r);
      const lines = nameLines(id, boxW, boxPad);
      boxes.push({ id, x: x0 + k * (boxW + GAP_SIDE), y: row.y, width: boxW, lines });
    });
  });
  return { rows, boxes, rowOf, boxW, left, innerWidth };
}

/**
 * The corners of a hop's path, ending at `x2` on the receiver's top. Back up the page: out of
 * the sender's bottom-left into its own lane, up above the receiver's row. Down: out of the
 * sender's bottom, or its right side when rows of its distance lie below it; into a wrapped row,
 * along the trunk left of the boxes, down to that row's run.
 */
function routeDown(grid: DownRoutes, hop: HopMark, a: LaidBox, b: LaidBox, x2: number): Point[] {
  const { rows, boxW } = grid;
  const target = rows[grid.rowOf.get(hop.to) ?? 0] as Row;
  const end: Point[] = [
    [x2, target.runY],
    [x2, b.y],
  ];
  const upIndex = grid.up.indexOf(hop);
  if (upIndex >= 0) {
    const exitY = a.y + BOX_H + EXIT_Y + upIndex * EXIT_STEP;
    const lane = PAD + LANE_STEP + upIndex * LANE_STEP;
    return [[a.x + 12, a.y + BOX_H], [a.x + 12, exitY], [lane, exitY], [lane, target.runY], ...end];
  }
  const fromLevel = grid.level.get(hop.from) ?? 0;
  const lastRow = Math.max(
    ...rows.flatMap((row, r) => (grid.level.get(row.ids[0] ?? '') === fromLevel ? [r] : [])),
  );
  const firstRun = (rows[lastRow + 1] ?? target).runY;
  const right = grid.left + grid.innerWidth + LANE_STEP;
  const start: Point[] =
    (grid.rowOf.get(hop.from) ?? 0) < lastRow
      ? [
          [a.x + boxW, a.y + BOX_H / 2],
          [right, a.y + BOX_H / 2],
          [right, firstRun],
        ]
      : [
          [a.x + boxW / 2, a.y + BOX_H],
          [a.x + boxW / 2, firstRun],
        ];
  const trunk = grid.left - LANE_STEP;
  const toWrapped: Point[] =
    target.runY > firstRun
      ? [
          [trunk, firstRun],
          [trunk, target.runY],
        ]
      : [];
  return [...start, ...toWrapped, ...end];
}

/**
 * The rows, top to bottom: each hop distance's boxes, `perRow` at a time. Above a row, in order:
 * the lanes where hops back up the page leave the row before it, the run of hops into this row,
 * and its labels.
 */
function stackRows(
  graph: TraceGraph,
  perRow: number,
  labelLines: (id: string) => number,
  upHops: number,
): { rows: Row[]; height: number } {
  const levels = new Map<number, string[]>();
  for (const n of [...graph.nodes].sort((a, b) => a.column - b.column || a.row - b.row))
    levels.set(n.column, [...(levels.get(n.column) ?? []), n.id]);
  const exits = EXIT_Y + upHops * EXIT_STEP + (upHops > 0 ? RUN_GAP : 0);
  const rows: Row[] = [];
  let y = PAD;
  for (const [, ids] of [...levels].sort(([a], [b]) => a - b))
    for (let i = 0; i < ids.length; i += perRow) {
      const row = ids.slice(i, i + perRow);
      if (rows.length > 0) y += exits;
      const runY = y;
      y += RUN_SPACE + Math.max(0, ...row.map(labelLines)) * LINE_H;
      rows.push({ ids: row, runY, y });
      y += BOX_H;
    }
  return { rows, height: y + exits + PAD };
}
