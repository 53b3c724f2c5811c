import { inlineCode } from './inlineCode.tsx';
import type { RunState } from './useCheckRun.ts';

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
  const failed = result.assertions.filter((a) => !a.pass).length;
  return (
    <>
      <p
        className={`exw-verdict ${result.passed ? 'exw-pass' : 'exw-fail'}`}
        data-testid="run-status"
      >
        <span aria-hidden="true">{result.passed ? '✓ ' : '✗ '}</span>
        {result.passed
          ? `Passed: all ${result.assertions.length} checks pass.`
          : `Not yet: ${failed} of ${result.assertions.length} ${result.assertions.length === 1 ? 'check fails' : 'checks fail'}.`}{' '}
        <span className="exw-muted">
          (run {state.n}, {result.ms} ms)
        </span>
      </p>
      <ul className="exw-assertions">
        {result.assertions.map((a, i) => (
          <li key={i} className={a.pass ? 'exw-pass' : 'exw-fail'} data-testid="assertion">
            <span className="exw-mark" aria-hidden="true">
              {a.pass ? '✓' : '✗'}
            </span>
            <span>
              <strong>{a.name}</strong>
              <span className="exw-word">{a.pass ? ' passes' : ' fails'}</span>
              {a.message && <span className="exw-message">{inlineCode(a.message)}</span>}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
