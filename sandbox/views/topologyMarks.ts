import type { ContextHops, HopMark, HopState } from '../model/contextHops.ts';
import type { TopoLayout } from './topologyLayout.ts';
import { truncate, type Measure } from './canvasText.ts';
import { overlaps, type Rect } from './rect.ts';

/**
 * How each hop state is drawn. Colour (Okabe-Ito, safe for colour-blind eyes) is never the only
 * cue: the line style and the glyph differ too, so a washed-out projector still tells them apart.
 */
export const HOP_STYLE: Record<HopState, { colour: string; glyph: string; dash: number[] }> = {
  carried: { colour: '#0072b2', glyph: '\u2713', dash: [] },
  cut: { colour: '#d55e00', glyph: '\u2715', dash: [7, 5] },
  linked: { colour: '#8e4f9e', glyph: '\u221e', dash: [2, 4] },
  mixed: { colour: '#b35a00', glyph: '!', dash: [7, 3, 2, 3] },
};

/** Text of the marks, in CSS pixels (the canvas converts): readable from the back of a room. */
const MARK_FONT = 14;
/** A pill's line height, in CSS pixels, where its text takes two lines. */
const LINE = MARK_FONT + 4;
/** What covering a box's name, a glyph or a pill costs a pill with no free place, in CSS px. */
const COVER_COST = 120;

/** The hop's edge drawn over the grey one, in the hop's colour and line style. */
export function drawHopEdges(
  ctx: CanvasRenderingContext2D,
  layout: TopoLayout,
  u: (px: number) => number,
  hops: ContextHops,
): void {
  for (const edge of layout.edges) {
    const hop = hops.byKey.get(`${edge.from}>${edge.to}`);
    if (!hop) continue;
    const style = HOP_STYLE[hop.state];
    const [x1, y1, ax, ay, bx, by, x2, y2] = edge.points;
    ctx.save();
    ctx.strokeStyle = style.colour;
    ctx.lineWidth = u(hop.state === 'carried' ? 4 : 3.5);
    ctx.setLineDash(style.dash.map(u));
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.bezierCurveTo(ax, ay, bx, by, x2, y2);
    ctx.stroke();
    ctx.restore();
  }
}

/**
 * The places a pill of `lines` may take on the canvas (`area`, in layout units), nearest to
 * `anchor` first: a grid over the whole canvas, not only the picture. A canvas wider or taller
 * than the picture (the reading page's docked scene) has room beside it; kept to the picture's own
 * bounds, a pill sized for the back row found no free place there and covered the boxes' names.
 */
function pillPlaces(
  ctx: CanvasRenderingContext2D,
  u: (px: number) => number,
  lines: readonly string[],
  anchor: [number, number],
  area: Rect,
): { inside: Rect[]; nearest: Rect; distance: (r: Rect) => number } {
  const w = Math.max(...lines.map((line) => ctx.measureText(line).width)) + u(16);
  const h = u(MARK_FONT + 10) + (lines.length - 1) * u(LINE);
  const [ax, ay] = anchor;
  const distance = (r: Rect) => Math.hypot(r.x + r.w / 2 - ax, r.y + r.h / 2 - ay);
  const places: Rect[] = [];
  const steps = 24;
  for (let i = 0; i <= steps; i++)
    for (let j = 0; j <= steps; j++)
      places.push({
        x: area.x + ((area.w - w) * i) / steps,
        y: area.y + ((area.h - h) * j) / steps,
        w,
        h,
      });
  places.sort((a, b) => distance(a) - distance(b));
  const inside = places.filter(
    (r) =>
      r.x >= area.x &&
      r.y >= area.y &&
      r.x + r.w <= area.x + area.w &&
      r.y + r.h <= area.y + area.h,
  );
  // A pill wider than the canvas has no place inside it: the nearest is all there is.
  return { inside, nearest: places[0] as Rect, distance };
}

/** The nearest place where a pill covers no box and no other pill, if there is one. */
function freePlace(
  ctx: CanvasRenderingContext2D,
  layout: TopoLayout,
  u: (px: number) => number,
  lines: readonly string[],
  anchor: [number, number],
  taken: readonly Rect[],
  area: Rect,
): Rect | undefined {
  const boxes = layout.nodes.map((n) => ({ x: n.x, y: n.y, w: n.w, h: layout.nodeH }));
  return pillPlaces(ctx, u, lines, anchor, area).inside.find(
    (r) => !boxes.some((b) => overlaps(r, b)) && !taken.some((t) => overlaps(r, t)),
  );
}

