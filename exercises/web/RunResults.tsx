import { inlineCode } from './inlineCode.tsx';
import type { AssertionStatus } from '../lib/check.ts';
import type { RunState } from './useCheckRun.ts';

/** Each state in a mark and a word, never by colour alone. */
const STATUS: Record<AssertionStatus, { mark: string; word: string; className: string }> = {
  pass: { mark: '✓', word: ' passes', className: 'exw-pass' },
  fail: { mark: '✗', word: ' fails', className: 'exw-fail' },
  'not-yet': { mark: '○', word: ' not yet', className: 'exw-notyet' },
};

/** The check's verdict and each assertion in words, with ✓ or ✗ and "passes"/"fails", not colour alone. */
export function RunResults({ state, onStop }: { state: RunState; onStop: () => void }) {
  return (
    <section className="exw-results" aria-labelledby="exw-results-h" data-testid="run-results">
      <h3 id="exw-results-h">Check</h3>
      <div aria-live="polite" aria-atomic="true">
        {state.status === 'idle' && (
          <p className="exw-muted">
            Not run yet. Press <strong>Run check</strong> or <kbd>Ctrl</kbd>+<kbd>Enter</kbd> in the
            editor.
          </p>
        )}
        {state.status === 'running' && (
          <p className="exw-running" data-testid="run-status">
            Running the check (run {state.n})…{' '}
            <button type="button" onClick={onStop}>
              Stop
            </button>
          </p>
        )}
        {state.status === 'finished' && <Outcome state={state} />}
      </div>
    </section>
  );
}

function Outcome({ state }: { state: Extract<RunState, { status: 'finished' }> }) {
  const { outcome } = state;
  if (outcome.kind === 'timeout' || outcome.kind === 'error')
    return (
      <p className="exw-verdict exw-fail" data-testid="run-status" role="alert">
        <span aria-hidden="true">✗ </span>
        {outcome.message}
      </p>
    );
  if (outcome.kind !== 'done') return null;
  const { result } = outcome;
  const failed = result.assertions.filter((a) => a.status === 'fail').length;
  const waiting = result.assertions.filter((a) => a.status === 'not-yet').length;
  const total = result.assertions.length;
  return (
    <>
      <p
        className={`exw-verdict ${result.passed ? 'exw-pass' : 'exw-fail'}`}
        data-testid="run-status"
      >
        <span aria-hidden="true">{result.passed ? '✓ ' : '✗ '}</span>
        {result.passed
          ? `Passed: all ${total} checks pass.`
          : `Not yet: ${failed} of ${total} ${total === 1 ? 'check fails' : failed === 1 ? 'checks fails' : 'checks fail'}${waiting > 0 ? `, ${waiting} ${waiting === 1 ? 'has' : 'have'} nothing to check yet` : ''}.`}{' '}
        <span className="exw-muted">
          (run {state.n}, {result.ms} ms)
        </span>
      </p>
      <ul className="exw-assertions">
        {result.assertions.map((a, i) => (
          <li
            key={i}
            className={STATUS[a.status].className}
            data-testid="assertion"
            data-status={a.status}
          >
            <span className="exw-mark" aria-hidden="true">
              {STATUS[a.status].mark}
            </span>
            <span>
              <strong>{a.name}</strong>
              <span className="exw-word">{STATUS[a.status].word}</span>
              {a.message && (
                <span className="exw-message">
                  {inlineCode(a.message.replace(/^not yet: /, 'nothing to check yet: '))}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
