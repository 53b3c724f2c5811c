import { useCallback, useRef } from 'react';
import { useStore } from 'zustand';
import './theme.css';
import { DeckControls } from './DeckControls.tsx';
import { DeckRuntimeContext, type DeckRuntime } from './deckRuntime.ts';
import type { DeckAction } from './keys.ts';
import { formatPosition } from './navigation.ts';
import { GotoHint } from './GotoHint.tsx';
import { DeckOverlays, useOverlaysOnFirstInput } from './overlays.tsx';
import { sceneKey } from './sceneKeys.ts';
import { SceneDock } from './SceneDock.tsx';
import { SlideView } from './SlideView.tsx';
import { Stage } from './Stage.tsx';
import { useDeckKeys } from './useDeckKeys.ts';
import { useDeckSync } from './useDeckSync.ts';
import { useHashPosition } from './useHashPosition.ts';
import { usePreloadNear } from './usePreloadNear.ts';
import { useSwipe } from './useSwipe.ts';
import { useThemeOnRoot } from './useThemeOnRoot.ts';
import { PhoneReadOffer } from '../read/PhoneReadOffer.tsx';

/** The audience view: one slide on a 16:9 stage, optionally beside the persistent live scene. */
export function Deck({ runtime }: { runtime: DeckRuntime }) {
  const { store, meta } = runtime;
  const slide = useStore(store, (s) => s.slide);
  const step = useStore(store, (s) => s.step);
  const overview = useStore(store, (s) => s.overview);
  const help = useStore(store, (s) => s.help);
  const black = useStore(store, (s) => s.black);
  const split = useStore(store, (s) => s.split);
  const theme = useStore(store, (s) => s.theme);
  const total = meta.slides.length;
  const label = meta.slides[slide]?.label ?? '';

  const openPresenter = useCallback(() => {
    const s = store.getState();
    window.open(
      `#/presenter/${formatPosition(s)}`,
      'tracing-in-elixir-presenter',
      'popup,width=1280,height=800',
    );
  }, [store]);
  const extra = useCallback(
    (action: DeckAction) => {
      if (action === 'presenter') openPresenter();
      else if (action === 'read') location.hash = `#/read/${store.getState().slide + 1}`;
      else return sceneKey(runtime, action);
      return true;
    },
    [openPresenter, store, runtime],
  );

  useHashPosition(store, '');
  const typed = useDeckKeys(store, extra);
  useDeckSync(runtime);
  useOverlaysOnFirstInput();
  usePreloadNear(meta.slides, slide, split);
  useThemeOnRoot(theme);
  const mainRef = useRef<HTMLElement>(null);
  useSwipe(mainRef, store);

  return (
    <DeckRuntimeContext.Provider value={runtime}>
      <div
        className="deck"
        data-theme={theme}
        data-split={split}
        data-steps={JSON.stringify(meta.slides.map((m) => m.steps))}
        data-live-slides={JSON.stringify(meta.slides.flatMap((m, i) => (m.live ? [i + 1] : [])))}
      >
        <main ref={mainRef} className="deck-main" aria-label="Slides">
          <Stage label={`Slide ${slide + 1} of ${total}${label ? `: ${label}` : ''}`}>
            <SlideView index={slide} step={step} />
          </Stage>
        </main>
        {split && <SceneDock position={{ slide, step }} />}
        <p className="visually-hidden" aria-live="polite">
          Slide {slide + 1} of {total}
          {step > 0 ? `, build ${step}` : ''}
        </p>
        <DeckControls store={store} total={total} onPresenter={openPresenter} />
        <GotoHint typed={typed} total={total} />
        <PhoneReadOffer slide={slide} />
        <DeckOverlays
          store={store}
          slides={meta.slides}
          current={slide}
          overview={overview}
          help={help}
        />
        {black && (
          <div className="black-screen" role="status" aria-label="Black screen. Press b to return.">
            <span className="visually-hidden">Black screen. Press b to return.</span>
          </div>
        )}
      </div>
    </DeckRuntimeContext.Provider>
  );
}
