import { Suspense, useEffect } from 'react';
import { lazyLoaded } from '../../app/lazyLoaded.ts';
import type { SlideMeta } from './deckMeta.ts';
import type { DeckStore } from './store.deck.ts';

/**
 * The overview and the help overlay load on their own, not with the first slide: its JavaScript
 * stays within budget (bench:ui). They are fetched at the visitor's first key, click or touch,
 * the one that may open them (from the site's own server: a few milliseconds).
 */
// Loaded, they open at once: React.lazy would suspend on every opening, and React holds content
// that follows a fallback back for 300 ms (lazyLoaded.ts).
const { Component: Overview, preload: loadOverview } = lazyLoaded(() =>
  import('./Overview.tsx').then((m) => m.Overview),
);
const { Component: HelpOverlay, preload: loadHelpOverlay } = lazyLoaded(() =>
  import('./HelpOverlay.tsx').then((m) => m.HelpOverlay),
);

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

/** The overview (`o`) and the help (`?`) over the deck or the presenter view, when open. */
export function DeckOverlays({
  store,
  slides,
  current,
  overview,
  help,
}: {
  store: DeckStore;
  slides: readonly SlideMeta[];
  current: number;
  overview: boolean;
  help: boolean;
}) {
  const deck = store.getState;
  return (
    <Suspense fallback={null}>
      {overview && (
        <Overview
          slides={slides}
          current={current}
          onPick={(i) => {
            deck().goto({ slide: i, step: 0 });
            deck().toggle('overview');
          }}
          onClose={() => deck().toggle('overview')}
        />
      )}
      {help && <HelpOverlay onClose={() => deck().toggle('help')} />}
    </Suspense>
  );
}
