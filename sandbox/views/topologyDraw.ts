import type { Flight, ProcessStack } from '../model/SceneRecorder.ts';
import { serviceColour, traceColour } from '../model/palette.ts';
import type { SceneController } from '../store/SceneController.ts';
import { fitStackEntry, truncate, wrap, type Measure } from './canvasText.ts';
import { boxRows } from './topologyBoxRows.ts';
import {
  nodeLabel,
  placeLayout,
  type NodeBox,
  type TopoLayout,
  type TopologyLabels,
} from './topologyLayout.ts';
import { breakText, drawHopEdges, drawHopMarks } from './topologyMarks.ts';
import { NODE_TRACES, type ContextHops } from '../model/contextHops.ts';
import type { Rect } from './rect.ts';

/** Stacks per node, most recently changed first. */
export function stacksByNode(stacks: Map<string, ProcessStack>): Map<string, ProcessStack[]> {
  const out = new Map<string, ProcessStack[]>();
  for (const s of stacks.values()) {
    let list = out.get(s.node);
    if (!list) out.set(s.node, (list = []));
    list.push(s);
  }
  for (const list of out.values()) if (list.length > 1) list.sort((a, b) => b.at - a.at);
  return out;
}

/** Text sizes in CSS pixels: at least 12 px whatever the canvas's scale, for the back row. */
const FONT = {
  label: 13,
  small: 12,
  line: 15,
  stackLine: 14,
  pad: 6,
};

/** A canvas's size in CSS pixels, kept by a ResizeObserver so drawing never forces a layout. */
export interface CanvasBox {
  width: number;
  height: number;
}

/** Wrapped node labels and their size, per layout and scale: measuring text every frame is not free. */
const labelCache = new Map<string, FittedLabel>();

/** A box's name as drawn: its lines, their size, and which name they are (full or short). */
interface FittedLabel {
  lines: string[];
  size: number;
  name: string;
}

/** What every part of one frame needs: the context, the layout's units, the run. */
interface Frame {
  ctx: CanvasRenderingContext2D;
  measure: Measure;
  layout: TopoLayout;
  scale: number;
  /** CSS pixels to layout units. */
  u: (px: number) => number;
  labels: TopologyLabels;
  buffer: ReturnType<SceneController['buffer']>;
  /** Per node, the traces its spans went to (contextHops.ts): what an idle box shows. */
  nodeTraces: ContextHops['nodeTraces'];
  /** What the idle boxes show, for the canvas's `data-node-traces` (tests read it). */
  shownTraces: string[];
  /** The trace the viewer selected: an idle box that made spans in it names it first, in bold. */
  selectedTraceId: string | null;
}

