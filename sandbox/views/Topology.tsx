import { useEffect, useRef } from 'react';
import type { Flight, ProcessStack } from '../model/SceneRecorder.ts';
import { serviceColour, traceColour } from '../model/palette.ts';
import type { SceneController } from '../store/SceneController.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import { EDGES, NODES, NODE_H, TOPO_H, TOPO_W, nodeWidth, pointOnPath } from './topologyLayout.ts';

const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

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

/** At most two lines; the second is truncated. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  if (ctx.measureText(text).width <= width) return [text];
  const words = text.split(' ');
  let first = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = first ? `${first} ${words[i]}` : (words[i] ?? '');
    if (ctx.measureText(next).width > width && first) break;
    first = next;
  }
  const rest = words.slice(i).join(' ');
  return rest
    ? [truncate(ctx, first, width), truncate(ctx, rest, width)]
    : [truncate(ctx, first, width)];
}

/** Stacks per node, most recently changed first. */
function stacksByNode(stacks: Map<string, ProcessStack>): Map<string, ProcessStack[]> {
  const out = new Map<string, ProcessStack[]>();
  for (const s of stacks.values()) {
    let list = out.get(s.node);
    if (!list) out.set(s.node, (list = []));
    list.push(s);
  }
  for (const list of out.values()) list.sort((a, b) => b.at - a.at);
  return out;
}

function draw(canvas: HTMLCanvasElement, scene: SceneController, still: boolean): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const cssW = canvas.clientWidth;
  const cssH = canvas.clientHeight;
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(cssW * dpr) || canvas.height !== Math.round(cssH * dpr)) {
    canvas.width = Math.round(cssW * dpr);
    canvas.height = Math.round(cssH * dpr);
  }
  const scale = (cssW / TOPO_W) * dpr;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.clearRect(0, 0, TOPO_W, TOPO_H + 10);

  const recorder = scene.recorder();
  const live = scene.store.getState().view === 'live';
  const now = scene.simulation().now();

  ctx.lineWidth = 2;
  ctx.strokeStyle = '#8a8a8a';
  for (const edge of EDGES) {
    const [x1, y1, ax, ay, bx, by, x2, y2] = edge.points;
    ctx.beginPath();
    ctx.moveTo(x1, y1);
    ctx.bezierCurveTo(ax, ay, bx, by, x2, y2);
    ctx.stroke();
    // An arrowhead at the target.
    const a = Math.atan2(y2 - by, x2 - bx);
    ctx.beginPath();
    ctx.moveTo(x2, y2);
    ctx.lineTo(x2 - 9 * Math.cos(a - 0.4), y2 - 9 * Math.sin(a - 0.4));
    ctx.lineTo(x2 - 9 * Math.cos(a + 0.4), y2 - 9 * Math.sin(a + 0.4));
    ctx.closePath();
    ctx.fillStyle = '#8a8a8a';
    ctx.fill();
  }

  const byNode = live ? stacksByNode(recorder.stacks) : new Map<string, ProcessStack[]>();
  const buffer = recorder.buffer;
  for (const node of NODES) {
    const w = nodeWidth(node.id);
    const stacks = byNode.get(node.id) ?? [];
    ctx.fillStyle = '#ffffff';
    ctx.strokeStyle = stacks.length > 0 ? '#111111' : '#6b6b6b';
    ctx.lineWidth = stacks.length > 0 ? 3 : 1.5;
    ctx.beginPath();
    ctx.roundRect(node.x, node.y, w, NODE_H, 6);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = node.service === 'outside' ? '#6b6b6b' : serviceColour(node.service);
    ctx.fillRect(node.x + 1, node.y + 1, 7, NODE_H - 2);
    ctx.fillStyle = '#111111';
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.textBaseline = 'top';
    const lines = wrap(ctx, node.label, w - 16);
    lines.forEach((line, i) => ctx.fillText(line, node.x + 12, node.y + 5 + i * 15));
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#333333';
    const procs = stacks.length > 1 ? ` · ${stacks.length} busy` : '';
    const serviceY = node.y + 7 + lines.length * 15;
    ctx.fillText(truncate(ctx, `${node.service}${procs}`, w - 16), node.x + 12, serviceY);
    const top = stacks[0];
    if (top) {
      // The process dictionary: the span stack, newest on top.
      const room = Math.max(1, Math.floor((node.y + NODE_H - serviceY - 18) / 14));
      const entries = top.stack.slice(-room).reverse();
      entries.forEach((entry, i) => {
        const y = serviceY + 16 + i * 14;
        const trace = buffer.traces.get(entry.traceId);
        ctx.fillStyle = trace ? traceColour(trace.index) : '#6b6b6b';
        ctx.fillRect(node.x + 12, y + 2, 8, 8);
        ctx.fillStyle = '#111111';
        ctx.font = `${i === 0 ? '600 ' : ''}11px ui-monospace, monospace`;
        ctx.fillText(truncate(ctx, entry.name, w - 30), node.x + 24, y);
      });
    }
  }

  if (!live) return;
  for (const flight of recorder.flights.values()) drawFlight(ctx, flight, now, still, buffer);
}

function drawFlight(
  ctx: CanvasRenderingContext2D,
  flight: Flight,
  now: number,
  still: boolean,
  buffer: ReturnType<SceneController['buffer']>,
): void {
  const span = Math.max(1, flight.deliverAt - flight.sentAt);
  const t = still ? 0.5 : Math.min(1, Math.max(0, (now - flight.sentAt) / span));
  const p = pointOnPath(flight.fromNode, flight.toNode, t);
  if (!p) return;
  ctx.beginPath();
  ctx.arc(p[0], p[1], 8, 0, Math.PI * 2);
  if (flight.traceId) {
    const trace = buffer.traces.get(flight.traceId);
    ctx.fillStyle = trace ? traceColour(trace.index) : '#000000';
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  } else {
    // No context: a hollow, dashed ring, plainly different in shape, not only in colour.
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.setLineDash([3, 3]);
    ctx.lineWidth = 2;
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
export function Topology() {
  const scene = useScene();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const still = reducedMotion();
    const redraw = () => draw(el, scene, still);
    redraw();
    return scene.onFrame(redraw);
  }, [scene]);
  return (
    <figure className="sbx-topology">
      <div className="sbx-topology-scroll">
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
      </figcaption>
      <ProcessList />
    </figure>
  );
}

/** The same picture in words, for screen readers: the live stacks per node. */
function ProcessList() {
  const scene = useScene();
  useSceneState((s) => s.revision);
  const byNode = stacksByNode(scene.recorder().stacks);
  return (
    <ul className="sr-only" aria-label="Live span stacks">
      {NODES.filter((n) => byNode.has(n.id)).map((n) => (
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
