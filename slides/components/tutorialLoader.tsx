import { Suspense } from 'react';
import { lazyLoaded } from '../../app/lazyLoaded.ts';

// Guided steps and questions carry the sandbox with them: they load only when the reading mode
// renders one, so the deck's first slide never pays for them. Once loaded, a panel renders at
// once, never first as its placeholder (lazyLoaded.ts).
const LazyGuide = lazyLoaded(() => import('./Guide.tsx').then((m) => m.Guide));
const LazyPredict = lazyLoaded(() => import('./Predict.tsx').then((m) => m.Predict));

/**
 * Loads the guided steps and questions: the reading mode starts it when it opens, and a jump to a
 * section waits for it, so that a panel never grows from its placeholder while the reader is below
 * it (the page would shift under them).
 */
export function preloadTutorial(): Promise<unknown> {
  return Promise.all([LazyGuide.preload(), LazyPredict.preload()]);
}

function Loading() {
  return <p className="tutorial-waiting">Loading the scene…</p>;
}

/** `<Guide id>` for the MDX: see Guide.tsx. */
export function Guide(props: { id: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyGuide.Component {...props} />
    </Suspense>
  );
}

/** `<Predict id>` for the MDX: see Predict.tsx. */
export function Predict(props: { id: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyPredict.Component {...props} />
    </Suspense>
  );
}
