import { EXERCISES } from '../lib/catalog.ts';
import { exerciseHash } from './exerciseRoute.ts';
import { inlineCode } from './inlineCode.tsx';
import { notBegun, type Progress } from './progress.ts';

const statusOf = (progress: Progress, id: string) => {
  const e = progress.exercises[id];
  if (e?.passed) return { icon: '✓', text: 'Solved', key: 'solved' };
  if (!notBegun(e)) return { icon: '◐', text: 'In progress', key: 'started' };
  return { icon: '○', text: 'Not started', key: 'new' };
};

/** The exercises in story order, each with its state in words and a glyph. */
export function ExerciseList({ progress }: { progress: Progress }) {
  const firstOpen = EXERCISES.find((e) => !progress.exercises[e.id]?.passed);
  return (
    <section className="exw-list" aria-labelledby="exw-list-h">
      <h2 id="exw-list-h" tabIndex={-1}>
        Exercises, in story order
      </h2>
      <p className="exw-lead">
        Follow Alexander from one process to a trace that crosses every process boundary. Each
        exercise runs the simulated Phoenix + Commanded backend with your code and checks the shape
        of the trace it produces.{' '}
        {firstOpen ? (
          <a href={exerciseHash(firstOpen)} className="exw-cta">
            {progress.exercises[firstOpen.id] ? 'Continue with' : 'Start with'} exercise{' '}
            {firstOpen.number} →
          </a>
        ) : (
          <strong>All solved. Well done.</strong>
        )}
      </p>
      <ol className="exw-cards">
        {EXERCISES.map((e) => {
          const status = statusOf(progress, e.id);
          return (
            <li key={e.id} data-status={status.key} data-testid="exercise-card">
              <a href={exerciseHash(e)}>
                <span className="exw-card-num" aria-hidden="true">
                  {e.number}
                </span>
                <span className="exw-card-body">
                  <span className="exw-card-title">
                    <span className="sr-only">Exercise {e.number}: </span>
                    {e.title}
                    {e.stretch ? <span className="exw-muted"> (stretch)</span> : null}
                  </span>
                  <span className="exw-card-text">{inlineCode(e.statement[0] ?? '')}</span>
                </span>
                <span className={`exw-card-status exw-${status.key}`}>
                  <span aria-hidden="true">{status.icon} </span>
                  {status.text}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
