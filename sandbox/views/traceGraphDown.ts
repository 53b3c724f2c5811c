import type { TraceGraph } from '../model/traceGraph.ts';
import {
  BOX_H,
  COMPACT,
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
} from './traceGraphParts.ts';

type Point = readonly [number, number];

const GAP_SIDE = 24;
/** Below a row: where hops back up the page leave it, one lane each. */
const EXIT_Y = 10;
const EXIT_STEP = 5;
/** Above a row: where hops into it run across to their box (clear of the exits), then its labels. */
const RUN_GAP = 6;
const RUN_SPACE = 12;
/** The lanes left of the boxes (hops down to a wrapped row, hops back up) and right of them. */
const LANE_STEP = 8;
/** Where arrows come into a box that has cut labels beside them. */
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
 * and down into its top, where a cut hop's label sits; a hop back up the page runs in a lane of
 * its own left of the boxes.
 */
export function layoutDown(graph: TraceGraph, available: number): GraphLayout {
  const room = COMPACT;
  const cutInto = new Map<string, string[][]>();
  for (const h of graph.hops)
    if (isLabelled(h)) cutInto.set(h.to, [...(cutInto.get(h.to) ?? []), cutLabel(h, room)]);
  // A label above a box is as wide as the box at most.
  const labelW = Math.max(0, ...[...cutInto.values()].flat().map(textWidth));
  const boxW = Math.max(
    boxWidthFor(
      graph.nodes.map((n) => n.id),
      room,
    ),
    labelW,
  );
  const level = new Map(graph.nodes.map((n) => [n.id, n.column]));
  const up = graph.hops.filter((h) => (level.get(h.to) ?? 0) <= (level.get(h.from) ?? 0));
  const leftRoom = 2 * LANE_STEP + up.length * LANE_STEP;
  const rightRoom = 2 * LANE_STEP;
  const perRow = Math.max(
    1,
    Math.floor((available - 2 * PAD - leftRoom - rightRoom + GAP_SIDE) / (boxW + GAP_SIDE)),
  );
  const labelLines = (id: string) => (cutInto.get(id) ?? []).reduce((n, l) => n + l.length, 0);
  const { rows, height } = stackRows(graph, perRow, labelLines, up.length);
  const rowWidth = (n: number) => n * boxW + (n - 1) * GAP_SIDE;
  const innerWidth = rowWidth(Math.max(...rows.map((r) => r.ids.length)));
  const left0 = PAD + leftRoom;
  const boxes: LaidBox[] = [];
  const rowOf = new Map<string, number>();
  rows.forEach((row, r) => {
    const left = left0 + (innerWidth - rowWidth(row.ids.length)) / 2;
    row.ids.forEach((id, k) => {
      rowOf.set(id, r);
      const lines = nameLines(id, boxW, room.boxPad);
      boxes.push({ id, x: left + k * (boxW + GAP_SIDE), y: row.y, width: boxW, lines });
    });
  });
  const at = new Map(boxes.map((b) => [b.id, b]));
  const besideLabels = new Set(
    [...cutInto].flatMap(([id, l]) => (textWidth(l.flat()) <= boxW - ENTRY_INSET - 10 ? [id] : [])),
  );
  const lanes = {
    trunk: left0 - LANE_STEP,
    right: left0 + innerWidth + LANE_STEP,
    up: (i: number) => PAD + LANE_STEP + i * LANE_STEP,
  };
  const lastRowOf = (l: number) =>
    Math.max(...rows.flatMap((row, r) => (level.get(row.ids[0] ?? '') === l ? [r] : [])));
  const stacked = new Map<string, number>();
  const hops: LaidHop[] = [];
  for (const hop of graph.hops) {
    const a = at.get(hop.from);
    const b = at.get(hop.to);
    const ra = rowOf.get(hop.from);
    const rb = rowOf.get(hop.to);
    if (!a || !b || ra === undefined || rb === undefined) continue;
    const target = rows[rb] as Row;
    // Into a box with cut labels, arrows come down near its left edge, the labels to their right:
    // over the arrow itself, the line showed through between the words.
    const x2 = besideLabels.has(hop.to) ? b.x + ENTRY_INSET : b.x + boxW / 2;
    const upIndex = up.indexOf(hop);
    let points: Point[];
    if (upIndex >= 0) {
      // Out of the sender's bottom-left, into its own lane, up above the receiver's row.
      const exitY = a.y + BOX_H + EXIT_Y + upIndex * EXIT_STEP;
      const lane = lanes.up(upIndex);
      points = [
        [a.x + 12, a.y + BOX_H],
        [a.x + 12, exitY],
        [lane, exitY],
        [lane, target.runY],
        [x2, target.runY],
        [x2, b.y],
      ];
    } else {
      // Down out of the sender, or out of its right side when rows of its distance lie below.
      const below = ra < lastRowOf(level.get(hop.from) ?? 0);
      const firstRun = (rows[lastRowOf(level.get(hop.from) ?? 0) + 1] ?? target).runY;
      const start: Point[] = below
        ? [
            [a.x + boxW, a.y + BOX_H / 2],
            [lanes.right, a.y + BOX_H / 2],
            [lanes.right, firstRun],
          ]
        : [
            [a.x + boxW / 2, a.y + BOX_H],
            [a.x + boxW / 2, firstRun],
          ];
      // Into a wrapped row: along the trunk left of the boxes, down to that row's run.
      const trunk: Point[] =
        target.runY > firstRun
          ? [
              [lanes.trunk, firstRun],
              [lanes.trunk, target.runY],
            ]
          : [];
      points = [...start, ...trunk, [x2, target.runY], [x2, b.y]];
    }
    let label: LaidHop['label'];
    const text = cutInto.get(hop.to)?.[stacked.get(hop.to) ?? 0];
    if (isLabelled(hop) && text) {
      // Labels into one box stack upwards, the first hop's nearest the box.
      const linesBelow = (cutInto.get(hop.to) ?? [])
        .slice(0, stacked.get(hop.to) ?? 0)
        .flat().length;
      stacked.set(hop.to, (stacked.get(hop.to) ?? 0) + 1);
      const beside = besideLabels.has(hop.to);
      label = {
        x: beside ? x2 + 6 : x2,
        y: b.y - 8 - linesBelow * LINE_H,
        lines: text,
        anchor: beside ? 'start' : 'middle',
      };
    }
    const [x1, y1] = points[0] as Point;
    hops.push({ hop, d: roundedPath(points), chord: Math.hypot(x2 - x1, b.y - y1), label });
  }
  return {
    direction: 'down',
    width: left0 + innerWidth + rightRoom + PAD,
    height,
    scale: 1,
    boxes,
    hops,
  };
}

/**
 * The rows, top to bottom: each hop distance's boxes, `perRow` at a time. Above a row, in order:
 * the lanes where hops back up the page leave the row before it, the run of hops into this row,
 * and its cut labels.
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
