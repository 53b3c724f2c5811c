import { describe, expect, it } from 'vitest';
import {
  clampPosition,
  formatPosition,
  lastPosition,
  nextPosition,
  parsePosition,
  positionInUrl,
  prevPosition,
} from './navigation.ts';

// Three slides; the second has two builds.
const steps = [0, 2, 0];

describe('deck navigation', () => {
  it('steps through builds before moving on', () => {
    const path = [{ slide: 0, step: 0 }];
    for (let i = 0; i < 5; i++) path.push(nextPosition(path[path.length - 1]!, steps));
    expect(path.map(formatPosition)).toEqual(['1', '2', '2.1', '2.2', '3', '3']);
  });

  it('goes back through builds, entering a slide with all builds shown', () => {
    expect(prevPosition({ slide: 2, step: 0 }, steps)).toEqual({ slide: 1, step: 2 });
    expect(prevPosition({ slide: 1, step: 1 }, steps)).toEqual({ slide: 1, step: 0 });
    expect(prevPosition({ slide: 0, step: 0 }, steps)).toEqual({ slide: 0, step: 0 });
  });

  it('clamps places outside the deck', () => {
    expect(clampPosition({ slide: 99, step: 9 }, steps)).toEqual({ slide: 2, step: 0 });
    expect(clampPosition({ slide: 1, step: 9 }, steps)).toEqual({ slide: 1, step: 2 });
    expect(clampPosition({ slide: -3, step: -1 }, steps)).toEqual({ slide: 0, step: 0 });
    expect(lastPosition(steps)).toEqual({ slide: 2, step: 0 });
  });
});

describe('positions in URLs', () => {
  it('reads 1-based slides and builds', () => {
    expect(parsePosition('12')).toEqual({ slide: 11, step: 0 });
    expect(parsePosition('12.2')).toEqual({ slide: 11, step: 2 });
    expect(parsePosition('presenter')).toBeUndefined();
  });

  it('takes the last number in the URL', () => {
    expect(positionInUrl('#/12')).toEqual({ slide: 11, step: 0 });
    expect(positionInUrl('#/presenter/7.1')).toEqual({ slide: 6, step: 1 });
    expect(positionInUrl('/12')).toEqual({ slide: 11, step: 0 });
    expect(positionInUrl('#/')).toBeUndefined();
  });

  it('writes what it reads', () => {
    for (const p of [
      { slide: 0, step: 0 },
      { slide: 41, step: 3 },
    ])
      expect(parsePosition(formatPosition(p))).toEqual(p);
  });
});
