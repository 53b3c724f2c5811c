import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { AssumedMedia } from './prerender/assumedMedia.ts';
import { assumedMediaOf, shownShell, takeShell } from './prerender/takeShell.ts';
import { hashForPath, matchRoute } from './routes.ts';

// `/12` works as well as `/#/12`: a path that names a route becomes that hash route.
const fromPath = location.hash ? undefined : hashForPath(location.pathname);
if (fromPath) history.replaceState(null, '', `/${fromPath}`);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const app = (media: Readonly<Record<string, boolean>>, onMount?: () => void) => (
  <StrictMode>
    <AssumedMedia.Provider value={media}>
      <App onMount={onMount} />
    </AssumedMedia.Provider>
  </StrictMode>
);
const render = () => {
  // The opened route's prerendered shell, when index.html showed one: React adopts its markup
  // (hydration) instead of drawing the page again, so what the visitor already sees stays put.
  const shell = takeShell(root, shownShell(document.documentElement, location.hash));
  if (shell)
    // Inert until React has taken it over: a click before that would reach no handler.
    hydrateRoot(
      shell,
      app(assumedMediaOf(shell), () => shell.removeAttribute('inert')),
      {
        // A shell that differs from the first render (a saved state the build could not know) is
        // drawn again by React: that is expected, not an error for the console.
        onRecoverableError: (error) => console.info('The prerendered page was redrawn:', error),
      },
    );
  else createRoot(root).render(app({}));
};
// The opened route's code first, then the first render: the first paint is the slide, the
// sandbox or the list, never the "Loading…" fallback. If loading fails, the fallback and the
// view's own error show as before.
const opened = matchRoute(location.hash)?.entry.preload?.();
if (opened) opened.then(render, render);
else render();