/** One frame of the topology: edges, hop marks, boxes with their live stacks, messages in flight. */
export function draw(
  canvas: HTMLCanvasElement,
  box: CanvasBox,
  scene: SceneController,
  still: boolean,
  labels: TopologyLabels,
): void {
  const ctx = canvas.getContext('2d');
  if (!ctx || box.width <= 0 || box.height <= 0) return;
  const dpr = window.devicePixelRatio || 1;
  const pxW = Math.round(box.width * dpr);
  const pxH = Math.round(box.height * dpr);
  if (canvas.width !== pxW || canvas.height !== pxH) {
    canvas.width = pxW;
    canvas.height = pxH;
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, pxW, pxH);
  const state = scene.store.getState();
  const place = placeLayout(box.width, box.height, state.scenario, labels === 'short');
  const { layout, scale } = place;
  // What tests read, written only when it changes: this runs every frame.
  const setData = (key: string, value: string) => {
    if (canvas.dataset[key] !== value) canvas.dataset[key] = value;
  };
  setData('layout', layout.id);
  setData('nodes', String(layout.nodes.length));
  ctx.setTransform(scale * dpr, 0, 0, scale * dpr, place.x * dpr, place.y * dpr);
  const recorder = scene.recorder();
  const hops = scene.hops();
  const f: Frame = {
    ctx,
    measure: (text) => ctx.measureText(text).width,
    layout,
    scale,
    u: (px) => px / scale,
    labels,
    // The buffer shown: the live run's, or an imported file's (whose boxes name its traces too).
    buffer: scene.buffer(),
    nodeTraces: hops.nodeTraces,
    shownTraces: [],
    selectedTraceId: state.selectedTraceId,
  };
  const live = state.view === 'live';

  drawEdges(f);
  // Where context was carried, cut or linked: kept after the run, so nobody who blinked misses it.
  drawHopEdges(ctx, layout, f.u, hops);
  const byNode = live ? stacksByNode(recorder.stacks) : new Map<string, ProcessStack[]>();
  let cutLabels = 0;
  // A pill names a box as the box reads: 'Notifier → SMS Task', not 'NotificationHandler', when
  // the box had room only for its short name.
  const drawn = new Map<string, string>();
  const names: Rect[] = [];
  for (const node of layout.nodes) {
    const label = drawNode(f, node, byNode.get(node.id) ?? []);
    if (isCut(label.lines)) cutLabels++;
    drawn.set(node.id, label.name);
    names.push(labelRect(f, node, label.lines.length));
  }
  // Tests read them: no box's label may be cut at a slide's size, and a pill names boxes as drawn.
  setData('cutLabels', String(cutLabels));
  setData('nodeTraces', f.shownTraces.join('|'));
  setData('boxNames', [...drawn.values()].join('|'));
  const nameOf = (id: string) => {
    const node = layout.byId.get(id);
    return drawn.get(id) ?? (node ? nodeLabel(node, labels) : id);
  };
  setData('breakPill', hops.breakHop ? breakText(hops.breakHop, nameOf) : '');
  // Pills may use the whole canvas, not only the picture's bounds.
  const area = {
    x: -place.x / scale,
    y: -place.y / scale,
    w: box.width / scale,
    h: box.height / scale,
  };
  // Tests read them too: a pill that found no free place covers a box, and perhaps its name.
  const pills = drawHopMarks(ctx, layout, f.u, hops, nameOf, area, names);
  setData('coveringPills', String(pills.covering));
  setData('pillsOverNames', String(pills.overNames));
  setData('pills', pills.texts.join('|'));

  if (!live) return;
  const now = scene.simulation().now();
  for (const flight of recorder.flights.values()) drawFlight(f, flight, now, still);
}

/** The topology's edges: grey curves with an arrowhead at the target. */
function drawEdges({ ctx, layout, u }: Frame): void {
  ctx.lineWidth = u(2);
  ctx.strokeStyle = '#8a8a8a';
  ctx.fillStyle = '#8a8a8a';
  const head = u(9);
  for (const edge of layout.edges) {
    const [x1, y1, ax, ay, bx, by, x2, y2] = edge.points;
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.bezierCurveTo(ax, ay, bx, by, x2, y2);
    ctx.stroke();
    const a = Math.atan2(y2 - by, x2 - bx);
    ctx.beginPath();
    ctx.moveTo(x2, y2);
    ctx.lineTo(x2 - head * Math.cos(a - 0.4), y2 - head * Math.sin(a - 0.4));
    ctx.lineTo(x2 - head * Math.cos(a + 0.4), y2 - head * Math.sin(a + 0.4));
    ctx.closePath();
    ctx.fill();
  }
}

/**
 * A process box: its service stripe, its name, its service, and the span stack of its busiest
 * process. Returns the name as drawn: its lines (cut ones end in '…') and which name it is.
 */
