import { useContext, useEffect, useRef } from 'react';
import type { Focus } from '../../sandbox/model/contextHops.ts';
import { serviceColour } from '../../sandbox/model/palette.ts';
import type { SpanRecord } from '../../sandbox/model/SpanRecord.ts';
import type { TraceBuffer } from '../../sandbox/model/TraceBuffer.ts';
import type { SceneController } from '../../sandbox/store/SceneController.ts';
import { useScene, useSceneState } from '../../sandbox/views/SceneContext.ts';
import { Topology } from '../../sandbox/views/Topology.tsx';
import { SHORT_LABELS } from '../../sandbox/views/topologyLayout.ts';
import { HOP_STYLE } from '../../sandbox/views/topologyMarks.ts';
import { compactTrace, type CompactRow, type CompactTrace } from './compactTrace.ts';
import { foldRows, foldText, type Fold } from './foldRows.ts';
import { ScenePlanned } from './scenePlanned.ts';
import { useFitRows } from './useFitRows.ts';
import './slideStage.css';

/** Rows a trace may show span by span before it is drawn a row per process visit. */
const MAX_SPAN_ROWS = 12;
const TITLES: Record<Focus['reason'], string> = {
  cut: 'Context lost here',
  orphan: 'Parent span missing',
  mixed: 'Requests mixed up',
  linked: 'New trace, linked by design',
  batch: 'One span for a batch',
  connected: 'One trace, end to end',
};

const GLYPHS: Record<Focus['reason'], string> = {
  cut: HOP_STYLE.cut.glyph,
  orphan: HOP_STYLE.cut.glyph,
  mixed: '\u26a0',
  linked: HOP_STYLE.linked.glyph,
  batch: HOP_STYLE.linked.glyph,
  connected: HOP_STYLE.carried.glyph,
};

const shortNode = (node: string | undefined) => (node ? (SHORT_LABELS[node] ?? node) : '?');

function nodeOfSpan(scene: SceneController) {
  const recorder = scene.recorder();
  return (span: SpanRecord): string | undefined => {
    if (span.message) return span.message.toNode;
    const pid = span.attributes['elixir.process'];
    return typeof pid === 'string' ? recorder.nodeOf(pid) : undefined;
  };
}

/** The request's own first trace, when the focus is elsewhere: where its context came from. */
function originTrace(buffer: TraceBuffer, focus: Focus): string | undefined {
  if (focus.reason === 'connected' || !focus.spanId) return undefined;
  const span = buffer.spans.get(focus.spanId);
  const first = span ? buffer.requests.get(span.requestId)?.values().next().value : undefined;
  return first && first !== focus.traceId ? first : undefined;
}

/**
 * A live scene as a slide shows it: the topology with its marks, and beside it the point of the
 * slide, computed from the run (contextHops): the break (or mix-up, or link) selected with its
 * explanation in large type, and the traces it concerns, whole, as compact trees.
 */
export function SlideStage() {
  const scene = useScene();
  useSceneState((s) => s.revision);
  const selected = useSceneState((s) => s.selectedSpanId);
  const buffer = scene.buffer();
  const hops = scene.hops();
  const focus = hops.focus;
  const idle = useContext(ScenePlanned) && scene.simulation().isIdle();

  // The break is selected for the viewer, as the sandbox does on opening a broken trace.
  const focusSpan = focus?.spanId;
  const focusTrace = focus?.traceId;
  useEffect(() => {
    if (focusSpan) scene.selectSpan(focusSpan);
    else if (focusTrace) scene.selectTrace(focusTrace);
  }, [scene, focusSpan, focusTrace]);

  const nodeOf = nodeOfSpan(scene);
  const origin = focus ? originTrace(buffer, focus) : undefined;
  const blocks = [origin, focus?.traceId]
    .filter((id): id is string => !!id)
    .map((id) => compactTrace(buffer, id, MAX_SPAN_ROWS, nodeOf))
    .filter((t): t is CompactTrace => t !== null);
  const main = blocks[blocks.length - 1];
  const span = focusSpan ? buffer.spans.get(focusSpan) : undefined;
  const panel = useRef<HTMLElement>(null);
  const rowCount = blocks.reduce((n, b) => n + b.rows.length, 0);
  const title = focus
    ? focus.reason === 'connected' && !idle
      ? 'One trace so far'
      : TITLES[focus.reason]
    : undefined;
  const explanation = focus ? (focus.text ?? connectedText(main, blocks, idle)) : undefined;
  // Every text above the trees takes room from them: fit again when any of it changes (the
  // connected summary grows a line when the run settles, with no row added).
  const fold = useFitRows(panel, rowCount, [title, explanation, span?.name]);
  // Rows left out to fit come from the longest tree; never the break the slide is about.
  const longest = blocks.reduce<CompactTrace | undefined>(
    (a, b) => (a && a.rows.length > b.rows.length ? a : b),
    undefined,
  );
  const keep = (row: CompactRow) =>
    row.flagged || (focusSpan !== undefined && row.spanIds.includes(focusSpan));
  const drawn = blocks.map((b) => (b === longest ? foldRows(b.rows, fold, keep) : b.rows));
  const inView = drawn
    .flat()
    .reduce((n, item) => n + ('fold' in item ? 0 : item.spanIds.length), 0);

  return (
    // Focusable, so the sandbox's own scene keys (s, 1-4, …) work on it by keyboard.
    <div
      className="scene-stage"
      tabIndex={0}
      role="group"
      aria-label="Live scene"
      data-testid="slide-stage"
      data-settled={idle || undefined}
      data-focus-reason={focus?.reason ?? ''}
      data-selected-span={selected ?? ''}
      data-spans-in-view={inView}
      data-trace-spans={main?.spans ?? 0}
      data-spans-shown-traces={blocks.reduce((n, b) => n + b.spans, 0)}
    >
      <div className="scene-stage-topology">
        <Topology labels="short" />
      </div>
      <section
        ref={panel}
        className="scene-stage-focus"
        aria-label="What this run shows"
        aria-live="polite"
      >
        {focus ? (
          <div className="scene-stage-callout" data-reason={focus.reason}>
            <p className="scene-stage-callout-title">
              <span className="scene-stage-glyph" aria-hidden="true">
                {GLYPHS[focus.reason]}
              </span>{' '}
              {title}
            </p>
            {span && (
              <p className="scene-stage-callout-span">
                {span.name} <span className="scene-stage-muted">in {shortNode(nodeOf(span))}</span>
              </p>
            )}
            <p className="scene-stage-explain" data-testid="focus-explanation">
              {explanation}
            </p>
          </div>
        ) : (
          <p className="scene-stage-explain scene-stage-muted">Waiting for the first span…</p>
        )}
        {blocks.map((block, i) => (
          <TraceBlock
            key={block.traceId}
            block={block}
            items={drawn[i] ?? block.rows}
            buffer={buffer}
            focusSpan={focusSpan}
            isFocus={block.traceId === focus?.traceId}
          />
        ))}
      </section>
    </div>
  );
}