/**
 * Where no place is free (a phone's tall picture): the nearest place that covers fewest box
 * names, glyphs and pills, each of them worth 120 px of distance. On a phone a pill had covered
 * 'SMS Task', the very box it named; and one far from its hop needs a leader across the picture
 * (the phone's comparison sent it 250 px down, through two boxes), so nearness still counts.
 */
function leastCoveringPlace(
  ctx: CanvasRenderingContext2D,
  u: (px: number) => number,
  lines: readonly string[],
  anchor: [number, number],
  taken: readonly Rect[],
  area: Rect,
  names: readonly Rect[],
): Rect {
  const { inside, nearest, distance } = pillPlaces(ctx, u, lines, anchor, area);
  const cost = (r: Rect) =>
    distance(r) +
    u(COVER_COST) *
      (names.filter((b) => overlaps(r, b)).length + taken.filter((t) => overlaps(r, t)).length);
  return cheapest(inside, cost) ?? nearest;
}

/** How wide a pill's lines may be, as fractions of the canvas: one line first, then narrower. */
const WRAPS = [1, 0.5, 0.34];
/**
 * A free place this near what the pill names (CSS px, centre to anchor) is taken at once;
 * farther, narrower lines are tried for a nearer one. At 1280 a mix-up's one-line pill found its
 * only gap under the picture, with a leader across the whole of it to the Request box.
 */
const NEAR = 90;

/**
 * Where a pill goes, and in what words and lines: the first of its texts (the whole, then the
 * short one) that finds a free place, in the width that puts it nearest what it names; else the
 * whole text where it covers least.
 * A phone's full picture has no free place 300 units wide for 'LabOrderController.create: req-1
 * under req-2's span', and both mixed spans' pills covered the Client and Request boxes' names.
 */
function placeText(
  ctx: CanvasRenderingContext2D,
  layout: TopoLayout,
  u: (px: number) => number,
  pill: Pill,
  taken: Rect[],
  area: Rect,
  names: readonly Rect[],
): { text: string; lines: string[]; rect: Rect; free: boolean } {
  const measure = (text: string) => ctx.measureText(text).width;
  const room = area.w - u(16 + 8);
  const [ax, ay] = pill.anchor;
  // How far a pill is from what it names, and a line's worth more for each line it adds.
  const cost = (rect: Rect, lines: readonly string[]) =>
    Math.hypot(rect.x + rect.w / 2 - ax, rect.y + rect.h / 2 - ay) + u(LINE) * (lines.length - 1);
  for (const text of pill.short ? [pill.text, pill.short] : [pill.text]) {
    let best: { text: string; lines: string[]; rect: Rect; free: true } | undefined;
    for (const f of WRAPS) {
      const lines = pillLines(measure, text, room * f, pill.keep);
      // A word cut to fit says nothing: a narrower width is no use for this text.
      if (lines.some((line) => line.endsWith('\u2026'))) break;
      const rect = freePlace(ctx, layout, u, lines, pill.anchor, taken, area);
      if (rect && (!best || cost(rect, lines) < cost(best.rect, best.lines)))
        best = { text, lines, rect, free: true };
      // Near enough: no need to try narrower (each try is a search of the whole canvas).
      if (best && cost(best.rect, best.lines) <= u(NEAR)) break;
    }
    if (best) return best;
  }
  const lines = pillLines(measure, pill.text, room, pill.keep);
  const free = freePlace(ctx, layout, u, lines, pill.anchor, taken, area);
  const rect = free ?? leastCoveringPlace(ctx, u, lines, pill.anchor, taken, area, names);
  return { text: pill.text, lines, rect, free: free !== undefined };
}

/** The candidate of least `cost`, each cost worked out once; the first of equals. */
function cheapest(candidates: readonly Rect[], cost: (r: Rect) => number): Rect | undefined {
  let best: Rect | undefined;
  let bestCost = Infinity;
  for (const r of candidates) {
    const c = cost(r);
    if (c < bestCost) [best, bestCost] = [r, c];
  }
  return best;
}

/** A leader from a pill to what it names. */
function drawLeader(
  ctx: CanvasRenderingContext2D,
  u: (px: number) => number,
  rect: Rect,
  colour: string,
  anchor: [number, number],
): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = u(2);
  ctx.setLineDash([]);
  ctx.beginPath();
  ctx.moveTo(rect.x + rect.w / 2, rect.y + (anchor[1] > rect.y ? rect.h : 0));
  ctx.lineTo(anchor[0], anchor[1]);
  ctx.stroke();
}

