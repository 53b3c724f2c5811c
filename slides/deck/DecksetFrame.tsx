/**
 * The parts of a slide's frame that Deckset's commands add (remarkDeck places them): the
 * background pictures, a picture on one side, columns, and the footer with the slide number.
 * All are laid out in theme.css, sized in cqw like the rest of the slide.
 */
import type { ReactNode } from 'react';
import './deckset.css';

/** `![](x.jpg)` pictures behind the slide; darkened when text sits on them. */
export function DeckBackground({
  filtered,
  children,
}: {
  filtered?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className="deck-background" data-filtered={filtered || undefined}>
      {children}
    </div>
  );
}

/** `![left](…)` / `![right](…)`: half the slide; the text takes the other half. */
export function DeckSide({ place, children }: { place?: string; children?: ReactNode }) {
  return (
    <div className="deck-side" data-place={place}>
      {children}
    </div>
  );
}

/** `[.column]`: the slide's content side by side. */
export function DeckColumns({ children }: { children?: ReactNode }) {
  return <div className="deck-columns">{children}</div>;
}

export function DeckColumn({ children }: { children?: ReactNode }) {
  return <div className="deck-column">{children}</div>;
}

/** `footer:` text and `slidenumbers: true`, at the foot of the slide. */
export function DeckFooter({
  number,
  total,
  children,
}: {
  number?: string;
  total?: string;
  children?: ReactNode;
}) {
  return (
    <footer className="deck-footer">
      <div className="deck-footer-text">{children}</div>
      {number && (
        <span className="deck-slide-number" aria-label={`Slide ${number}`}>
          {total ? `${number} / ${total}` : number}
        </span>
      )}
    </footer>
  );
}
