import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { batchIndex } from '../model/batches.ts';
import { buildTraceTree, visibleRows, type TreeRow } from '../model/buildTraceTree.ts';
import { criticalPath } from '../model/criticalPath.ts';
import { niceTicks } from '../model/timeTicks.ts';
import { hasSpanTerms, queryOf, spanMatches } from '../model/traceFilter.ts';
import { readTrace } from '../model/traceStatus.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import { ColumnResizer } from './ColumnResizer.tsx';
import { count, formatUs, shortId } from './format.ts';
import { FULL, Minimap, type Zoom } from './Minimap.tsx';
import { ROW, SpanRow, placeBar, type BarPlace, type RowHandlers } from './SpanRow.tsx';
import { batchLabel, usesSwatch, widestFlaggedRow } from './spanFlagText.ts';
import { useNameColumn } from './useNameColumn.ts';
import { waterfallColumns } from './waterfallColumns.ts';
import { INDENT_SHARE, LEVEL_PX, STACKED_INDENT_SHARE, levelStep } from './waterfallIndent.ts';
import { useVirtualRows } from './useVirtualRows.ts';
import { WaterfallTools } from './WaterfallTools.tsx';

/**
 * Rows of its trace a waterfall keeps room for on a short page, before the trace list above it
 * gives up its own (sandbox.css reads --sbx-wf-rows, in rows of ROW px).
 */
const WATERFALL_MIN_ROWS = 5;

/**
 * The selected trace as a collapsible span tree against a time axis, like Jaeger's, live: open
 * spans grow. An ARIA treegrid (rows with aria-level), virtualized so 20,000 spans stay smooth.
 * It opens on the break (the controller selects the first flagged span), marks the critical path,
 * finds spans, zooms to a stretch of time and lets the name column be as wide as the names.
 */
