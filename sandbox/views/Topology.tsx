import { useEffect, useRef } from 'react';
import { prefersReducedMotion } from './reducedMotion.ts';
import type { Flight, ProcessStack } from '../model/SceneRecorder.ts';
import type { ContextHops } from '../model/contextHops.ts';
import { contextHopsOf } from '../model/contextHopsOf.ts';
import { serviceColour, traceColour } from '../model/palette.ts';
import type { SceneController } from '../store/SceneController.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import {
  WIDE_LAYOUT,
  nodeLabel,
  placeLayout,
  type TopoLayout,
  type TopologyLabels,
} from './topologyLayout.ts';
import { HOP_STYLE, breakText, drawHopEdges, drawHopMarks } from './topologyMarks.ts';
import './topology.css';
import { labelWords } from './labelWords.ts';

function truncate(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** At most `max` lines; the last is truncated. Words split from a CamelCase name rejoin unspaced. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number, max: number): string[] {
  if (ctx.measureText(text).width <= width || max <= 1) return [truncate(ctx, text, width)];
  const parts = labelWords(text);
  const glue = (a: string, i: number) => (text[a.length] === ' ' || text[i] === ' ' ? ' ' : '');
  let first = '';
  let used = 0;
  for (; used < parts.length; used++) {
    const part = parts[used] ?? '';
    const next = first ? `${first}${glue(first, first.length)}${part}` : part;
    if (ctx.measureText(next).width > width && first) break;
    first = next;
  }
  const rest = text.slice(first.length).trimStart();
  return rest ? [truncate(ctx, first, width), truncate(ctx, rest, width)] : [first];
}

/** The run's context hops, with pids named by the live recorder's processes. */
export function hopsOf(scene: SceneController): ContextHops {
  const recorder = scene.recorder();
  return contextHopsOf(scene.buffer(), { nodeOfPid: (pid) => recorder.nodeOf(pid) });
}

