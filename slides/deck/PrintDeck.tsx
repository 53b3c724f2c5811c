import { useEffect, useState } from 'react';
import './theme.css';
import { loadLiveSceneBody } from '../components/liveSceneLoader.ts';
import { DeckRuntimeContext, type DeckRuntime } from './deckRuntime.ts';
import { SlideView } from './SlideView.tsx';
import { Stage } from './Stage.tsx';
import { useThemeOnRoot } from './useThemeOnRoot.ts';

/**
 * Every slide, one per printed page, with all builds shown and live scenes as their current
 * picture; optionally with the speaker notes beside each. `npm run export:pdf` prints this view.
 */
export function PrintDeck({ runtime, notes }: { runtime: DeckRuntime; notes: boolean }) {
  const [ready, setReady] = useState(false);
  const theme = runtime.store.getState().theme;
  useThemeOnRoot(theme);
  useEffect(() => {
    let alive = true;
    void Promise.all([loadLiveSceneBody(), document.fonts.ready]).then(
      () => alive && setReady(true),
    );
    return () => {
      alive = false;
    };
  }, []);
  return (
    <DeckRuntimeContext.Provider value={runtime}>
      <div
        className="print-deck"
        data-theme={theme}
        data-notes={notes}
        data-print-ready={ready || undefined}
      >
        <p className="print-hint">
          {runtime.meta.slides.length} slides, one per page{notes ? ', with notes' : ''}. Print with
          your browser (Ctrl+P or ⌘P), or run <code>npm run export:pdf</code>.{' '}
          <a href={notes ? '#/print' : '#/print/notes'}>{notes ? 'Without notes' : 'With notes'}</a>{' '}
          · <a href="#/1">Back to the talk</a>
        </p>
        {ready &&
          runtime.meta.slides.map((meta, i) => (
            <section key={i} className="print-page" aria-label={`Slide ${i + 1}`}>
              <div className="print-slide">
                <Stage label={`Slide ${i + 1}`}>
                  <SlideView index={i} step={meta.steps} preview />
                </Stage>
              </div>
              {notes && (
                <div className="print-notes">
                  <p className="print-number">Slide {i + 1}</p>
                  {meta.notes > 0 && <SlideView index={i} step={meta.steps} part="notes" preview />}
                </div>
              )}
            </section>
          ))}
      </div>
    </DeckRuntimeContext.Provider>
  );
}
