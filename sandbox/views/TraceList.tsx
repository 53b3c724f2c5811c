import { memo, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import type { TraceBuffer, TraceInfo } from '../model/TraceBuffer.ts';
import { filterTraces, queryOf } from '../model/traceFilter.ts';
import { readTrace, type ReadStatus } from '../model/traceStatus.ts';
import type { SceneController } from '../store/SceneController.ts';
import { serviceColour, textOn, traceColour } from '../model/palette.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import { formatUs, shortRequest } from './format.ts';
import { OpenInJaeger } from './OpenInJaeger.tsx';
import { FittedName } from './FittedName.tsx';
import { useNameFit } from './useNameFit.ts';
import { useVirtualRows } from './useVirtualRows.ts';
import { KEYS } from './useShortcuts.ts';
import { TraceFilter } from './TraceFilter.tsx';
import { ProblemNav } from './ProblemNav.tsx';

type Item =
  { kind: 'request'; requestId: string; traces: number } | { kind: 'trace'; trace: TraceInfo };

const ROW = 48;

function itemsOf(buffer: TraceBuffer, shown: readonly TraceInfo[], grouped: boolean): Item[] {
  if (!grouped) return shown.map((trace) => ({ kind: 'trace', trace }));
  const passes = new Set(shown.map((t) => t.traceId));
  const items: Item[] = [];
  const seen = new Set<string>();
  for (const [requestId, ids] of buffer.requests) {
    const group = [...ids].filter((id) => passes.has(id) && !seen.has(id));
    if (group.length === 0) continue;
    items.push({ kind: 'request', requestId, traces: ids.size });
    for (const id of group) {
      const trace = buffer.traces.get(id);
      if (!trace) continue;
      seen.add(id);
      items.push({ kind: 'trace', trace });
    }
  }
  for (const trace of shown) if (!seen.has(trace.traceId)) items.push({ kind: 'trace', trace });
  return items;
}

/** One row per trace: root span, service, span count, duration, and connected or broken. */
export function TraceList() {
  const scene = useScene();
  const id = useId();
  const revision = useSceneState((s) => s.revision);
  const grouped = useSceneState((s) => s.groupByRequest);
  const selected = useSceneState((s) => s.selectedTraceId);
  const now = useSceneState((s) => s.now);
  const query = useSceneState((s) => s.query);
  const buffer = scene.buffer();
  // Recomputed once per published frame: `revision` stands for the buffer's contents.
  const items = useMemo(
    () => itemsOf(buffer, filterTraces(buffer, queryOf(query), now), grouped),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [buffer, grouped, revision, query],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const { start, end, total, scrollToIndex } = useVirtualRows(scroller, items.length, ROW);
  const traceIndexes = useMemo(
    () => items.flatMap((item, i) => (item.kind === 'trace' ? [i] : [])),
    [items],
  );

  const move = (e: KeyboardEvent) => {
    const at = items.findIndex((it) => it.kind === 'trace' && it.trace.traceId === selected);
    const pos = traceIndexes.indexOf(at);
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = traceIndexes[Math.min(traceIndexes.length - 1, pos + 1)];
    else if (e.key === 'ArrowUp') next = traceIndexes[Math.max(0, pos - 1)];
    else if (e.key === 'Home') next = traceIndexes[0];
    else if (e.key === 'End') next = traceIndexes[traceIndexes.length - 1];
    else return;
    e.preventDefault();
    const item = next === undefined ? undefined : items[next];
    if (item?.kind === 'trace' && next !== undefined) {
      scene.selectTrace(item.trace.traceId, { toBreak: true });
      scrollToIndex(next);
    }
  };

  return (
    <section className="sbx-panel sbx-tracelist" aria-labelledby={`${id}-h`}>
      <header className="sbx-panel-head">
        <h3 id={`${id}-h`}>Traces</h3>
        <TraceFilter shown={traceIndexes.length} total={buffer.traces.size} />
        <ProblemNav />
        <label className="sbx-inline">
          <input
            type="checkbox"
            checked={grouped}
            onChange={(e) => scene.setGroupByRequest(e.target.checked)}
            aria-keyshortcuts="g"
          />
          Group by request{' '}
          <kbd className="sbx-kbd" aria-hidden="true">
            {KEYS.group}
          </kbd>
        </label>
      </header>
      <div className="sbx-tracelist-cols" aria-hidden="true">
        <span>Root span · service</span>
        <span className="sbx-span-count">Spans</span>
        <span>Duration</span>
        <span className="sbx-trace-status">Status</span>
      </div>
      <div
        ref={scroller}
        className="sbx-scroll"
        role="listbox"
        tabIndex={0}
        aria-label="Traces"
        aria-activedescendant={selected ? `${id}-t-${selected}` : undefined}
        onKeyDown={move}
      >
        {items.length === 0 && (
          <p className="sbx-empty">
            {buffer.traces.size === 0
              ? 'No traces yet: send a request.'
              : 'No trace matches the filter.'}
          </p>
        )}
        <div style={{ height: total, position: 'relative' }}>
          {items.slice(start, end).map((item, k) => {
            const top = (start + k) * ROW;
            if (item.kind === 'request')
              return (
                <div
                  key={`r-${item.requestId}`}
                  className="sbx-request-row"
                  style={{ top }}
                  role="presentation"
                  data-testid="request-group"
                >
                  {item.requestId}: {item.traces} {item.traces === 1 ? 'trace' : 'traces'}, 1
                  request
                </div>
              );
            const trace = item.trace;
            const root = buffer.rootOf(trace);
            const request = trace.requestIds.values().next().value;
            const spread = request ? (buffer.requests.get(request)?.size ?? 1) : 1;
            const end = trace.open > 0 ? Math.max(trace.endUs, now) : trace.endUs;
            const reading = readTrace(buffer, trace);
            return (
              <TraceRow
                key={trace.traceId}
                id={`${id}-t-${trace.traceId}`}
                top={top}
                traceId={trace.traceId}
                colourIndex={trace.index}
                name={root?.name ?? '(no spans)'}
                service={root?.service}
                request={request}
                spread={spread}
                spans={trace.spanIds.length}
                duration={formatUs(end - trace.startUs)}
                running={trace.open > 0}
                status={reading.status}
                why={reading.why}
                selected={trace.traceId === selected}
                scene={scene}
              />
            );
          })}
        </div>
      </div>
    </section>
  );
}

interface TraceRowProps {
  id: string;
  top: number;
  traceId: string;
  colourIndex: number;
  name: string;
  service: string | undefined;
  request: string | undefined;
  spread: number;
  spans: number;
  duration: string;
  /** Spans are still open: the duration is so far. (A trailing "…" read as cut text.) */
  running: boolean;
  status: ReadStatus;
  why: string;
  selected: boolean;
  scene: SceneController;
}

/** Plain values only, so a finished trace's row skips rendering while spans stream in. */
const TraceRow = memo(function TraceRow(props: TraceRowProps) {
  const colour = props.service ? serviceColour(props.service) : '#6b6b6b';
  const nameCell = useRef<HTMLElement>(null);
  // `…aggregate.execute` where the row is too narrow for `commanded.aggregate.execute`.
  const shownName = useNameFit(nameCell, props.name);
  return (
    <div
      id={props.id}
      className="sbx-trace-row"
      role="option"
      aria-selected={props.selected}
      data-status={props.status}
      data-testid="trace-row"
      style={{ top: props.top }}
      title={props.why || undefined}
      onClick={() => props.scene.selectTrace(props.traceId, { toBreak: true })}
    >
      <span className="sbx-trace-name">
        <span
          className="sbx-swatch"
          style={{ background: traceColour(props.colourIndex) }}
          aria-hidden="true"
        />
        <strong ref={nameCell} title={shownName === props.name ? undefined : props.name}>
          <FittedName name={props.name} shown={shownName} />
        </strong>
        <span className="sbx-trace-sub">
          <span
            className="sbx-chip"
            style={{ background: colour, color: textOn(colour) }}
            title={props.service}
          >
            {props.service ?? '?'}
          </span>
          <OpenInJaeger traceId={props.traceId} inRow />
          {props.request && (
            <span
              className="sbx-muted sbx-trace-request"
              title={shortRequest(props.request) === props.request ? undefined : props.request}
            >
              {shortRequest(props.request)}
              {props.spread > 1 ? ` · 1 of ${props.spread} traces` : ''}
            </span>
          )}
        </span>
      </span>
      <span className="sbx-num sbx-span-count">{props.spans}</span>
      <span className="sbx-num sbx-trace-duration">
        {props.duration}
        {props.running && <small className="sbx-running">so far</small>}
      </span>
      <span className={`sbx-status-badge sbx-${props.status}`}>{props.status}</span>
      {props.why && <span className="sr-only">{props.why}</span>}
    </div>
  );
});
