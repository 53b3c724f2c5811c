import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { SlideMeta } from './deckMeta.ts';
import { SlideView } from './SlideView.tsx';
import { Stage } from './Stage.tsx';

/** Every slide as a thumbnail; arrows move, Enter jumps, Escape or `o` closes. */
export function Overview({
  slides,
  current,
  onPick,
  onClose,
}: {
  slides: readonly SlideMeta[];
  current: number;
  onPick: (slide: number) => void;
  onClose: () => void;
}) {
  const gridRef = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = gridRef.current?.querySelector<HTMLButtonElement>(`[data-thumb="${current + 1}"]`);
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  }, [current]);

  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>) => {
    const grid = gridRef.current;
    const active = document.activeElement;
    if (!grid || !(active instanceof HTMLElement) || !active.dataset.thumb) return;
    const index = Number(active.dataset.thumb) - 1;
    const columns = getComputedStyle(grid).gridTemplateColumns.split(' ').length || 1;
    const move = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns }[e.key];
    if (move === undefined) return;
    e.preventDefault();
    const to = Math.min(Math.max(0, index + move), slides.length - 1);
    grid.querySelector<HTMLButtonElement>(`[data-thumb="${to + 1}"]`)?.focus();
  };

  return (
    <div className="overlay overview" role="dialog" aria-modal="true" aria-label="All slides">
      <div className="overview-head">
        <h2>All slides</h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ol ref={gridRef} className="overview-grid" onKeyDown={onKeyDown}>
        {slides.map((meta, i) => (
          <li key={i} className="thumb-cell">
            {/* The picture is inert and beside the button, not in it: a slide's own controls
                (a live scene's) would be interactive elements nested in a button. */}
            <div className="thumb-picture" inert aria-hidden="true">
              <Stage label={`Slide ${i + 1}`}>
                <SlideView index={i} step={meta.steps} preview />
              </Stage>
            </div>
            <button
              type="button"
              className="thumb"
              data-thumb={i + 1}
              aria-current={i === current ? 'true' : undefined}
              aria-label={`Slide ${i + 1}: ${meta.label}`}
              onClick={() => onPick(i)}
            >
              <span className="thumb-number">{i + 1}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
