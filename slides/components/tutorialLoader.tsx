import { Suspense, lazy } from 'react';

// Guided steps and questions carry the sandbox with them: they load only when the reading mode
// renders one, so the deck's first slide never pays for them.
const LazyGuide = lazy(() => import('./Guide.tsx').then((m) => ({ default: m.Guide })));
const LazyPredict = lazy(() => import('./Predict.tsx').then((m) => ({ default: m.Predict })));

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
