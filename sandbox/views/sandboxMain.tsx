import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import SandboxPage from './SandboxPage.tsx';

// A stand-alone entry (sandbox.html) for working on and testing the sandbox page by itself.
const root = document.getElementById('root');
if (!root) throw new Error('sandbox.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <SandboxPage />
  </StrictMode>,
);