function drawNode(f: Frame, node: NodeBox, stacks: ProcessStack[]): FittedLabel {
  const { ctx, layout, u, labels } = f;
  const w = node.w;
  const pad = u(FONT.pad);
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#ffffff';
  ctx.strokeStyle = stacks.length > 0 ? '#111111' : '#6b6b6b';
  ctx.lineWidth = u(stacks.length > 0 ? 3 : 1.5);
  ctx.beginPath();
  ctx.roundRect(node.x, node.y, w, layout.nodeH, u(6));
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = node.service === 'outside' ? '#6b6b6b' : serviceColour(node.service);
  ctx.fillRect(node.x + u(1), node.y + u(1), u(6), layout.nodeH - u(2));

  const textX = node.x + u(6) + pad;
  const textW = w - u(6) - 2 * pad;
  const label = nodeLabelFitted(f, node, textW);
  const { lines } = label;
  ctx.fillStyle = '#111111';
  lines.forEach((line, i) => ctx.fillText(line, textX, node.y + pad + u(i * FONT.line)));
  ctx.font = `${u(FONT.small)}px system-ui, sans-serif`;
  // Short labels (a slide): the stripe's colour names the service; a cut name would not help.
  const wanted = labels !== 'full' ? 0 : f.measure(node.service) <= textW ? 1 : 2;
  const top = stacks[0];
  const traces = top ? [] : tracesOf(f, node);
  // An idle box's first trace row counts as a busy box's top stack entry: it comes before the
  // service line where the box has no room for both (the stripe's colour names the service).
  const shows = top !== undefined || traces.length > 0;
  const rows = boxRows(layout.nodeH * f.scale, lines.length, wanted, shows, FONT);
  let y = node.y + pad + u(lines.length * FONT.line + 1);
  ctx.fillStyle = '#333333';
  const busy = stacks.length > 1 ? ` · ${stacks.length} busy` : '';
  for (const line of serviceLines(f.measure, node.service, busy, textW, rows.serviceLines)) {
    ctx.fillText(line, textX, y);
    y += u(FONT.line + 1);
  }
  if (top) drawStack(f, top, textX, textW, y, rows.stackRows);
  else drawTraces(f, node, traces, textX, textW, y);
  return label;
}

/**
 * An idle box's memory: the traces its process's spans went to, the selected trace first (in
 * bold), then the latest first, one row each with the trace's colour (the colour its messages and
 * stack entries had). After a run the boxes say at a glance what the hop marks say one by one: one
 * colour everywhere is one trace; a new colour in every box is a trace that stopped at every
 * process boundary.
 */
function drawTraces(
  f: Frame,
  node: NodeBox,
  known: readonly string[],
  textX: number,
  textW: number,
  firstY: number,
): void {
  const { ctx, u } = f;
  const height = node.y + f.layout.nodeH - u(FONT.pad) - firstY;
  const rows = Math.floor(height / u(FONT.stackLine));
  if (known.length === 0 || rows < 1) return;
  const latest = known.slice().reverse();
  // The selected trace first: select a trace in the list, and the boxes it went through say so.
  const selected = f.selectedTraceId;
  const at = selected ? latest.indexOf(selected) : -1;
  if (at > 0) latest.unshift(...latest.splice(at, 1));
  // Past the rows there are, the last row counts the rest ('+2 more'), or, in a box with one row,
  // follows the latest trace's id where it fits. A node remembers NODE_TRACES traces: past that,
  // how many more is not known.
  const over = latest.length > rows;
  const shown = latest.slice(0, over && rows > 1 ? rows - 1 : rows);
  const more = latest.length - shown.length;
  const count = known.length >= NODE_TRACES ? '+' : `+${more}`;
  const room = textW - u(12);
  const regular = `${u(FONT.small)}px system-ui, sans-serif`;
  shown.forEach((traceId, i) => {
    ctx.font = traceId === selected ? `600 ${regular}` : regular;
    const y = firstY + u(i * FONT.stackLine);
    ctx.fillStyle = traceColour(f.buffer.traces.get(traceId)?.index ?? 0);
    ctx.fillRect(textX, y + u(2), u(8), u(8));
    ctx.fillStyle = '#333333';
    // The id as the trace list and a slide's story panel print it; the word 'trace' only where
    // the box is wide enough for it (a slide's boxes are not). In a box of one row the count
    // follows the id, shortened if need be: how many traces the box made matters more than the
    // id's last two digits.
    const full = `${traceId.slice(0, 6)}${over && rows === 1 ? ` ${count}` : ''}`;
    const short = `${traceId.slice(0, 4)}\u2026 ${count}`;
    const id = f.measure(full) <= room || !(over && rows === 1) ? full : short;
    const text = f.measure(`trace ${id}`) <= room ? `trace ${id}` : truncate(f.measure, id, room);
    ctx.fillText(text, textX + u(12), y);
  });
  if (over && rows > 1) {
    ctx.font = regular;
    ctx.fillStyle = '#333333';
    const text = truncate(f.measure, count === '+' ? 'and more' : `${count} more`, room);
    ctx.fillText(text, textX + u(12), firstY + u(shown.length * FONT.stackLine));
  }
  f.shownTraces.push(
    `${node.id}:${shown.map((id) => id.slice(0, 6)).join(',')}${more > 0 ? count : ''}`,
  );
}

