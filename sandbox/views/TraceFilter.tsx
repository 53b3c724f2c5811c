import { useId } from 'react';
import { queryOf } from '../model/traceFilter.ts';
import { READ_STATUSES } from '../model/traceStatus.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import { KEYS } from './useShortcuts.ts';

/** Replaces the `status:` terms of a query with one status (or none). */
export function withStatus(query: string, status: string): string {
  const rest = query
    .split(/\s+/)
    .filter((t) => t && !/^status:/i.test(t))
    .join(' ');
  return status ? `status:${status}${rest ? ` ${rest}` : ''}` : rest;
}

/**
 * The trace list's filter: one query line (status:, req:, service:, op:, kind:, dur>, dur<,
 * key=value, words) and a status picker that edits the same line, so the line is the one truth.
 */
export function TraceFilter(props: { shown: number; total: number }) {
  const scene = useScene();
  const id = useId();
  const query = useSceneState((s) => s.query);
  const q = queryOf(query);
  const status = q.statuses.length === 1 ? (q.statuses[0] as string) : '';
  return (
    <div className="sbx-filter" role="search" aria-label="Filter traces">
      <input
        type="search"
        className="sbx-filter-input"
        aria-label="Filter traces"
        aria-describedby={`${id}-help`}
        aria-keyshortcuts="/"
        placeholder="Filter: req:req-3 service:LabWorklist kind:consumer dur>2ms key=value"
        value={query}
        spellCheck={false}
        data-testid="trace-filter"
        onChange={(e) => scene.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            scene.setQuery('');
            e.preventDefault();
          }
        }}
      />
      <label className="sbx-inline">
        <span className="sr-only">Status</span>
        <select
          aria-label="Status"
          value={status}
          data-testid="status-filter"
          onChange={(e) => scene.setQuery(withStatus(query, e.target.value))}
        >
          <option value="">any status</option>
          {READ_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <span className="sbx-muted sbx-filter-count" role="status" data-testid="filter-count">
        {query.trim() ? `${props.shown} of ` : ''}
        {props.total} {props.total === 1 ? 'trace' : 'traces'}
      </span>
      <p id={`${id}-help`} className="sr-only">
        Press {KEYS.filter} to filter. Terms: status:broken, req:req-3, service:LabWorklist,
        op:handle, kind:consumer, dur&gt;2ms, dur&lt;1s, key=value, or any word. Escape clears.
      </p>
      {q.errors.length > 0 && (
        <p className="sbx-filter-error" role="alert">
          {q.errors.join(' ')}
        </p>
      )}
    </div>
  );
}
