import { useMemo, useRef, type CSSProperties } from 'react';
import { breakAfter } from '../../sandbox/views/breakAfter.tsx';
import { fitGoal } from './goalFit.ts';
import { goalLines, isLinkTarget, noteUnits } from './goalLines.ts';
import { useColumns } from './useColumns.ts';

/**
 * The expected trace, drawn as its tree: span names stand out, kinds are tags, columns stay. A
 * line too long for the column wraps under its span's name, not off the edge; a tree too deep
 * for it (a phone) narrows its indentation first, so that names stay whole.
 */
export function GoalTree({ goal }: { goal: string }) {
  const pre = useRef<HTMLPreElement>(null);
  const columns = useColumns(pre);
  const parsed = useMemo(() => goalLines(goal), [goal]);
  const lines = useMemo(
    () => (columns === null ? parsed : fitGoal(parsed, columns)),
    [parsed, columns],
  );
  return (
    <pre
      ref={pre}
      className="exw-goal"
      tabIndex={0}
      aria-label="The expected trace"
      data-testid="goal"
    >
      {lines.map((line, i) => (
        <span
          key={i}
          className="exw-goal-line"
          style={{ '--exw-branch': line.branch.length } as CSSProperties}
        >
          <span className="exw-goal-branch">{line.branch}</span>
          {/* A link list's next target ("-> … of req-5") is drawn as the first one is, as a
              note, not as a span of this tree. */}
          <span
            className={isLinkTarget(line.name) ? 'exw-goal-name exw-goal-target' : 'exw-goal-name'}
          >
            {breakAfter(line.name, '.')}
          </span>
          {line.rest.map((piece, j) =>
            piece.kind ? (
              <span key={j} className="exw-goal-kind">
                {piece.text}
              </span>
            ) : (
              <span key={j} className="exw-goal-rest">
                {unbroken(piece.text)}
              </span>
            ),
          )}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}

/**
 * Pieces that wrap only between them: "http.route=/lab-orders" never breaks at its hyphen, and
 * "→ trace_ctx" never parts its arrow from its word (noteUnits).
 */
function unbroken(text: string) {
  return noteUnits(text).map((part, k) =>
    part === '' || /^\s+$/.test(part) ? (
      part
    ) : (
      <span key={k} className="exw-goal-word">
        {part}
      </span>
    ),
  );
}