/** Stacks per node, most recently changed first. */
function stacksByNode(stacks: Map<string, ProcessStack>): Map<string, ProcessStack[]> {
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

/** Wrapped node labels, per layout and scale: measuring text every frame is not free. */
const labelCache = new Map<string, string[]>();

function draw(
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
  canvas.dataset.layout = layout.id;
  canvas.dataset.nodes = String(layout.nodes.length);
  let cutLabels = 0;
  ctx.setTransform(scale * dpr, 0, 0, scale * dpr, place.x * dpr, place.y * dpr);
  /** CSS pixels to layout units. */
  const u = (px: number) => px / scale;

  const recorder = scene.recorder();
  const live = state.view === 'live';
  const now = scene.simulation().now();
  const hops = hopsOf(scene);

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
    // An arrowhead at the target.
    const a = Math.atan2(y2 - by, x2 - bx);
    ctx.beginPath();
    ctx.moveTo(x2, y2);
    ctx.lineTo(x2 - head * Math.cos(a - 0.4), y2 - head * Math.sin(a - 0.4));
    ctx.lineTo(x2 - head * Math.cos(a + 0.4), y2 - head * Math.sin(a + 0.4));
    ctx.closePath();
    ctx.fill();
  }
  // Where context was carried, cut or linked: kept after the run, so nobody who blinked misses it.
  drawHopEdges(ctx, layout, u, hops);

  const byNode = live ? stacksByNode(recorder.stacks) : new Map<string, ProcessStack[]>();
  const buffer = recorder.buffer;
  const boxH = layout.nodeH * scale;
  const pad = u(FONT.pad);
  ctx.textBaseline = 'top';
  for (const node of layout.nodes) {
    const w = node.w;
    const stacks = byNode.get(node.id) ?? [];
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
    // Two label lines when the box has room for them and the service name below.
    const labelLines = boxH >= 3 * FONT.line + 2 * FONT.pad ? 2 : 1;
    ctx.font = `600 ${u(FONT.label)}px system-ui, sans-serif`;
    const key = `${layout.id}:${scale.toFixed(4)}:${labelLines}:${labels}:${node.id}`;
    let lines = labelCache.get(key);
    if (!lines) {
      lines = wrap(ctx, nodeLabel(node, labels), textW, labelLines);
      // A full name that the box would cut ("Patient Timeline pr…") gives way to the short one
      // ("Timeline", over its service, "projections"): a cut label reads as a bug on a projector.
      if (labels === 'full' && lines.some((line) => line.endsWith('\u2026'))) {
        const short = wrap(ctx, nodeLabel(node, 'short'), textW, labelLines);
        if (!short.some((line) => line.endsWith('\u2026'))) lines = short;
      }
      if (labelCache.size > 500) labelCache.clear();
      labelCache.set(key, lines);
    }
    ctx.fillStyle = '#111111';
    lines.forEach((line, i) => ctx.fillText(line, textX, node.y + pad + u(i * FONT.line)));
    if (lines.some((line) => line.endsWith('\u2026'))) cutLabels++;
    ctx.font = `${u(FONT.small)}px system-ui, sans-serif`;
    ctx.fillStyle = '#333333';
    const procs = stacks.length > 1 ? ` · ${stacks.length} busy` : '';
    const serviceY = node.y + pad + u(lines.length * FONT.line + 1);
    // Short labels (a slide): the stripe's colour names the service; a cut name would not help.
    if (labels === 'full' && boxH >= (lines.length + 1) * FONT.line + FONT.pad)
      ctx.fillText(truncate(ctx, `${node.service}${procs}`, textW), textX, serviceY);
    const top = stacks[0];
    if (top) {
      // The process dictionary: the span stack, newest on top.
      const firstY = labels === 'full' ? serviceY + u(FONT.line + 1) : serviceY;
      const room = Math.floor((node.y + layout.nodeH - pad - firstY) / u(FONT.stackLine));
      const entries = top.stack.slice(-Math.max(0, room)).reverse();
      entries.forEach((entry, i) => {
        const y = firstY + u(i * FONT.stackLine);
        const trace = buffer.traces.get(entry.traceId);
        ctx.fillStyle = trace ? traceColour(trace.index) : '#6b6b6b';
        ctx.fillRect(textX, y + u(2), u(8), u(8));
        ctx.fillStyle = '#111111';
        ctx.font = `${i === 0 ? '600 ' : ''}${u(FONT.small)}px ui-monospace, monospace`;
        ctx.fillText(truncate(ctx, entry.name, textW - u(12)), textX + u(12), y);
      });
    }
  }

  // Tests read it: no box's label may be cut at a slide's size.
  canvas.dataset.cutLabels = String(cutLabels);
  const nameOf = (id: string) => {
    const node = layout.byId.get(id);
    return node ? nodeLabel(node, labels) : id;
  };
  drawHopMarks(ctx, layout, u, hops, nameOf);

  if (!live) return;
  for (const flight of recorder.flights.values())
    drawFlight(ctx, layout, u, flight, now, still, buffer);
}