function drawPill(
  ctx: CanvasRenderingContext2D,
  u: (px: number) => number,
  rect: Rect,
  lines: readonly string[],
  colour: string,
): void {
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.roundRect(rect.x, rect.y, rect.w, rect.h, u(6));
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.textBaseline = 'middle';
  const first = rect.y + u(MARK_FONT + 10) / 2 + u(1);
  lines.forEach((line, i) => ctx.fillText(line, rect.x + u(8), first + i * u(LINE)));
  ctx.textBaseline = 'top';
}

/**
 * A pill's text in lines no wider than `width`: one line where it fits; else broken after its
 * colon (what is named, then what happened to it), each part between words where it must, an
 * arrow kept with the name it points at, and each phrase of `keep` (a box's name) whole. A
 * phone's proof of concept is 380 units wide, and 'Stuff.update_stuff/2: req-2 under req-1's
 * span' ran off its edge.
 */
export function pillLines(
  measure: Measure,
  text: string,
  width: number,
  keep: readonly string[] = [],
): string[] {
  if (measure(text) <= width) return [text];
  // A box's name of two words ('SMS Task') stays on one line: its spaces do not break.
  let held = text;
  for (const phrase of keep) held = held.split(phrase).join(phrase.replaceAll(' ', '\u00a0'));
  const colon = held.indexOf(': ');
  const parts = colon > 0 ? [held.slice(0, colon + 1), held.slice(colon + 2)] : [held];
  const lines: string[] = [];
  for (const part of parts) {
    const units = part.split(' ').reduce<string[]>((out, word) => {
      const last = out[out.length - 1];
      if (last === '\u2192') out[out.length - 1] = `${last}\u00a0${word}`;
      else out.push(word);
      return out;
    }, []);
    let line = '';
    for (const unit of units) {
      const next = line ? `${line} ${unit}` : unit;
      if (line && measure(next) > width) {
        lines.push(line);
        line = unit;
      } else line = next;
    }
    if (line) lines.push(line);
  }
  return lines.map((line) => truncate(measure, line.replaceAll('\u00a0', ' '), width));
}

/**
 * A glyph on each used hop's midpoint, further along when another hop's glyph is there (the two
 * loops back). Returns the midpoints by hop key; each glyph's square is added to `taken`.
 */
