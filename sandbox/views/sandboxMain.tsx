import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { SceneController } from '../store/SceneController.ts';
import SandboxPage from './SandboxPage.tsx';

declare global {
  interface Window {
    /** The live scene, for the UI benchmark (npm run bench:ui) and for poking at it by hand. */
    __sandbox?: SceneController | null;
  }
}
const expose = (scene: SceneController | null) => {
  window.__sandbox = scene;
};

// A stand-alone entry (sandbox.html) for working on and testing the sandbox page by itself.
const root = document.getElementById('root');
if (!root) throw new Error('sandbox.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <SandboxPage onController={expose} />
  </StrictMode>,
);
