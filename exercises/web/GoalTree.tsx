import { useMemo } from 'react';
import { goalLines } from './goalLines.ts';

/** The expected trace, drawn as its tree: span names stand out, kinds are tags, columns stay. */
export function GoalTree({ goal }: { goal: string }) {
  const lines = useMemo(() => goalLines(goal), [goal]);
  return (
    <pre className="exw-goal" tabIndex={0} aria-label="The expected trace" data-testid="goal">
      {lines.map((line, i) => (
        <span key={i} className="exw-goal-line">
          <span className="exw-goal-branch">{line.branch}</span>
          <span className="exw-goal-name">{line.name}</span>
          {line.rest.map((piece, j) =>
            piece.kind ? (
              <span key={j} className="exw-goal-kind">
                {piece.text}
              </span>
            ) : (
              <span key={j} className="exw-goal-rest">
                {piece.text}
              </span>
            ),
          )}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
