/**
 * The starter and reference files, as text, straight from exercises/NN-name/. While `npm run dev`
 * runs, an edit to one of them reaches the open page: this module accepts its own update and
 * tells the page through `onSourcesChange`.
 */
export interface ExerciseSources {
  /** By exercise id: the starter (exercise.ts) and the reference solution (solution.ts). */
  starters: Readonly<Record<string, string>>;
  solutions: Readonly<Record<string, string>>;
}

const byId = (files: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(files).map(([path, text]) => [path.split('/').at(-2) ?? path, text]),
  );

export const SOURCES: ExerciseSources = {
  starters: byId(
    import.meta.glob<string>('../*/exercise.ts', { query: '?raw', import: 'default', eager: true }),
  ),
  solutions: byId(
    import.meta.glob<string>('../*/solution.ts', { query: '?raw', import: 'default', eager: true }),
  ),
};

const EVENT = 'exercise-sources-change';

/** Calls `listener` with the new sources after a local exercise file changed (dev only). */
export function onSourcesChange(listener: (sources: ExerciseSources) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<ExerciseSources>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}

if (import.meta.hot) {
  // A changed exercise file re-runs this module; the page keeps its state and hears the news.
  import.meta.hot.accept();
  if (import.meta.hot.data.loaded)
    window.dispatchEvent(new CustomEvent<ExerciseSources>(EVENT, { detail: SOURCES }));
  import.meta.hot.data.loaded = true;
}
