import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { DeckStore } from './store.deck.ts';

/** A small bar for mouse and touch: it shows on movement or focus and hides when the talk runs. */
export function DeckControls({
  store,
  total,
  onPresenter,
}: {
  store: DeckStore;
  total: number;
  onPresenter: () => void;
}) {
  const slide = useStore(store, (s) => s.slide);
  const split = useStore(store, (s) => s.split);
  const theme = useStore(store, (s) => s.theme);
  const [awake, setAwake] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      setAwake(true);
      clearTimeout(timer);
      timer = setTimeout(() => setAwake(false), 2500);
    };
    window.addEventListener('pointermove', wake);
    return () => {
      window.removeEventListener('pointermove', wake);
      clearTimeout(timer);
    };
  }, []);
  const s = store.getState();
  return (
    <nav className="deck-controls" data-awake={awake} aria-label="Deck controls">
      <button type="button" onClick={() => s.prev()} aria-label="Previous">
        ←
      </button>
      <span className="deck-count" aria-hidden="true">
        {slide + 1} / {total}
      </span>
      <button type="button" onClick={() => s.next()} aria-label="Next">
        →
      </button>
      <button type="button" onClick={() => s.toggle('overview')}>
        Overview
      </button>
      <button type="button" onClick={onPresenter}>
        Presenter
      </button>
      <button type="button" onClick={() => s.toggle('split')} aria-pressed={split}>
        Live scene
      </button>
      <button type="button" onClick={() => s.setTheme(theme === 'dark' ? 'light' : 'dark')}>
        {theme === 'dark' ? 'Light' : 'Dark'}
      </button>
      <a className="deck-controls-link" href={`#/read/${slide + 1}`}>
        Read
      </a>
      <button type="button" onClick={() => s.toggle('help')} aria-label="Help">
        ?
      </button>
    </nav>
  );
}
