import { Suspense } from 'react';
import './app.css';
import { matchRoute } from './routes.ts';
import { useHashRoute } from './useHashRoute.ts';

/**
 * The site shell: picks the view for the hash route. `route` fixes the hash instead, for the
 * build's prerender of a route (app/prerender), where there is no location.
 */
export function App({ route }: { route?: string }) {
  const live = useHashRoute();
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
