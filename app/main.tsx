import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { hashForPath, matchRoute } from './routes.ts';

// `/12` works as well as `/#/12`: a path that names a route becomes that hash route.
const fromPath = location.hash ? undefined : hashForPath(location.pathname);
if (fromPath) history.replaceState(null, '', `/${fromPath}`);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const render = () =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
// The opened route's code first, then the first render: the first paint is the slide, the
// sandbox or the list, never the "Loading…" fallback. If loading fails, the fallback and the
// view's own error show as before.
const opened = matchRoute(location.hash)?.entry.preload?.();
if (opened) opened.then(render, render);
else render();