function drawHopGlyphs(
  ctx: CanvasRenderingContext2D,
  layout: TopoLayout,
  u: (px: number) => number,
  hops: ContextHops,
  taken: Rect[],
): Map<string, [number, number]> {
  const midpoints = new Map<string, [number, number]>();
  for (const hop of hops.hops) {
    let p: [number, number] | null = null;
    for (const t of [0.5, 0.62, 0.38, 0.74]) {
      p = layout.pointOnPath(hop.from, hop.to, t);
      const q = p;
      if (!q || !taken.some((r) => Math.hypot(r.x + r.w / 2 - q[0], r.y + r.h / 2 - q[1]) < u(26)))
        break;
    }
    if (!p) continue;
    midpoints.set(hop.key, p);
    const style = HOP_STYLE[hop.state];
    ctx.beginPath();
    ctx.arc(p[0], p[1], u(11), 0, Math.PI * 2);
    ctx.fillStyle = style.colour;
    ctx.fill();
    ctx.lineWidth = u(2);
    ctx.strokeStyle = '#ffffff';
    ctx.setLineDash([]);
    ctx.stroke();
    ctx.fillStyle = '#ffffff';
    ctx.font = `700 ${u(14)}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(style.glyph, p[0], p[1] + u(1));
    ctx.textAlign = 'start';
    ctx.textBaseline = 'top';
    taken.push({ x: p[0] - u(11), y: p[1] - u(11), w: u(22), h: u(22) });
  }
  return midpoints;
}

interface Pill {
  text: string;
  /** Phrases a line break must not split: the boxes' names. */
  keep?: string[];
  /** Fewer words, for a picture with no free place for `text` (a mix-up's requests alone). */
  short?: string;
  colour: string;
  anchor: [number, number];
}

/** The pills a run's marks call for: its break (or the link the focus came over), and up to two mixed spans. */
function pillsOf(
  layout: TopoLayout,
  hops: ContextHops,
  midpoints: Map<string, [number, number]>,
  nodeLabel: (id: string) => string,
): Pill[] {
  const pills: Pill[] = [];
  const brk =
    hops.breakHop ??
    (hops.focus?.spanId ? hops.hops.find((h) => h.spanId === hops.focus?.spanId) : undefined);
  const at = brk ? midpoints.get(brk.key) : undefined;
  if (brk && at)
    pills.push({
      text: breakText(brk, nodeLabel),
      keep: [nodeLabel(brk.from), `\u2192 ${nodeLabel(brk.to)}`],
      colour: HOP_STYLE[brk.state].colour,
      anchor: at,
    });
  const named = new Set<string>();
  for (const mix of hops.mixes) {
    const node = mix.node ? layout.byId.get(mix.node) : undefined;
    if (!node || named.has(mix.label) || named.size >= 2) continue;
    named.add(mix.label);
    pills.push({
      text: `\u26a0 ${mix.name}: ${mix.label}`,
      short: `\u26a0 ${mix.label}`,
      colour: HOP_STYLE.mixed.colour,
      anchor: [node.x + node.w / 2, node.y + layout.nodeH],
    });
  }
  return pills;
}

/**
 * A glyph on each used hop's midpoint; the break hop and each mixed span named in a pill, placed
 * anywhere on `area` (the canvas in layout units; the picture's own bounds by default), never on
 * `names` (where the boxes' names are drawn) if it can help it. Every leader is drawn before any
 * pill, so a leader passes under another pill, never over its text (two mixed spans' pills stacked
 * under one box: the lower one's leader crossed the upper one's words). Returns how many pills
 * found no free place and cover a box or another pill, how many of them cover a box's name, and
 * what the pills say.
 */
export function drawHopMarks(
  ctx: CanvasRenderingContext2D,
  layout: TopoLayout,
  u: (px: number) => number,
  hops: ContextHops,
  nodeLabel: (id: string) => string,
  area: Rect = { x: 0, y: 0, w: layout.w, h: layout.h },
  names: readonly Rect[] = [],
): { covering: number; overNames: number; texts: string[] } {
  const taken: Rect[] = [];
  const midpoints = drawHopGlyphs(ctx, layout, u, hops, taken);
  ctx.font = `700 ${u(MARK_FONT)}px system-ui, sans-serif`;
  const pills = pillsOf(layout, hops, midpoints, nodeLabel);
  const placed = placeAll(ctx, layout, u, pills, taken, area, names);
  for (const { pill, rect } of placed.pills) drawLeader(ctx, u, rect, pill.colour, pill.anchor);
  for (const { pill, rect, lines } of placed.pills) drawPill(ctx, u, rect, lines, pill.colour);
  return {
    covering: placed.covering,
    overNames: placed.overNames,
    texts: placed.pills.map(({ text }) => text),
  };
}

interface Placed {
  key: string;
  pills: { pill: Pill; text: string; lines: string[]; rect: Rect }[];
  covering: number;
  overNames: number;
}

/**
 * The last placement on each canvas. A frame draws the same pills in the same picture as the one
 * before it almost always, and placing them searches the canvas up to six times a pill: about
 * 1.5 ms a frame for two mix-up pills at 1280, 3 ms on a phone, where reusing it costs nothing.
 */
const lastPlaced = new WeakMap<CanvasRenderingContext2D, Placed>();

/** Where every pill goes, in order (each one's place is taken for the next); reused when unchanged. */
function placeAll(
  ctx: CanvasRenderingContext2D,
  layout: TopoLayout,
  u: (px: number) => number,
  pills: readonly Pill[],
  taken: Rect[],
  area: Rect,
  names: readonly Rect[],
): Placed {
  const key = JSON.stringify([layout.id, layout.w, layout.h, u(1), area, names, taken, pills]);
  const last = lastPlaced.get(ctx);
  if (last?.key === key) return last;
  const placed: Placed = { key, pills: [], covering: 0, overNames: 0 };
  for (const pill of pills) {
    const at = placeText(ctx, layout, u, pill, taken, area, names);
    taken.push(at.rect);
    if (!at.free) placed.covering++;
    if (names.some((b) => overlaps(at.rect, b))) placed.overNames++;
    placed.pills.push({ pill, ...at });
  }
  lastPlaced.set(ctx, placed);
  return placed;
}

/** "✕ Request → Router: no trace context" */
export function breakText(hop: HopMark, nodeLabel: (id: string) => string): string {
  return `${HOP_STYLE[hop.state].glyph} ${nodeLabel(hop.from)} \u2192 ${nodeLabel(hop.to)}: ${hop.label}`;
}