function connectedText(
  main: CompactTrace | undefined,
  blocks: CompactTrace[],
  settled: boolean,
): string {
  if (!main) return '';
  const nodes = new Set(blocks.flatMap((b) => b.rows.map((r) => r.node))).size;
  const spans = `${main.spans} ${main.spans === 1 ? 'span' : 'spans'}`;
  if (!settled) return `${spans} so far, in ${nodes} ${nodes === 1 ? 'process' : 'processes'}.`;
  return nodes === 1
    ? `${spans} in one trace, all in one process: nothing had to cross a boundary.`
    : `${spans}, ${nodes} processes, one trace: every hop carried the context.`;
}

function TraceBlock({
  block,
  items,
  buffer,
  focusSpan,
  isFocus,
}: {
  block: CompactTrace;
  /** The rows drawn, with the rows left out to fit as folds (foldRows). */
  items: (CompactRow | Fold)[];
  buffer: TraceBuffer;
  focusSpan: string | undefined;
  isFocus: boolean;
}) {
  const trace = buffer.traces.get(block.traceId);
  const requests = trace ? [...trace.requestIds].join(' + ') : '';
  return (
    <div
      className="scene-stage-trace"
      data-trace-id={block.traceId}
      data-focus={isFocus || undefined}
    >
      <p className="scene-stage-trace-head">
        Trace {block.traceId.slice(0, 6)} · {requests} · {block.spans}{' '}
        {block.spans === 1 ? 'span' : 'spans'}
        {block.collapsed ? ', a row per process' : ''}
      </p>
      <ol className="scene-stage-rows">
        {items.map((item) =>
          'fold' in item ? (
            <li
              key={`fold-${(item.fold[0] as CompactRow).span.spanId}`}
              className="scene-stage-fold scene-stage-muted"
              data-span-ids={item.fold.flatMap((r) => r.spanIds).join(' ')}
            >
              {foldText(item)}
            </li>
          ) : (
            <TraceRow key={item.span.spanId} row={item} focusSpan={focusSpan} />
          ),
        )}
      </ol>
    </div>
  );
}

function TraceRow({ row, focusSpan }: { row: CompactRow; focusSpan: string | undefined }) {
  const more = row.spanIds.length - 1;
  const chosen = focusSpan !== undefined && row.spanIds.includes(focusSpan);
  return (
    <li
      className="scene-stage-row"
      data-span-ids={row.spanIds.join(' ')}
      data-flagged={row.flagged || undefined}
      data-selected={chosen || undefined}
      style={{ paddingLeft: `${Math.min(row.depth, 10) * 0.7}em` }}
    >
      <span
        className="scene-stage-swatch"
        style={{ background: serviceColour(row.span.service) }}
        aria-hidden="true"
      />
      <strong>{shortNode(row.node)}</strong> {row.span.name}
      {more > 0 && <span className="scene-stage-muted"> +{more}</span>}
      {row.flagged && (
        <span className="scene-stage-flag" aria-label="flagged">
          {' \u26a0'}
        </span>
      )}
    </li>
  );
}
