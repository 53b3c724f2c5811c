import { useCallback } from 'react';
import { useStore } from 'zustand';
import './theme.css';
import { DeckRuntimeContext, type DeckRuntime } from './deckRuntime.ts';
import { nextPosition } from './navigation.ts';
import { GotoHint } from './GotoHint.tsx';
import type { DeckAction } from './keys.ts';
import { DeckOverlays, useOverlaysOnFirstInput } from './overlays.tsx';
import { PresenterSceneControls } from './PresenterSceneControls.tsx';
import { sceneKey } from './sceneKeys.ts';
import { PresenterClock } from './PresenterClock.tsx';
import { SlideView } from './SlideView.tsx';
import { Stage } from './Stage.tsx';
import { useDeckKeys } from './useDeckKeys.ts';
import { useDeckSync } from './useDeckSync.ts';
import { useHashPosition } from './useHashPosition.ts';
import { usePreloadNear } from './usePreloadNear.ts';
import { useThemeOnRoot } from './useThemeOnRoot.ts';

/**
 * The speaker's view: current and next slide, notes in large type, timer and clock. It follows and
 * drives the audience window over the deck's channel. Its previews run no live scenes: they show
 * the scene's current picture, paused.
 */
export function Presenter({ runtime }: { runtime: DeckRuntime }) {
  const { store, meta } = runtime;
  const slide = useStore(store, (s) => s.slide);
  const step = useStore(store, (s) => s.step);
  const steps = useStore(store, (s) => s.steps);
  const black = useStore(store, (s) => s.black);
  const overview = useStore(store, (s) => s.overview);
  const help = useStore(store, (s) => s.help);
  const theme = useStore(store, (s) => s.theme);
  const total = meta.slides.length;
  const current = meta.slides[slide];
  const next = nextPosition({ slide, step }, steps);
  const atEnd = next.slide === slide && next.step === step;

  useHashPosition(store, 'presenter/');
  const extra = useCallback((action: DeckAction) => sceneKey(runtime, action), [runtime]);
  const typed = useDeckKeys(store, extra);
  useDeckSync(runtime);
  useOverlaysOnFirstInput();
  usePreloadNear(meta.slides, slide);
  useThemeOnRoot(theme);
  const s = store.getState();

  return (
    <DeckRuntimeContext.Provider value={runtime}>
      <div className="presenter" data-theme={theme}>
        <header className="presenter-bar">
          <span className="presenter-where">
            Slide <strong>{slide + 1}</strong> / {total}
            {(current?.steps ?? 0) > 0 && (
              <>
                {' '}
                · build {step} / {current?.steps}
              </>
            )}
          </span>
          {black && <span className="presenter-black">Audience sees: black screen</span>}
          <PresenterClock />
          <nav className="presenter-nav" aria-label="Presenter controls">
            <button type="button" className="button" onClick={() => s.prev()}>
              ← Back
            </button>
            <button type="button" className="button" onClick={() => s.next()}>
              Next →
            </button>
            <button
              type="button"
              className="button"
              onClick={() => s.setBlack(!black)}
              aria-pressed={black}
            >
              Black
            </button>
            {current?.live && <PresenterSceneControls runtime={runtime} />}
          </nav>
        </header>
        <section className="presenter-current" aria-label="Current slide">
          <Stage label={`Current: slide ${slide + 1}`}>
            <SlideView index={slide} step={step} preview />
          </Stage>
        </section>
        <section className="presenter-next" aria-label="Next">
          <h2 className="presenter-label">
            {atEnd
              ? 'End of the talk'
              : next.slide === slide
                ? `Next: build ${next.step}`
                : `Next: slide ${next.slide + 1}`}
          </h2>
          {!atEnd && (
            <Stage label={`Next: slide ${next.slide + 1}`}>
              <SlideView index={next.slide} step={next.step} preview />
            </Stage>
          )}
        </section>
        <section className="presenter-notes" aria-label="Speaker notes">
          {(current?.notes ?? 0) > 0 ? (
            <SlideView index={slide} step={step} part="notes" preview />
          ) : (
            <p className="presenter-no-notes">No notes for this slide.</p>
          )}
        </section>
        <DeckOverlays
          store={store}
          slides={meta.slides}
          current={slide}
          overview={overview}
          help={help}
        />
        <GotoHint typed={typed} total={total} />
      </div>
    </DeckRuntimeContext.Provider>
  );
}
