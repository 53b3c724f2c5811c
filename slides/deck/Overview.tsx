import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { SlideMeta } from './deckMeta.ts';
import { useProgressiveCount } from '../read/useProgressiveCount.ts';
import { ThumbPicture } from './ThumbPicture.tsx';

/**
 * Drawing a slide fits its text to the stage, several layouts each: drawing all 53 thumbnails at
 * once held the overview back a second on a fast machine, and 5.8 s with the CPU slowed 4×. So
 * the overview opens with the pictures nearest the open slide, and draws the others a few per
 * frame, nearest first, while arrows and Enter keep working.
 */
const FIRST_AROUND = 4;
const MORE_AROUND = 2;

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
  // Thumbnails closer than this to the open slide are drawn.
  const { shown: drawnAround } = useProgressiveCount(
    Math.max(current, slides.length - 1 - current) + 1,
    FIRST_AROUND,
    MORE_AROUND,
  );
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
            <ThumbPicture
              index={i}
              steps={meta.steps}
              label={meta.label}
              drawn={Math.abs(i - current) < drawnAround}
            />
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
