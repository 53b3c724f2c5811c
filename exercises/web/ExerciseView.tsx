import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import type { Exercise } from '../lib/Exercise.ts';
import { CodeLines } from './CodeLines.tsx';
import { GoalTree } from './GoalTree.tsx';
import { RunResults } from './RunResults.tsx';
import { SolutionDiff } from './SolutionDiff.tsx';
import { TraceView } from './TraceView.tsx';
import { exerciseHash, LIST_HASH, neighbours } from './exerciseRoute.ts';
import { inlineCode } from './inlineCode.tsx';
import type { ExerciseProgress } from './progress.ts';
import type { RunOutcome } from './runWithTimeLimit.ts';
import { useCheckRun } from './useCheckRun.ts';

// CodeMirror is most of the page's weight: it loads in a chunk of its own, after the brief shows.
const CodeEditor = lazy(() => import('./CodeEditor.tsx').then((m) => ({ default: m.CodeEditor })));

export interface ExerciseViewProps {
  exercise: Exercise;
  starter: string;
  solution: string;
  entry: ExerciseProgress;
  update: (change: (e: ExerciseProgress) => ExerciseProgress) => void;
  /** exercise.ts changed on disk while the learner had their own code (dev server only). */
  starterChanged: boolean;
  onStarterChangeHandled: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** One exercise: the brief, the editor and its check, the resulting trace, hints and solution. */
export function ExerciseView(props: ExerciseViewProps) {
  const { exercise, starter, solution, entry, update } = props;
  const code = entry.code ?? starter;
  const [solutionOpen, setSolutionOpen] = useState(false);
  const [undo, setUndo] = useState<string | null>(null);
  // Bumped when the code changes from outside the editor (reset, undo, a file loaded from disk),
  // never by typing: the editor then takes `code` as its text.
  const [outsideEdits, setOutsideEdits] = useState(0);
  // exercise.ts changed on disk (dev server): an unedited editor shows the new starter.
  const [seenStarter, setSeenStarter] = useState(starter);
  if (starter !== seenStarter) {
    setSeenStarter(starter);
    if (entry.code === null) setOutsideEdits((n) => n + 1);
  }
  const filename = `${exercise.id}/exercise.ts`;

  const onOutcome = useCallback(
    (_request: unknown, outcome: RunOutcome) => {
      if (outcome.kind !== 'done') return;
      const { result } = outcome;
      // The first failing check is kept for the facilitator's line in the page header.
      const failed =
        result.assertions.find((a) => a.status === 'fail') ??
        result.assertions.find((a) => a.status !== 'pass');
      update((e) => ({
        ...e,
        failure: failed ? `${failed.name}: ${failed.message.split('; ')[0]}`.slice(0, 300) : null,
      }));
      if (!result.passed) return;
      update((e) => ({ ...e, passed: true, solvedAt: e.solvedAt ?? new Date().toISOString() }));
      setSolutionOpen(true);
    },
    [update],
  );
  const { state, run, stop } = useCheckRun(onOutcome);

  const setCode = useCallback(
    (text: string) => update((e) => ({ ...e, code: text === starter ? null : text })),
    [update, starter],
  );
  const runCheck = useCallback(
    (text: string = code) => run({ exerciseId: exercise.id, source: text, filename }),
    [run, exercise.id, code, filename],
  );

  // Ctrl/Cmd+Enter anywhere on the page runs the check (the editor handles its own).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      runCheck();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runCheck]);

  const reset = () => {
    setUndo(code);
    setOutsideEdits((n) => n + 1);
    update((e) => ({ ...e, code: null }));
  };
  const result =
    state.status === 'finished' && state.outcome.kind === 'done' ? state.outcome.result : null;
  const { previous, next } = neighbours(exercise);
  const hintCount = exercise.hints.length;
  const hintsShown = Math.min(hintCount, entry.hintsShown);

  return (
    <article className="exw-exercise" aria-labelledby="exw-title">
      <section className="exw-brief" aria-label="The exercise">
        <p className="exw-kicker">
          Exercise {exercise.number}
          {exercise.stretch ? ' · stretch goal' : ''}
          {entry.passed && (
            <span className="exw-badge exw-pass" data-testid="solved-badge">
              ✓ Solved
            </span>
          )}
        </p>
        <h2 id="exw-title" tabIndex={-1}>
          {exercise.title}
        </h2>
        {exercise.statement.map((p, i) => (
          <p key={i}>{inlineCode(p)}</p>
        ))}
        <h3>Goal: the trace you should see</h3>
        <GoalTree goal={exercise.goal} />
        <details className="exw-elixir" open>
          <summary>
            <h3>The same in Elixir</h3>
          </summary>
          <pre data-testid="elixir-sketch">
            <code>
              <CodeLines code={exercise.elixir.sketch} />
            </code>
          </pre>
        </details>

        <h3>Hints</h3>
        {hintsShown === 0 && (
          <p className="exw-muted">
            {hintCount} hints, each giving a little more away; the last one points at the reference.
          </p>
        )}
        <ol className="exw-hints" aria-live="polite">
          {exercise.hints.slice(0, hintsShown).map((hint, i) => (
            <li key={i} data-testid="hint">
              <span className="exw-hint-level">
                Hint {i + 1} of {hintCount}
              </span>
              <span className="exw-hint-text">{inlineCode(hint)}</span>
            </li>
          ))}
        </ol>
        {hintsShown < hintCount && (
          <button
            type="button"
            onClick={() =>
              update((e) => ({ ...e, hintsShown: Math.min(hintCount, e.hintsShown + 1) }))
            }
          >
            Show hint {hintsShown + 1} of {hintCount}
          </button>
        )}
        <nav className="exw-pager" aria-label="Other exercises">
          {previous ? (
            <a href={exerciseHash(previous)}>
              ← {previous.number}. {previous.title}
            </a>
          ) : (
            <a href={LIST_HASH}>← All exercises</a>
          )}
          {next ? (
            <a href={exerciseHash(next)}>
              {next.number}. {next.title} →
            </a>
          ) : (
            <a href={LIST_HASH}>All exercises →</a>
          )}
        </nav>
      </section>

      <section className="exw-work" aria-label="Your code and its check">
        <div className="exw-toolbar" role="group" aria-label="Code actions">
          <button
            type="button"
            className="exw-primary"
            onClick={() => runCheck()}
            aria-keyshortcuts="Control+Enter Meta+Enter"
          >
            Run check <kbd>{isMac ? '⌘' : 'Ctrl'}+Enter</kbd>
          </button>
          <button type="button" onClick={reset} disabled={entry.code === null}>
            Reset to starter
          </button>
          <button
            type="button"
            aria-expanded={solutionOpen}
            aria-controls="exw-solution"
            onClick={() => setSolutionOpen((o) => !o)}
          >
            {solutionOpen ? 'Hide solution' : 'Show solution'}
          </button>
        </div>
        {undo !== null && entry.code === null && (
          <p className="exw-banner" role="status">
            Reset to the starter code.{' '}
            <button
              type="button"
              onClick={() => {
                setCode(undo);
                setUndo(null);
                setOutsideEdits((n) => n + 1);
              }}
            >
              Undo reset
            </button>
          </p>
        )}
        {props.starterChanged && (
          <p className="exw-banner" role="status" data-testid="starter-changed">
            <span>
              <code>{filename}</code> changed on disk, and you have edited the code here.
            </span>{' '}
            <button
              type="button"
              onClick={() => {
                setUndo(code);
                setOutsideEdits((n) => n + 1);
                update((e) => ({ ...e, code: null }));
                props.onStarterChangeHandled();
              }}
            >
              Load the file
            </button>{' '}
            <button type="button" onClick={props.onStarterChangeHandled}>
              Keep mine
            </button>
          </p>
        )}
        <div className="exw-editor-frame">
          <p className="exw-filename" aria-hidden="true">
            {filename}
            {entry.code === null ? '' : ' (edited)'}
          </p>
          <Suspense
            fallback={
              <pre className="exw-editor-loading" aria-busy="true">
                {code}
              </pre>
            }
          >
            <CodeEditor
              value={code}
              valueKey={String(outsideEdits)}
              onChange={setCode}
              onRun={runCheck}
              label={`Code editor: ${filename}. Ctrl+Enter runs the check.`}
            />
          </Suspense>
        </div>
        <RunResults state={state} onStop={stop} />
        {result?.passed && (
          <section className="exw-why" aria-labelledby="exw-why-h" data-testid="why-it-works">
            <h3 id="exw-why-h">Why it works</h3>
            <p>{inlineCode(exercise.why)}</p>
          </section>
        )}
        {result?.passed && next && (
          <p className="exw-next">
            <a href={exerciseHash(next)}>
              Next: exercise {next.number}, {next.title} →
            </a>
          </p>
        )}
        <div id="exw-solution" hidden={!solutionOpen}>
          {solutionOpen && (
            <>
              <h3>Reference solution</h3>
              <div className="exw-solution-pair">
                <SolutionDiff yours={code} solution={solution} />
                <div className="exw-elixir-solution">
                  <h4>The same in Elixir</h4>
                  <pre data-testid="elixir-solution">
                    <code>
                      <CodeLines code={exercise.elixir.solution} />
                    </code>
                  </pre>
                </div>
              </div>
            </>
          )}
        </div>
      </section>

      <section className="exw-trace-col" aria-labelledby="exw-trace-h">
        <h3 id="exw-trace-h">Trace of the last run</h3>
        {result?.otlp ? (
          <TraceView
            otlp={result.otlp}
            messages={result.messages}
            name={`run ${state.status === 'finished' ? state.n : 0}`}
          />
        ) : (
          <p className="exw-muted">
            {state.status === 'running'
              ? 'Running…'
              : result
                ? 'The code did not run far enough to record any spans.'
                : 'Run the check to see the spans your code produces, as in the sandbox.'}
          </p>
        )}
      </section>
    </article>
  );
}