export function Waterfall(props: { compact?: boolean }) {
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
  const spans = useMemo(
    () => (trace && version >= 0 ? buffer.spansOf(trace) : []),
    [buffer, trace, version],
  );
  const tree = useMemo(() => buildTraceTree(spans), [spans]);
  const [showCritical, setShowCritical] = useState(true);
  const critical = useMemo(
    () => (showCritical ? criticalPath(spans, now) : []),
    // An open trace's path moves with `now`; a finished one's does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [spans, showCritical, trace?.open ? now : 0],
  );
  const rows = useMemo(() => visibleRows(tree.rows, collapsed), [tree, collapsed]);
  const find = useSceneState((s) => s.find);
  // Find-in-trace: every span of the tree that matches, in the waterfall's order.
  const matches = useMemo(() => {
    const terms = queryOf(find).span;
    if (!hasSpanTerms(terms)) return [] as string[];
    return tree.rows.filter((r) => spanMatches(r.span, terms)).map((r) => r.span.spanId);
  }, [tree, find]);
  const matchSet = useMemo(() => new Set(matches), [matches]);
  const scroller = useRef<HTMLDivElement>(null);
  const { start, end, total, scrollToIndex } = useVirtualRows(scroller, rows.length, ROW);
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const focusWanted = useRef(false);
  /** The latest handlers, read by memoized rows so their props stay equal between frames. */
  const handlers = useRef<RowHandlers>({ key: () => {}, click: () => {} });
  const section = useRef<HTMLElement>(null);
  const [panelPx, setPanelPx] = useState(800);
  // Room for the flags that say where context was lost: the default name column shows them whole.
  // A span's flags are set when it joins its trace, which rebuilds `tree`: no scan per frame.
  const flaggedPx = useMemo(
    () => widestFlaggedRow(tree.rows, buffer.flags, batchIndex(buffer).batches),
    [tree, buffer],
  );
  const [nameCol, setNameCol] = useNameColumn(panelPx, tree.depth, flaggedPx);
  const [zoom, setZoom] = useState<Zoom>(FULL);
  const [zoomTrace, setZoomTrace] = useState(traceId);
  if (zoomTrace !== traceId) {
    setZoomTrace(traceId);
    setZoom(FULL);
  }

  const hasTrace = trace !== undefined;
  useLayoutEffect(() => {
    const el = section.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(() => setPanelPx(el.clientWidth));
    ro.observe(el);
    setPanelPx(el.clientWidth);
    return () => ro.disconnect();
  }, [hasTrace]);

  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus();
  }, [activeIndex, start]);

  // A selected span (a break jump, a find, a link) is shown: its folded ancestors open, and the
  // waterfall scrolls it into the upper third of the view.
  const shownSpan = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedSpan || shownSpan.current === selectedSpan) return;
    const index = rows.findIndex((r) => r.span.spanId === selectedSpan);
    if (index < 0) {
      const byId = new Map(tree.rows.map((r) => [r.span.spanId, r.span]));
      if (!byId.has(selectedSpan)) return;
      const open = new Set(collapsed);
      for (let p = byId.get(selectedSpan)?.parentSpanId; p; p = byId.get(p)?.parentSpanId)
        open.delete(p);
      if (open.size !== collapsed.size) scene.setAllCollapsed([...open]);
      return;
    }
    shownSpan.current = selectedSpan;
    setActive(index);
    const el = scroller.current;
    if (el) {
      const top = index * ROW;
      if (top < el.scrollTop || top + ROW > el.scrollTop + el.clientHeight)
        el.scrollTop = Math.max(0, top - el.clientHeight / 3);
    }
  }, [selectedSpan, rows, tree, collapsed, scene]);

  const t0 = trace?.startUs ?? 0;
  const t1 = trace ? (trace.open > 0 ? Math.max(trace.endUs, now) : trace.endUs) : 1;
  const range = Math.max(1, t1 - t0);
  // The name column and the timeline: side by side, or stacked in a narrow panel (a phone, the
  // trace panel at 1280).
  const { stacked, name, timelinePx, maxName } = waterfallColumns(panelPx, nameCol);
  // A stacked row spends its width on the span's name and flag, not the service's.
  const swatch = stacked || usesSwatch(name);
  // The deepest row's levels below the root: CSS shrinks the step per level to fit them in the
  // column it draws (`name`), and the flag estimates take the same step.
  const levels = Math.max(1, tree.depth - 1);
  const levelPx = levelStep(name, levels, LEVEL_PX, stacked ? STACKED_INDENT_SHARE : INDENT_SHARE);
  const v0 = t0 + zoom.from * range;
  const vRange = Math.max(1, (zoom.to - zoom.from) * range);
  const px = (us: number) => ((us - v0) / vRange) * timelinePx;

  const places = useMemo(() => {
    const bySpan = new Map<string, { left: number; width: number }[]>();
    for (const c of critical) {
      let list = bySpan.get(c.spanId);
      if (!list) bySpan.set(c.spanId, (list = []));
      list.push({ left: px(c.startUs), width: px(c.endUs) - px(c.startUs) });
    }
    return { critical: bySpan, cache: new Map<string, BarPlace>() };
    // `px` is a function of these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [critical, v0, vRange, timelinePx, stacked, spans]);

  if (!trace) {
    return (
      <section className="sbx-panel sbx-waterfall" aria-label="Waterfall">
        <p className="sbx-empty">Select a trace to see its spans.</p>
      </section>
    );
  }
  const root = buffer.rootOf(trace);
  const reading = readTrace(buffer, trace);
  const batches = batchIndex(buffer).batches;

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
      shownSpan.current = row.span.spanId;
      scene.selectSpan(row.span.spanId);
    },
  };

  const ticks = niceTicks(vRange, timelinePx);
  const criticalUs = critical.reduce((sum, c) => sum + c.endUs - c.startUs, 0);
  const rootEnd = root?.endUs ?? null;
  // The part of the critical path after the HTTP reply (a trace that starts at the HTTP server):
  // what eventual consistency costs.
  const tail =
    rootEnd !== null && !root?.parentSpanId && root?.kind === 'SERVER'
      ? critical.reduce((sum, c) => sum + Math.max(0, c.endUs - Math.max(c.startUs, rootEnd)), 0)
      : 0;
  const selected = selectedSpan ? buffer.spans.get(selectedSpan) : undefined;
  return (
    <section
      ref={section}
      className="sbx-panel sbx-waterfall"
      aria-labelledby={`${id}-h`}
      data-stacked={stacked || undefined}
      style={{
        ['--sbx-name-col' as string]: `${name}px`,
        ['--sbx-levels' as string]: levels,
        // How many rows the panel keeps room for where space is short (sandbox.css): up to five.
        ['--sbx-wf-rows' as string]: Math.min(rows.length, WATERFALL_MIN_ROWS),
      }}
    >
      <header className="sbx-panel-head sbx-wf-head">
        <h3 id={`${id}-h`}>
          {root?.name ?? 'Trace'}{' '}
          <span className="sbx-muted sbx-mono">{shortId(trace.traceId)}</span>
        </h3>
        <span className="sbx-wf-meta" data-testid="waterfall-meta">
          {count(trace.spanIds.length, 'span')} · depth {tree.depth} · {formatUs(t1 - t0)}
          {trace.open > 0 ? ' (open)' : ''} ·{' '}
          <span className={`sbx-status-badge sbx-${reading.status}`}>{reading.status}</span>
        </span>
      </header>
      {reading.lost.length > 0 && (
        <div className="sbx-lost" role="note" data-testid="lost-spans">
          {reading.lost.map((l) => (
            <p key={`${l.requestId}-${l.batch.spanId}`}>
              ⚠ Not whole: {l.requestId}&rsquo;s {l.batch.label} span is missing here. It went into{' '}
              {l.batch.requestId}&rsquo;s batch, in trace {shortId(l.batch.traceId)}.{' '}
              <button
                type="button"
                className="sbx-link"
                onClick={() => scene.selectSpan(l.batch.spanId)}
              >
                Show that batch span
              </button>
            </p>
          ))}
        </div>
      )}
      {!props.compact && (
        <WaterfallTools
          rows={tree.rows}
          matches={matches}
          showCritical={showCritical}
          onCritical={setShowCritical}
          critical={
            criticalUs > 0
              ? {
                  total: formatUs(criticalUs),
                  tail: tail > 0 ? formatUs(tail) : null,
                }
              : null
          }
        />
      )}
      {!props.compact && (
        <Minimap
          rows={tree.rows}
          t0={t0}
          range={range}
          now={now}
          zoom={zoom}
          onZoom={setZoom}
          selected={
            selected
              ? {
                  startUs: selected.startUs,
                  endUs: selected.endUs ?? Math.max(now, selected.startUs),
                }
              : undefined
          }
        />
      )}
      <div className="sbx-wf-axis" aria-hidden="true">
        <span className="sbx-wf-axis-name">Span · service</span>
        {!stacked && <ColumnResizer width={name} onChange={setNameCol} max={maxName} />}
        <span className="sbx-wf-axis-time" data-testid="axis-ticks">
          {ticks
            .filter((t) => (t / vRange) * timelinePx <= timelinePx - 30 || t === 0)
            .map((t, i) => (
              <span
                key={t}
                style={{ left: (t / vRange) * timelinePx }}
                data-edge={i === 0 ? 'start' : undefined}
              >
                {formatUs(zoom.from * range + t)}
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
            const duration = `${formatUs(endUs - span.startUs)}${span.endUs === null ? ' open' : ''}`;
            let place = span.endUs === null ? undefined : places.cache.get(span.spanId);
            if (!place) {
              const left = px(span.startUs);
              const width = px(endUs) - left;
              place = {
                left,
                width,
                // A stacked row's strip has no room for a label: the row's text says it.
                label: stacked ? 'none' : placeBar(left, width, duration, timelinePx),
                critical: places.critical.get(span.spanId) ?? [],
              };
              places.cache.set(span.spanId, place);
            }
            const batch = batches.get(span.spanId);
            return (
              <SpanRow
                key={span.spanId}
                row={row}
                span={span}
                index={index}
                flags={buffer.flags.get(span.spanId)}
                batchLabel={batch && batchLabel(batch.requests)}
                batchShort={batch && batchLabel(batch.requests, true)}
                nameColumnPx={name}
                levelPx={levelPx}
                swatch={swatch}
                place={place}
                duration={duration}
                open={!collapsed.has(span.spanId)}
                selected={span.spanId === selectedSpan}
                match={matchSet.has(span.spanId)}
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
