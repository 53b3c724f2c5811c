import { Suspense, lazy } from 'react';

// Guided steps and questions carry the sandbox with them: they load only when the reading mode
// renders one, so the deck's first slide never pays for them.
const loadGuide = () => import('./Guide.tsx');
const loadPredict = () => import('./Predict.tsx');
const LazyGuide = lazy(() => loadGuide().then((m) => ({ default: m.Guide })));
const LazyPredict = lazy(() => loadPredict().then((m) => ({ default: m.Predict })));

/**
 * Starts loading the guided steps and questions at once: the reading mode calls it when it opens,
 * so that a panel never grows from its placeholder while the reader is below it (the page would
 * shift under them).
 */
export function preloadTutorial(): void {
  void loadGuide();
  void loadPredict();
}

function Loading() {
  return <p className="tutorial-waiting">Loading the scene…</p>;
}

/** `<Guide id>` for the MDX: see Guide.tsx. */
export function Guide(props: { id: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyGuide {...props} />
    </Suspense>
  );
}

/** `<Predict id>` for the MDX: see Predict.tsx. */
export function Predict(props: { id: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyPredict {...props} />
    </Suspense>
  );
}
