import { Deck } from './deck/Deck.tsx';
import { Presenter } from './deck/Presenter.tsx';
import { PrintDeck } from './deck/PrintDeck.tsx';
import { ReadingView } from './read/ReadingView.tsx';
import { talk, talkReading } from './talk.ts';

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
    <ReadingView
      runtime={talk}
      reading={talkReading}
      slide={typeof slide === 'number' ? slide : undefined}
    />
  );
}
