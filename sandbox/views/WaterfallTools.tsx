import { useId } from 'react';
import type { TreeRow } from '../model/buildTraceTree.ts';
import { useScene, useSceneState } from './SceneContext.ts';

interface ToolsProps {
  rows: readonly TreeRow[];
  /** Span ids matching find-in-trace, in the waterfall's order. */
  matches: readonly string[];
  showCritical: boolean;
  onCritical: (on: boolean) => void;
  /** The critical path's length, and how much of it came after the reply (the tail). */
  critical: { total: string; tail: string | null } | null;
}

/**
 * The waterfall's tool row: find in this trace, fold or unfold every span, the critical path.
 */
export function WaterfallTools(props: ToolsProps) {
  const scene = useScene();
  const id = useId();
  const find = useSceneState((s) => s.find);
  const spanId = useSceneState((s) => s.selectedSpanId);
  const { matches } = props;
  const at = spanId ? matches.indexOf(spanId) : -1;
  const stepMatch = (dir: 1 | -1) => {
    if (matches.length === 0) return;
    const next =
      at < 0 ? (dir === 1 ? 0 : matches.length - 1) : (at + dir + matches.length) % matches.length;
    scene.selectSpan(matches[next] as string);
  };
  const parents = props.rows.filter((r) => r.childCount > 0).map((r) => r.span.spanId);
  return (
    <div className="sbx-wf-tools">
      <div className="sbx-wf-group" role="search" aria-label="Find in this trace">
        <input
          type="search"
          className="sbx-find"
          aria-label="Find in this trace"
          aria-describedby={`${id}-find`}
          aria-keyshortcuts="F"
          placeholder="Find in trace"
          spellCheck={false}
          value={find}
          data-testid="find-in-trace"
          onChange={(e) => scene.setFind(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              stepMatch(e.shiftKey ? -1 : 1);
              e.preventDefault();
            } else if (e.key === 'Escape') {
              scene.setFind('');
              e.preventDefault();
            }
          }}
        />
        <span id={`${id}-find`} className="sbx-muted" data-testid="find-count" aria-live="polite">
          {find.trim() === ''
            ? ''
            : matches.length === 0
              ? 'no match'
              : at >= 0
                ? `${at + 1} of ${matches.length}`
                : `${matches.length} match${matches.length === 1 ? '' : 'es'}`}
        </span>
        <button
          type="button"
          aria-label="Previous match"
          disabled={matches.length === 0}
          onClick={() => stepMatch(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label="Next match"
          disabled={matches.length === 0}
          onClick={() => stepMatch(1)}
        >
          ↓
        </button>
      </div>
      <div className="sbx-wf-group" role="group" aria-label="Tree">
        <button type="button" aria-label="Expand all" onClick={() => scene.setAllCollapsed([])}>
          ⊞ <span className="sbx-wide-only">Expand all</span>
        </button>
        <button
          type="button"
          aria-label="Collapse all"
          onClick={() => scene.setAllCollapsed(parents)}
        >
          ⊟ <span className="sbx-wide-only">Collapse all</span>
        </button>
        <label className="sbx-inline">
          <input
            type="checkbox"
            checked={props.showCritical}
            onChange={(e) => props.onCritical(e.target.checked)}
          />
          Critical path
        </label>
        {props.showCritical && props.critical && (
          <span
            className="sbx-critical-text"
            data-testid="critical-path"
            title={
              props.critical.tail
                ? `${props.critical.tail} of it after the HTTP reply: the eventual-consistency tail`
                : undefined
            }
          >
            {props.critical.total}
            {props.critical.tail && (
              <>
                {' '}
                <span className="sbx-wide-only">
                  ({props.critical.tail} after the reply: the eventual-consistency tail)
                </span>
                <span className="sbx-narrow-only">({props.critical.tail} after the reply)</span>
              </>
            )}
          </span>
        )}
      </div>
    </div>
  );
}