function drawFlight(
  ctx: CanvasRenderingContext2D,
  layout: TopoLayout,
  u: (px: number) => number,
  flight: Flight,
  now: number,
  still: boolean,
  buffer: ReturnType<SceneController['buffer']>,
): void {
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

/**
 * The processes as boxes, messages as dots moving along the edges, each box showing its live
 * span stack. Drawn on a canvas every animation frame, straight from the controller's buffers:
 * no React render per message.
 */
export function Topology({ labels = 'full' }: { labels?: TopologyLabels } = {}) {
  const scene = useScene();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const still = prefersReducedMotion();
    const box: CanvasBox = { width: el.clientWidth, height: el.clientHeight };
    const redraw = () => draw(el, box, scene, still, labels);
    const ro =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(([entry]) => {
            if (!entry) return;
            box.width = entry.contentRect.width;
            box.height = entry.contentRect.height;
            redraw();
          });
    ro?.observe(el);
    redraw();
    const off = scene.onFrame(redraw);
    return () => {
      off();
      ro?.disconnect();
    };
  }, [scene, labels]);
  return (
    <figure className="sbx-topology">
      <div className="sbx-topology-box">
        <canvas
          ref={canvas}
          className="sbx-topology-canvas"
          role="img"
          aria-label="Topology: the simulated processes, grouped by service, and the messages between them."
        />
      </div>
      <figcaption className="sbx-legend">
        <span>
          <span className="sbx-dot sbx-dot-carried" aria-hidden="true" /> message carries trace
          context (colour = its trace)
        </span>
        <span>
          <span className="sbx-dot sbx-dot-plain" aria-hidden="true" /> message without trace
          context
        </span>
        <span>Boxes list each process&rsquo;s live span stack, newest first.</span>
        <span>
          Hops: <HopGlyph state="carried" /> context carried · <HopGlyph state="cut" /> context lost
          · <HopGlyph state="linked" /> new trace, linked
        </span>
      </figcaption>
      <ProcessList />
      <HopList labels={labels} />
    </figure>
  );
}

function HopGlyph({ state }: { state: keyof typeof HOP_STYLE }) {
  return (
    <span
      className="sbx-hop-glyph"
      style={{ background: HOP_STYLE[state].colour }}
      aria-hidden="true"
    >
      {HOP_STYLE[state].glyph}
    </span>
  );
}

/**
 * The marks in words, for screen readers and tests: every hop with its counts, the break, the
 * mixed spans; the same answer the canvas draws.
 */
function HopList({ labels }: { labels: TopologyLabels }) {
  const scene = useScene();
  useSceneState((s) => s.revision);
  const hops = hopsOf(scene);
  const nameOf = (id: string) => {
    const node = WIDE_LAYOUT.byId.get(id);
    return node ? nodeLabel(node, labels) : id;
  };
  const keys = (state: string) =>
    hops.hops
      .filter((h) => h.state === state)
      .map((h) => h.key)
      .join(' ');
  return (
    <div
      className="sr-only"
      data-testid="context-hops"
      data-break-hop={hops.breakHop?.key ?? ''}
      data-carried-hops={keys('carried')}
      data-cut-hops={keys('cut')}
      data-linked-hops={keys('linked')}
      data-mixed-spans={hops.mixes.map((m) => m.spanId).join(' ')}
      data-focus-trace={hops.focus?.traceId ?? ''}
      data-focus-span={hops.focus?.spanId ?? ''}
    >
      {hops.breakHop && <p>Context lost: {breakText(hops.breakHop, nameOf)}</p>}
      {hops.mixes.map((m) => (
        <p key={m.spanId}>
          Requests mixed: {m.name}, {m.label}
        </p>
      ))}
      {hops.hops.length > 0 && (
        <ul aria-label="Hops between processes">
          {hops.hops.map((h) => (
            <li key={h.key}>
              {nameOf(h.from)} to {nameOf(h.to)}: {h.label}
              {(['carried', 'cut', 'linked', 'mixed'] as const)
                .filter((k) => h.counts[k] > 0)
                .map((k) => ` · ${k} ${h.counts[k]}\u00d7`)
                .join('')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The same picture in words, for screen readers: the live stacks per node. */
function ProcessList() {
  const scene = useScene();
  useSceneState((s) => s.revision);
  const byNode = stacksByNode(scene.recorder().stacks);
  return (
    <ul className="sr-only" aria-label="Live span stacks">
      {WIDE_LAYOUT.nodes
        .filter((n) => byNode.has(n.id))
        .map((n) => (
          <li key={n.id}>
            {n.label}:{' '}
            {byNode
              .get(n.id)?.[0]
              ?.stack.map((e) => e.name)
              .join(' › ')}
          </li>
        ))}
    </ul>
  );
}
