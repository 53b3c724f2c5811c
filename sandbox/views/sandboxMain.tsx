import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { SceneController } from '../store/SceneController.ts';
import SandboxPage from './SandboxPage.tsx';
import { EmbeddedScene } from './EmbeddedScene.tsx';
import { queryOf } from '../model/urlState.ts';

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
// `?embed=1100x560&mode=…` shows the compact scene a slide embeds, in a box of that size.
const embed = /^(\d+)x(\d+)$/.exec(queryOf(window.location).get('embed') ?? '');
createRoot(root).render(
  <StrictMode>
    {embed ? (
      <EmbeddedScene width={Number(embed[1])} height={Number(embed[2])} onController={expose} />
    ) : (
      <SandboxPage onController={expose} />
    )}
  </StrictMode>,
);
