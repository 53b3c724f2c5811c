import { useMemo } from 'react';
import { diffRows } from './diffRows.ts';

const SIGN_LABEL = { ' ': 'same', '-': 'yours only', '+': 'solution only' } as const;

/** The reference solution as a diff against the learner's code; signs and words, not colour alone. */
export function SolutionDiff({ yours, solution }: { yours: string; solution: string }) {
  const rows = useMemo(() => diffRows(yours, solution), [yours, solution]);
  const changed = rows.filter((r) => r.sign !== ' ').length;
  return (
    <figure className="exw-diff" data-testid="solution-diff">
      <figcaption>
        {changed === 0
          ? 'Your code is the same as the reference solution.'
          : 'Lines marked − are only in your code, lines marked + only in the reference solution.'}
      </figcaption>
      <pre tabIndex={0} aria-label="Your code against the reference solution">
        {rows.map((row, i) => (
          <span key={i} className="exw-diff-row" data-sign={SIGN_LABEL[row.sign]}>
            <span className="exw-diff-sign" aria-hidden="true">
              {row.sign === '-' ? '−' : row.sign}
            </span>
            <span className="sr-only">{row.sign === ' ' ? '' : `${SIGN_LABEL[row.sign]}: `}</span>
            {row.text || ' '}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  );
}
