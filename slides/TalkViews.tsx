import { Suspense } from 'react';
import { lazyLoaded } from '../app/lazyLoaded.ts';
import { Deck } from './deck/Deck.tsx';
import { Presenter } from './deck/Presenter.tsx';
import { PrintDeck } from './deck/PrintDeck.tsx';
import { talk, talkReading } from './talk.ts';

export { preloadWholeTalk } from './talk.ts';

// The tutorial (its progress, guided steps, glossary) loads only when it is opened. The route
// preloads it (app/routes.ts), so its first render, and the hydration of its prerendered page,
// never waits for it (lazyLoaded.ts).
const Reading = lazyLoaded(() => import('./read/ReadingView.tsx').then((m) => m.ReadingView));
export const preloadReadingView = Reading.preload;
const ReadingView = Reading.Component;

/** The talk's audience view (`#/12`). */
export function TalkDeck() {
  return <Deck runtime={talk} />;
}

/** The talk's presenter view (`#/presenter/12`). */
export function TalkPresenter() {
  return <Presenter runtime={talk} />;
}

/** Every slide for print and PDF (`#/print`, `#/print/notes`). */
export function TalkPrint({ notes }: { notes?: unknown }) {
  return <PrintDeck runtime={talk} notes={notes === true} />;
}

/** The talk as an article (`#/read`, `#/read/12`). */
export function TalkReading({ slide }: { slide?: unknown }) {
  return (
    <Suspense fallback={null}>
      <ReadingView
        runtime={talk}
        reading={talkReading}
        slide={typeof slide === 'number' ? slide : undefined}
      />
    </Suspense>
  );
}