/**
 * The traces a node's spans went to that the buffer still holds (an evicted one has no colour and
 * no row to select), latest last: what its box and the screen-reader list name.
 */
export function nodeTraceIds(
  nodeTraces: ContextHops['nodeTraces'],
  traces: { has(traceId: string): boolean },
  nodeId: string,
): readonly string[] {
  return (nodeTraces.get(nodeId) ?? []).filter((id) => traces.has(id));
}

function tracesOf(f: Frame, node: NodeBox): readonly string[] {
  return nodeTraceIds(f.nodeTraces, f.buffer.traces, node.id);
}

/** Where a box's name is drawn, in layout units: a pill with nowhere free to go keeps off it. */
function labelRect(f: Frame, node: NodeBox, lines: number): Rect {
  return { x: node.x, y: node.y, w: node.w, h: f.u(FONT.pad + lines * FONT.line) };
}

/** A box's name in one or two lines, in the label font (left set on `ctx`). */
function nodeLabelFitted(f: Frame, node: NodeBox, textW: number): FittedLabel {
  const { ctx, labels } = f;
  // Two label lines when the box has room for them and the service name below.
  const labelLines = f.layout.nodeH * f.scale >= 3 * FONT.line + 2 * FONT.pad ? 2 : 1;
  const key = `${textW.toFixed(2)}:${f.scale.toFixed(4)}:${labelLines}:${labels}:${node.id}`;
  let fitted = labelCache.get(key);
  if (!fitted) {
    // A name cut by a hair at the label size ("Sample …" in a phone's comparison, 1 px short) is
    // set at the smallest size instead, 12 px, still read from the back row.
    ctx.font = labelFont(f, FONT.label);
    fitted = { ...fitLabel(f, node, textW, labelLines), size: FONT.label };
    if (isCut(fitted.lines)) {
      ctx.font = labelFont(f, FONT.small);
      const small = fitLabel(f, node, textW, labelLines);
      if (!isCut(small.lines)) fitted = { ...small, size: FONT.small };
    }
    if (labelCache.size > 500) labelCache.clear();
    labelCache.set(key, fitted);
  }
  ctx.font = labelFont(f, fitted.size);
  return fitted;
}

const labelFont = (f: Frame, size: number) => `600 ${f.u(size)}px system-ui, sans-serif`;
const isCut = (lines: readonly string[]) => lines.some((line) => line.endsWith('\u2026'));

/** A box's name wrapped in the font set on `ctx`: the full name, else the short one if it fits. */
function fitLabel(
  f: Frame,
  node: NodeBox,
  textW: number,
  labelLines: number,
): { lines: string[]; name: string } {
  const name = nodeLabel(node, f.labels);
  const lines = wrap(f.measure, name, textW, labelLines);
  // A full name that the box would cut ("Patient Timeline pr…") gives way to the short one
  // ("Timeline", over its service, "projections"): a cut label reads as a bug on a projector.
  if (f.labels === 'full' && isCut(lines)) {
    const shortName = nodeLabel(node, 'short');
    const short = wrap(f.measure, shortName, textW, labelLines);
    if (!isCut(short)) return { lines: short, name: shortName };
  }
  return { lines, name };
}

