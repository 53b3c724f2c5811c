import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { EXERCISES } from '../lib/catalog.ts';
import { ExerciseList } from './ExerciseList.tsx';
import { ExerciseView } from './ExerciseView.tsx';
import { SOURCES, onSourcesChange, type ExerciseSources } from './exerciseSources.ts';
import { LIST_HASH, parseExercisesHash } from './exerciseRoute.ts';
import { facilitatorLine } from '../lib/summary.ts';
import { emptyEntry, notBegun } from './progress.ts';
import { useProgress } from './useProgress.ts';
import './exercises.css';
import talkTitle from 'virtual:talk-title';

function subscribeHash(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The workshop in the browser: `#/exercises` lists the exercises with progress, `#/exercises/3`
 * opens one. Learner code runs only in a Web Worker, with a time limit.
 */
export default function ExercisesPage() {
  // The build prerenders the list (app/prerender): there is no location there.
  const hash = useSyncExternalStore(
    subscribeHash,
    () => location.hash,
    () => LIST_HASH,
  );
  const route = parseExercisesHash(hash);
  const { progress, update, notices, notify, dismiss, exportFile, importFile } = useProgress();
  const [sources, setSources] = useState<ExerciseSources>(SOURCES);
  const [changedOnDisk, setChangedOnDisk] = useState<ReadonlySet<string>>(new Set());
  const progressRef = useRef(progress);
  useEffect(() => {
    progressRef.current = progress;
  });

  // Dev server: an edited exercise.ts shows at once, unless the learner has code of their own.
  useEffect(
    () =>
      onSourcesChange((next) => {
        setSources((prev) => {
          const changed = Object.keys(next.starters).filter(
            (id) =>
              next.starters[id] !== prev.starters[id] &&
              (progressRef.current.exercises[id]?.code ?? null) !== null,
          );
          if (changed.length > 0) setChangedOnDisk((s) => new Set([...s, ...changed]));
          return next;
        });
      }),
    [],
  );

  const title =
    route.kind === 'exercise'
      ? `${route.exercise.number}. ${route.exercise.title} · Exercises`
      : 'Workshop exercises';
  useEffect(() => {
    document.title = `${title} · ${talkTitle}`;
  }, [title]);

  // Focus the new view's heading on navigation, so keyboard and screen reader users land there.
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('h2')?.focus();
    window.scrollTo({ top: 0 });
  }, [hash]);

  const fileInput = useRef<HTMLInputElement>(null);
  const download = () => {
    const url = URL.createObjectURL(new Blob([exportFile()], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'tracing-in-elixir-exercises.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const onImport = useCallback(
    async (file: File | undefined) => {
      if (!file) return;
      try {
        importFile(await file.text());
      } catch (err) {
        notify(`That file could not be read (${String(err)}); your progress is unchanged.`);
      }
    },
    [importFile, notify],
  );

  const solved = EXERCISES.filter((e) => progress.exercises[e.id]?.passed).length;
  const roomLine = facilitatorLine(
    EXERCISES.map((e) => {
      const entry = progress.exercises[e.id];
      return {
        exercise: e,
        passed: entry?.passed ?? false,
        failure: entry?.failure ?? undefined,
        untouched: notBegun(entry),
      };
    }),
  );
  const exercise = route.kind === 'exercise' ? route.exercise : null;

  return (
    <div className="exw">
      <header className="exw-header">
        <p className="exw-site">
          <a href="#/">{talkTitle}</a>
        </p>
        <h1>
          <a href={LIST_HASH}>Workshop exercises</a>
        </h1>
        <div className="exw-progress" data-testid="progress-summary">
          <label htmlFor="exw-meter">
            {solved} of {EXERCISES.length} solved
          </label>
          <progress id="exw-meter" max={EXERCISES.length} value={solved} />
          <p className="exw-room-line" data-testid="facilitator-line" title={roomLine}>
            {roomLine}
          </p>
        </div>
        <div className="exw-header-actions">
          <button type="button" onClick={download}>
            Export progress
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            Import progress
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            className="sr-only"
            tabIndex={-1}
            aria-label="Progress file to import"
            data-testid="import-progress"
            onChange={(e) => {
              void onImport(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </div>
      </header>

      {notices.length > 0 && (
        <div className="exw-notices" role="region" aria-label="Notices" aria-live="polite">
          {notices.map((n) => (
            <p key={n.id} className={`exw-notice exw-notice-${n.tone}`} data-testid="notice">
              <span aria-hidden="true">{n.tone === 'warning' ? '⚠ ' : 'ℹ '}</span>
              <span>{n.text}</span>
              <button type="button" onClick={() => dismiss(n.id)}>
                Dismiss
              </button>
            </p>
          ))}
        </div>
      )}

      <main ref={main} className="exw-main">
        {route.kind === 'missing' && (
          <p className="exw-notice exw-notice-warning" role="alert">
            There is no exercise “{route.what}”. <a href={LIST_HASH}>See all exercises</a>.
          </p>
        )}
        {exercise ? (
          <ExerciseView
            key={exercise.id}
            exercise={exercise}
            starter={sources.starters[exercise.id] ?? ''}
            solution={sources.solutions[exercise.id] ?? ''}
            entry={progress.exercises[exercise.id] ?? emptyEntry()}
            update={(change) => update(exercise.id, change)}
            starterChanged={changedOnDisk.has(exercise.id)}
            onStarterChangeHandled={() =>
              setChangedOnDisk((s) => new Set([...s].filter((id) => id !== exercise.id)))
            }
          />
        ) : (
          <ExerciseList progress={progress} />
        )}
      </main>
    </div>
  );
}
