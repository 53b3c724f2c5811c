import { describe, expect, it } from 'vitest';
import { PublishPacer } from './publishPacer.ts';

/** Frames at 60 Hz for `seconds`, with `perSecond` spans ending; how many publish. */
function publishes(pacer: PublishPacer, seconds: number, perSecond: number, from = 0): number {
  let n = 0;
  for (let f = 0; f < seconds * 60; f++) {
    const t = from + (f * 1000) / 60;
    pacer.tick(t, Math.floor((t / 1000) * perSecond));
    if (pacer.shouldPublish(t)) n++;
  }
  return n;
}

describe('PublishPacer', () => {
  it('publishes every frame at a speaker’s pace', () => {
    expect(publishes(new PublishPacer(), 2, 40)).toBe(120);
  });

  it('publishes a few times a second while spans stream fast', () => {
    const n = publishes(
      new PublishPacer({ busySpansPerSecond: 600, slowHz: 8, drawHz: 15 }),
      4,
      5000,
    );
    // The first quarter second has no rate yet (every frame), then at most 8 a second.
    expect(n).toBeLessThanOrEqual(15 + 4 * 8 + 1);
    expect(n).toBeGreaterThanOrEqual(4 * 8 - 2);
  });

  it('draws the canvas at most drawHz times a second while busy, every frame otherwise', () => {
    const pacer = new PublishPacer({ busySpansPerSecond: 600, slowHz: 8, drawHz: 15 });
    let draws = 0;
    for (let f = 0; f < 240; f++) {
      const t = (f * 1000) / 60;
      pacer.tick(t, Math.floor(t * 5));
      if (f >= 60 && pacer.shouldDraw(t)) draws++;
    }
    expect(draws).toBeLessThanOrEqual(3 * 15 + 1);
    expect(draws).toBeGreaterThanOrEqual(3 * 15 - 8);
    const calm = new PublishPacer();
    let calmDraws = 0;
    for (let f = 0; f < 120; f++) {
      calm.tick((f * 1000) / 60, f);
      if (calm.shouldDraw((f * 1000) / 60)) calmDraws++;
    }
    expect(calmDraws).toBe(120);
  });

  it('goes back to every frame when the stream slows', () => {
    const pacer = new PublishPacer();
    publishes(pacer, 2, 5000);
    // Quiet again: spans ended stays flat. Once a quarter second has measured the new rate,
    // every frame publishes.
    const quiet = Array.from({ length: 60 }, (_, f) => {
      pacer.tick(2000 + (f * 1000) / 60, 10_000);
      return pacer.shouldPublish(2000 + (f * 1000) / 60);
    });
    expect(quiet.slice(30).every(Boolean)).toBe(true);
    expect(quiet.slice(0, 10).every(Boolean)).toBe(false);
  });
});