/**
 * A service name (with how many of the box's processes are busy) in at most `max` lines: broken
 * after an underscore (`sample_` over `collection`) before it would be cut. A name that still
 * does not fit whole is left out, as on a slide: `outsi…` tells nobody anything, while the
 * stripe's colour, the trace list's service tags and the canvas's text alternative all name it.
 * The busy count goes where it fits whole, or not at all: the stack below shows the busiest
 * process either way.
 */
function serviceLines(
  measure: Measure,
  service: string,
  busy: string,
  width: number,
  max: number,
): string[] {
  if (max <= 0) return [];
  if (measure(service + busy) <= width) return [service + busy];
  const lines = wrap(measure, service, width, max);
  if (lines.some((line) => line.endsWith('\u2026'))) return [];
  const last = lines.length - 1;
  if (busy && measure((lines[last] ?? '') + busy) <= width) lines[last] += busy;
  return lines;
}

/** The process dictionary: the span stack, newest on top, its top `rows` entries. */
function drawStack(
  f: Frame,
  stack: ProcessStack,
  textX: number,
  textW: number,
  firstY: number,
  rows: number,
): void {
  const { ctx, u } = f;
  // slice(-0) would be the whole stack: a box without a stack row draws none.
  const entries = rows > 0 ? stack.stack.slice(-rows).reverse() : [];
  entries.forEach((entry, i) => {
    const y = firstY + u(i * FONT.stackLine);
    const trace = f.buffer.traces.get(entry.traceId);
    ctx.fillStyle = trace ? traceColour(trace.index) : '#6b6b6b';
    ctx.fillRect(textX, y + u(2), u(8), u(8));
    ctx.fillStyle = '#111111';
    const bold = `600 ${u(FONT.small)}px system-ui, sans-serif`;
    const regular = `${u(FONT.small)}px system-ui, sans-serif`;
    // fitStackEntry measures in one weight, then perhaps the other: the font is set on a change
    // only, not for every measurement of its searches.
    let current = '';
    const withFont = (font: string) => (text: string) => {
      if (current !== font) ctx.font = current = font;
      return f.measure(text);
    };
    const fit = fitStackEntry(
      withFont(bold),
      withFont(regular),
      entry.name,
      textW - u(12),
      i === 0,
    );
    ctx.font = fit.bold ? bold : regular;
    ctx.fillText(fit.text, textX + u(12), y);
  });
}

/** A message on its way: a dot in its trace's colour, or a hollow dashed ring without context. */
function drawFlight(
  { ctx, layout, u, buffer }: Frame,
  flight: Flight,
  now: number,
  still: boolean,
) {
  const span = Math.max(1, flight.deliverAt - flight.sentAt);
  const t = still ? 0.5 : Math.min(1, Math.max(0, (now - flight.sentAt) / span));
  const p = layout.pointOnPath(flight.fromNode, flight.toNode, t);
  if (!p) return;
  ctx.beginPath();
  ctx.arc(p[0], p[1], u(7), 0, Math.PI * 2);
  if (flight.traceId) {
    const trace = buffer.traces.get(flight.traceId);
    ctx.fillStyle = trace ? traceColour(trace.index) : '#000000';
    ctx.fill();
    ctx.lineWidth = u(2);
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  } else {
    // No context: a hollow, dashed ring, plainly different in shape, not only in colour.
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.setLineDash([u(3), u(3)]);
    ctx.lineWidth = u(2);
    ctx.strokeStyle = '#333333';
    ctx.stroke();
    ctx.setLineDash([]);
  }
}
