import { beatLabel } from './beats.ts';
import './story.css';

/**
 * A small, quiet marker of the hero's-journey step the story is at ("8 · Ordeal"), in a corner
 * of the slide. Written once where a step starts; remarkRead repeats it on the slides after.
 */
export function Beat({ n }: { n: number | string }) {
  const label = beatLabel(Number(n));
  if (!label) return null;
  return (
    <p className="beat" data-beat={Number(n)} aria-label={`Hero's journey: step ${label}`}>
      {label}
    </p>
  );
}

/** A reference back to a step of the journey, inline ("← 8 · Ordeal"), for the closing slides. */
export function BeatRef({ n }: { n: number | string }) {
  const label = beatLabel(Number(n));
  return label ? <span className="beat-ref">{label}</span> : null;
}
