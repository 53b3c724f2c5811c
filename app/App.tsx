import { Suspense, useLayoutEffect } from 'react';
import './app.css';
import { matchRoute } from './routes.ts';
import { useHashRoute } from './useHashRoute.ts';

/**
 * The site shell: picks the view for the hash route. `route` fixes the hash instead, for the
 * build's prerender of a route (app/prerender), where there is no location. `onMount` runs when
 * the first render is on the page, before it paints: a hydrated shell becomes interactive then.
 */
export function App({ route, onMount }: { route?: string; onMount?: () => void }) {
  const live = useHashRoute();
  useLayoutEffect(() => onMount?.(), [onMount]);
  const hash = route ?? live;
  const match = matchRoute(hash);
  if (!match) {
    return (
      <main className="home">
        <h1>Not found</h1>
        <p>
          Nothing lives at <code>{hash}</code>. <a href="#/">Go to the start</a>.
        </p>
      </main>
    );
  }
  const View = match.entry.view;
  return (
    <Suspense fallback={<p className="loading">Loading…</p>}>
      <View {...match.props} />
    </Suspense>
  );
}
