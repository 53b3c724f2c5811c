/** A place in the deck: a 0-based slide and how many of its builds are shown. */
export interface Position {
  slide: number;
  step: number;
}

/** Clamps a position into the deck described by `steps` (builds per slide). */
export function clampPosition(p: Position, steps: readonly number[]): Position {
  const lastSlide = Math.max(0, steps.length - 1);
  const slide = Math.min(Math.max(0, Math.trunc(p.slide) || 0), lastSlide);
  const step = Math.min(Math.max(0, Math.trunc(p.step) || 0), steps[slide] ?? 0);
  return { slide, step };
}

/** The next build, or the next slide's first view. Stays put at the end. */
export function nextPosition(p: Position, steps: readonly number[]): Position {
  const { slide, step } = clampPosition(p, steps);
  if (step < (steps[slide] ?? 0)) return { slide, step: step + 1 };
  if (slide < steps.length - 1) return { slide: slide + 1, step: 0 };
  return { slide, step };
}

/** The previous build, or the previous slide with all its builds shown. Stays put at the start. */
export function prevPosition(p: Position, steps: readonly number[]): Position {
  const { slide, step } = clampPosition(p, steps);
  if (step > 0) return { slide, step: step - 1 };
  if (slide > 0) return { slide: slide - 1, step: steps[slide - 1] ?? 0 };
  return { slide, step };
}

export function firstPosition(): Position {
  return { slide: 0, step: 0 };
}

/** The last slide with all its builds shown. */
export function lastPosition(steps: readonly number[]): Position {
  const slide = Math.max(0, steps.length - 1);
  return { slide, step: steps[slide] ?? 0 };
}

/**
 * Reads `12` or `12.2` (1-based slide, then the build) into a position; undefined if it is not one.
 */
export function parsePosition(segment: string): Position | undefined {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(segment);
  if (!m) return undefined;
  return { slide: Math.max(0, Number(m[1]) - 1), step: Number(m[2] ?? 0) };
}

/** `12` for slide 12's first view, `12.2` once two builds are shown. */
export function formatPosition(p: Position): string {
  return p.step > 0 ? `${p.slide + 1}.${p.step}` : String(p.slide + 1);
}

export function samePosition(a: Position, b: Position): boolean {
  return a.slide === b.slide && a.step === b.step;
}

/** The position in a URL: its last `12` or `12.2` path segment (`#/12`, `#/presenter/12.2`, `/12`). */
export function positionInUrl(url: string): Position | undefined {
  const segments = url.replace(/^#/, '').split(/[/?#]/).filter(Boolean);
  for (let i = segments.length - 1; i >= 0; i--) {
    const p = parsePosition(segments[i] ?? '');
    if (p) return p;
  }
  return undefined;
}
