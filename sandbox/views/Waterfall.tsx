import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { buildTraceTree, visibleRows, type TreeRow } from '../model/buildTraceTree.ts';
import type { SpanFlag } from '../model/explainSpan.ts';
import type { SpanRecord } from '../model/SpanRecord.ts';
import { serviceColour, textOn } from '../model/palette.ts';
import type { SceneController } from '../store/SceneController.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import { formatUs, shortId } from './format.ts';
import { useVirtualRows } from './useVirtualRows.ts';

const ROW = 32;

const FLAG_LABEL: Record<SpanFlag['kind'], string> = {
  'new-trace': 'new trace: context lost',
  'cross-request': 'wrong parent: other request',
  'missing-parent': 'orphan: parent missing',
  'linked-root': 'linked trace',
  batch: 'batch',
};

/**
 * The selected trace as a collapsible span tree against a time axis, like Jaeger's, live: open
 * spans grow. An ARIA treegrid (rows with aria-level), virtualized so 20,000 spans stay smooth.
 */
export function Waterfall() {
  const scene = useScene();
  const id = useId();
  useSceneState((s) => s.revision);
  const traceId = useSceneState((s) => s.selectedTraceId);
  const selectedSpan = useSceneState((s) => s.selectedSpanId);
  const collapsed = useSceneState((s) => s.collapsed);
  const now = useSceneState((s) => s.now);
  const buffer = scene.buffer();
  const trace = traceId ? buffer.traces.get(traceId) : undefined;
  const version = trace?.version ?? -1;
  // Rebuilt only when this trace changed (its version), not on every frame.
  const tree = useMemo(
    () => buildTraceTree(trace && version >= 0 ? buffer.spansOf(trace) : []),
    [buffer, trace, version],
  );
  const rows = useMemo(() => visibleRows(tree.rows, collapsed), [tree, collapsed]);
  const scroller = useRef<HTMLDivElement>(null);
  const { start, end, total, scrollToIndex } = useVirtualRows(scroller, rows.length, ROW);
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const focusWanted = useRef(false);
  /** The latest handlers, read by memoized rows so their props stay equal between frames. */
  const handlers = useRef<RowHandlers>({ key: () => {}, click: () => {} });

  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus();
  }, [activeIndex, start]);

  if (!trace) {
    return (
      <section className="sbx-panel sbx-waterfall" aria-label="Waterfall">
        <p className="sbx-empty">Select a trace to see its spans.</p>
      </section>
    );
  }
  const t0 = trace.startUs;
  const t1 = trace.open > 0 ? Math.max(trace.endUs, now) : trace.endUs;
  const range = Math.max(1, t1 - t0);
  const root = buffer.rootOf(trace);
  const status = buffer.statusOf(trace);

  const go = (index: number) => {
    const i = Math.min(rows.length - 1, Math.max(0, index));
    setActive(i);
    scrollToIndex(i);
    focusWanted.current = true;
  };
  const onKey = (e: KeyboardEvent, row: TreeRow, index: number) => {
    const open = !collapsed.has(row.span.spanId);
    switch (e.key) {
      case 'ArrowDown':
        go(index + 1);
        break;
      case 'ArrowUp':
        go(index - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.childCount > 0 && !open) scene.toggleCollapsed(row.span.spanId, true);
        else if (row.childCount > 0) go(index + 1);
        break;
      case 'ArrowLeft':
        if (row.childCount > 0 && open) scene.toggleCollapsed(row.span.spanId, false);
        else {
          const parent = rows.findIndex((r) => r.span.spanId === row.span.parentSpanId);
          if (parent >= 0) go(parent);
        }
        break;
      case 'Enter':
      case ' ':
        scene.selectSpan(row.span.spanId);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  handlers.current = {
    key: onKey,
    click: (row, index) => {
      setActive(index);
      scene.selectSpan(row.span.spanId);
    },
  };

  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <section className="sbx-panel sbx-waterfall" aria-labelledby={`${id}-h`}>
      <header className="sbx-panel-head sbx-wf-head">
        <h3 id={`${id}-h`}>
          {root?.name ?? 'Trace'}{' '}
          <span className="sbx-muted sbx-mono">{shortId(trace.traceId)}</span>
        </h3>
        <span className="sbx-wf-meta" data-testid="waterfall-meta">
          {trace.spanIds.length} spans · depth {tree.depth} · {formatUs(t1 - t0)}
          {trace.open > 0 ? ' (open)' : ''} ·{' '}
          <span className={`sbx-status-badge sbx-${status}`}>{status}</span>
        </span>
      </header>
      <div className="sbx-wf-axis" aria-hidden="true">
        <span className="sbx-wf-axis-name">Span · service</span>
        <span className="sbx-wf-axis-time">
          {ticks.map((t) => (
            <span
              key={t}
              style={{ left: `${t * 100}%` }}
              data-edge={t === 1 ? 'end' : t === 0 ? 'start' : undefined}
            >
              {formatUs(t * range)}
            </span>
          ))}
        </span>
      </div>
      <div
        ref={scroller}
        className="sbx-scroll"
        role="treegrid"
        aria-label={`Spans of trace ${shortId(trace.traceId)}`}
        aria-rowcount={rows.length}
      >
        <div style={{ height: total, position: 'relative' }} role="presentation">
          {rows.slice(start, end).map((row, k) => {
            const index = start + k;
            const span = row.span;
            const endUs = span.endUs ?? Math.max(now, span.startUs);
            const left = ((span.startUs - t0) / range) * 100;
            const width = Math.max(0.3, ((endUs - span.startUs) / range) * 100);
            return (
              <SpanRow
                key={span.spanId}
                row={row}
                span={span}
                index={index}
                flags={buffer.flags.get(span.spanId)}
                left={left}
                width={width}
                duration={`${formatUs(endUs - span.startUs)}${span.endUs === null ? ' open' : ''}`}
                open={!collapsed.has(span.spanId)}
                selected={span.spanId === selectedSpan}
                tabbable={index === activeIndex}
                handlers={handlers}
                scene={scene}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}

interface RowHandlers {
  key: (e: KeyboardEvent, row: TreeRow, index: number) => void;
  click: (row: TreeRow, index: number) => void;
}

interface SpanRowProps {
  row: TreeRow;
  /** The record itself: a new object whenever the span changes (it ended, say). */
  span: SpanRecord;
  index: number;
  flags: readonly SpanFlag[] | undefined;
  left: number;
  width: number;
  duration: string;
  open: boolean;
  selected: boolean;
  tabbable: boolean;
  handlers: { current: RowHandlers };
  scene: SceneController;
}

const NO_FLAGS: readonly SpanFlag[] = [];

/** One span; memoized, so a finished trace's rows skip rendering while the scene streams. */
const SpanRow = memo(function SpanRow(props: SpanRowProps) {
  const { row, span, index, left, width, open, handlers, scene } = props;
  const flags = props.flags ?? NO_FLAGS;
  const colour = serviceColour(span.service);
  // The duration label goes after the bar, before it, or inside a wide bar.
  const place = left + width < 75 ? 'after' : left > 22 ? 'before' : 'inside';
  const breaks = flags.some((f) => f.breaks) || row.orphan;
  return (
    <div
      role="row"
      aria-level={row.level}
      aria-expanded={row.childCount > 0 ? open : undefined}
      aria-selected={props.selected}
      aria-rowindex={index + 1}
      data-index={index}
      data-testid="span-row"
      data-flags={flags.map((f) => f.kind).join(' ') || undefined}
      tabIndex={props.tabbable ? 0 : -1}
      className="sbx-span-row"
      style={{ top: index * ROW }}
      onClick={() => handlers.current.click(row, index)}
      onKeyDown={(e) => handlers.current.key(e, row, index)}
    >
      <span
        role="gridcell"
        className="sbx-span-name"
        style={{ paddingLeft: 6 + (row.level - 1) * 14 }}
      >
        {row.childCount > 0 ? (
          <button
            type="button"
            tabIndex={-1}
            className="sbx-twisty"
            aria-label={open ? 'Collapse' : 'Expand'}
            onClick={(e) => {
              e.stopPropagation();
              scene.toggleCollapsed(span.spanId);
            }}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="sbx-twisty" aria-hidden="true" />
        )}
        <span className="sbx-chip" style={{ background: colour, color: textOn(colour) }}>
          {span.service}
        </span>
        <span className="sbx-span-label">{span.name}</span>
        {(row.orphan || flags.length > 0) && (
          <span className={`sbx-flag ${breaks ? 'sbx-flag-break' : ''}`}>
            {breaks ? '⚠ ' : ''}
            {flags[0] ? FLAG_LABEL[flags[0].kind] : 'orphan: parent missing'}
          </span>
        )}
      </span>
      <span role="gridcell" className="sbx-span-timeline">
        <span
          className={`sbx-bar ${span.endUs === null ? 'sbx-bar-open' : ''}`}
          style={{ left: `${left}%`, width: `${width}%`, background: colour }}
        />
        <span
          className="sbx-bar-label"
          data-inside={place === 'inside' || undefined}
          style={
            place === 'after'
              ? { left: `${left + width}%` }
              : place === 'before'
                ? { right: `${100 - left}%` }
                : { left: `${left}%` }
          }
        >
          {props.duration}
        </span>
      </span>
    </div>
  );
});
