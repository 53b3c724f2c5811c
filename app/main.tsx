import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { hashForPath } from './routes.ts';

// `/12` works as well as `/#/12`: a path that names a route becomes that hash route.
const fromPath = location.hash ? undefined : hashForPath(location.pathname);
if (fromPath) history.replaceState(null, '', `/${fromPath}`);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
