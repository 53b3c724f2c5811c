import { useEffect, useRef } from 'react';
import { ForeignImport } from './ForeignImport.tsx';
import { prefersReducedMotion } from './reducedMotion.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import { draw, nodeTraceIds, stacksByNode, type CanvasBox } from './topologyDraw.ts';
import {
  WIDE_LAYOUT,
  labelsFor,
  nodeLabel,
  type TopologyLabelChoice,
  type TopologyLabels,
} from './topologyLayout.ts';
import { HOP_STYLE, breakText } from './topologyMarks.ts';
import './topology.css';

/**
 * The picture of the scene's processes; for a file of another backend's spans, which has no
 * picture here, a word on where to read instead.
 */
export function Topology({ labels = 'full' }: { labels?: TopologyLabelChoice } = {}) {
  const foreign = useSceneState((s) => s.view === 'import' && s.importForeign);
  return foreign ? <ForeignImport /> : <TopologyCanvas labels={labels} />;
}

/**
 * The processes as boxes, messages as dots moving along the edges, each box showing its live
 * span stack. Drawn on a canvas every animation frame, straight from the controller's buffers:
 * no React render per message.
 */
function TopologyCanvas({ labels }: { labels: TopologyLabelChoice }) {
  const scene = useScene();
  const canvas = useRef<HTMLCanvasElement>(null);
  const figure = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const still = prefersReducedMotion();
    const box: CanvasBox = { width: el.clientWidth, height: el.clientHeight };
    const redraw = () => {
      const drawn = labelsFor(labels, box.width);
      // The box takes the shape of the layout these labels use (CSS reads it): a change of
      // height comes back through the ResizeObserver, a change of width never follows from it.
      if (figure.current && figure.current.dataset.labels !== drawn)
        figure.current.dataset.labels = drawn;
      draw(el, box, scene, still, drawn);
    };
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
    <figure className="sbx-topology" ref={figure}>
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
        <span>
          Boxes list each process&rsquo;s live span stack, newest first; idle, the traces its spans
          went to.
        </span>
        {/* Every mark the picture draws has its key here: global mode's '!' had none. */}
        <span data-testid="hop-legend">
          Hops: <HopGlyph state="carried" /> context carried · <HopGlyph state="cut" /> context lost
          · <HopGlyph state="linked" /> new trace, linked · <HopGlyph state="mixed" /> requests
          mixed
        </span>
      </figcaption>
      <ProcessList />
      <HopList labels={labels === 'short' ? 'short' : 'full'} />
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
  const hops = scene.hops();
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

/**
 * The same picture in words, for screen readers: the live stacks per node, and for an idle node
 * the traces its spans went to, as its box shows them.
 */
function ProcessList() {
  const scene = useScene();
  useSceneState((s) => s.revision);
  const byNode = stacksByNode(scene.recorder().stacks);
  const { nodeTraces } = scene.hops();
  const traces = scene.buffer().traces;
  const tracesOf = (id: string) => nodeTraceIds(nodeTraces, traces, id).toReversed();
  return (
    <ul className="sr-only" aria-label="Live span stacks">
      {WIDE_LAYOUT.nodes
        .filter((n) => byNode.has(n.id) || tracesOf(n.id).length > 0)
        .map((n) => (
          <li key={n.id}>
            {n.label} ({n.service}):{' '}
            {byNode.has(n.id)
              ? byNode
                  .get(n.id)?.[0]
                  ?.stack.map((e) => e.name)
                  .join(' › ')
              : `idle; its spans went to trace ${tracesOf(n.id)
                  .map((t) => t.slice(0, 6))
                  .join(', ')}`}
          </li>
        ))}
    </ul>
  );
}
