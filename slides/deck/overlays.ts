import { lazy, useEffect } from 'react';

/**
 * The overview and the help overlay load on their own, not with the first slide: its JavaScript
 * stays within budget (bench:ui). They are fetched at the visitor's first key, click or touch,
 * the one that may open them (from the site's own server: a few milliseconds). Render them inside
 * a Suspense.
 */
const loadOverview = () => import('./Overview.tsx');
const loadHelpOverlay = () => import('./HelpOverlay.tsx');

export const Overview = lazy(() => loadOverview().then((m) => ({ default: m.Overview })));
export const HelpOverlay = lazy(() => loadHelpOverlay().then((m) => ({ default: m.HelpOverlay })));

/** Fetches the overlays at the first key, click or touch. */
export function useOverlaysOnFirstInput(): void {
  useEffect(() => {
    const events = ['keydown', 'pointerdown', 'touchstart'] as const;
    const load = () => {
      for (const e of events) removeEventListener(e, load, true);
      void loadOverview();
      void loadHelpOverlay();
    };
    for (const e of events) addEventListener(e, load, { capture: true, passive: true });
    return () => {
      for (const e of events) removeEventListener(e, load, true);
    };
  }, []);
}
