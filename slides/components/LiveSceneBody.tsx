import { useMemo } from 'react';
import type { SceneInput } from '../deck/sync.ts';
import type { SceneMode } from '../deck/deckMeta.ts';
import { illustrateScene, type IllustratedTrace, type Service } from './sceneModel.ts';

/**
 * What a live scene draws. This body is the one import to swap for the sandbox's `<Sandbox>` once
 * it exists: it receives the scene's settings plus the inputs made so far (from either window).
 */
export interface LiveSceneBodyProps {
  mode: SceneMode;
  scenario?: string;
  requests: number;
  seed: number;
  faults: readonly string[];
  /** Inputs so far, from this window and the other one; replayed from the seed. */
  inputs: readonly SceneInput[];
  /** Record an input (it is broadcast to the other window). */
  onInput: (input: SceneInput) => void;
  /** A preview (presenter, overview, print): draw the current picture, run nothing, offer no controls. */
  paused: boolean;
  /** Small layout, for the panel beside the slides. */
  compact: boolean;
}

const SERVICE_LABEL: Record<Service, string> = {
  phoenix: 'phoenix',
  aggregate: 'aggregate',
  projection: 'projection',
  'process manager': 'process mgr',
};

const W = 1500;
const LABEL_W = 640;
const ROW = 64;
const HEAD = 56;
const GAP = 18;

/** The illustrated trace view: one waterfall per trace, broken traces marked in words and dashes. */
export default function LiveSceneBody(props: LiveSceneBodyProps) {
  const sent = props.inputs.filter((i) => i.kind === 'send').length;
  const requests = Math.max(1, props.requests) + sent;
  const { mode, scenario, seed, faults } = props;
  const picture = useMemo(
    () => illustrateScene({ mode, scenario, requests, seed, faults }),
    [mode, scenario, requests, seed, faults],
  );

  const layout = layoutTraces(picture.traces);
  const end = Math.max(
    1,
    ...picture.traces.flatMap((t) => t.spans.map((s) => s.start + s.duration)),
  );
  const x = (ms: number) => LABEL_W + 20 + (ms / end) * (W - LABEL_W - 40);
  const height = layout.height + (picture.hidden > 0 ? 50 : 0);

  return (
    <div className="scene-body" data-connected={picture.connected} data-compact={props.compact}>
      <svg
        className="scene-svg"
        viewBox={`0 0 ${W} ${height}`}
        role="img"
        aria-label={picture.verdict}
        preserveAspectRatio="xMidYMin meet"
      >
        <defs>
          <pattern
            id="scene-hatch"
            width="14"
            height="14"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="14" height="14" className="hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="14" className="hatch-line" />
          </pattern>
          <marker
            id="scene-arrow"
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="link-arrow" />
          </marker>
        </defs>
        {picture.hidden > 0 && (
          <text x={0} y={32} className="scene-more">
            + {picture.hidden} earlier trace{picture.hidden === 1 ? '' : 's'} above
          </text>
        )}
        <g transform={`translate(0 ${picture.hidden > 0 ? 50 : 0})`}>
          {picture.traces.map((trace, t) => {
            const top = layout.tops[t] ?? 0;
            const boxH = HEAD + trace.spans.length * ROW + 10;
            return (
              <g key={`${trace.traceId}-${t}`} className="trace" data-lost={trace.lostParent}>
                <rect x={2} y={top} width={W - 4} height={boxH} rx={10} className="trace-box" />
                <text x={20} y={top + 40} className="trace-head">
                  {trace.lostParent
                    ? `✂ NEW TRACE · parent lost: ${trace.hop ?? ''}`
                    : `TRACE ${trace.traceId.slice(0, 8)}… · request ${trace.request}`}
                </text>
                {trace.spans.map((span, s) => {
                  const y = top + HEAD + s * ROW;
                  const bx = x(span.start);
                  const bw = Math.max(8, x(span.start + span.duration) - bx);
                  // A label that would run off the right edge goes inside its bar instead.
                  const inside = bx + bw + 330 > W && bw > 330;
                  return (
                    <g
                      key={s}
                      className="span"
                      data-service={span.service}
                      data-wrong={span.wrongParent ?? false}
                    >
                      <text x={20 + span.depth * 26} y={y + 42} className="span-name">
                        {span.wrongParent ? '⚠ ' : span.depth > 0 ? '└ ' : ''}
                        {span.name}
                      </text>
                      <rect x={bx} y={y + 8} width={bw} height={ROW - 16} rx={6} className="bar" />
                      {span.wrongParent && (
                        <rect
                          x={bx}
                          y={y + 8}
                          width={bw}
                          height={ROW - 16}
                          rx={6}
                          fill="url(#scene-hatch)"
                          className="bar-hatch"
                        />
                      )}
                      <text
                        x={inside ? bx + bw - 14 : bx + bw + 10}
                        y={y + 42}
                        textAnchor={inside ? 'end' : 'start'}
                        className={inside ? 'bar-label bar-label-inside' : 'bar-label'}
                      >
                        {SERVICE_LABEL[span.service]} · {span.duration} ms
                        {span.wrongParent ? ' · wrong request' : ''}
                      </text>
                      {span.links?.map((target) => {
                        const tTop = layout.tops[target];
                        if (tTop === undefined) return null;
                        const targetRow = (picture.traces[target]?.spans.length ?? 1) - 1;
                        const ty = tTop + HEAD + targetRow * ROW + ROW / 2;
                        return (
                          <path
                            key={target}
                            d={`M ${bx + 30} ${y + 8} C ${bx - 120} ${y - 60}, ${bx - 120} ${ty}, ${x(4) + 4} ${ty}`}
                            className="link-line"
                            markerEnd="url(#scene-arrow)"
                          />
                        );
                      })}
                    </g>
                  );
                })}
              </g>
            );
          })}
        </g>
      </svg>
      <div className="scene-caption">
        <span className="scene-verdict" data-connected={picture.connected}>
          {picture.connected ? '✓ ' : '✗ '}
          {picture.verdict}
        </span>
        {!props.paused && (
          <button
            type="button"
            className="scene-send"
            onClick={() => props.onInput({ kind: 'send' })}
          >
            Send a request
          </button>
        )}
      </div>
    </div>
  );
}

function layoutTraces(traces: readonly IllustratedTrace[]): { tops: number[]; height: number } {
  const tops: number[] = [];
  let y = 0;
  for (const t of traces) {
    tops.push(y);
    y += HEAD + t.spans.length * ROW + 10 + GAP;
  }
  return { tops, height: Math.max(ROW, y - GAP) };
}
