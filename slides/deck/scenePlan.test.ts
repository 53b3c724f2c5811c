import { describe, expect, it } from 'vitest';
import type { SlideMeta } from './deckMeta.ts';
import { dockRequestPlan, extendsPlan, slideRequestPlan } from './scenePlan.ts';

const slide = (steps: number, scenes: SlideMeta['scenes']): SlideMeta => ({
  title: '',
  autoscale: false,
  steps,
  notes: 0,
  scenes,
  live: true,
  directives: {},
});

describe('request plans', () => {
  it('a slide sends its base requests, then what a build adds, then inputs in build order', () => {
    const scenes = [
      { step: 0, requests: 1 },
      { step: 2, requests: 3 },
    ];
    const inputs = [
      { kind: 'send', step: 2 },
      { kind: 'send', step: 0, count: 2 },
      { kind: 'mode', step: 0, mode: 'global' },
    ];
    expect(slideRequestPlan(1, scenes, inputs, 0)).toEqual([1, 2]);
    expect(slideRequestPlan(1, scenes, inputs, 1)).toEqual([1, 2]);
    expect(slideRequestPlan(1, scenes, inputs, 2)).toEqual([1, 2, 2, 1]);
    // A marker that lowers the count sends nothing.
    expect(slideRequestPlan(3, [{ step: 1, requests: 1 }], [], 1)).toEqual([3]);
    expect(slideRequestPlan(0, [], [], 0)).toEqual([]);
  });

  it('the dock adds up every marker so far, with its own inputs where they were made', () => {
    const slides = [
      slide(0, [{ step: 0, mode: 'global', requests: 1 }]),
      slide(1, [{ step: 1, requests: 2 }]),
    ];
    const inputs = [{ kind: 'send', slide: 0, step: 0 }];
    expect(dockRequestPlan(slides, { slide: 0, step: 0 }, inputs)).toEqual([1, 1]);
    expect(dockRequestPlan(slides, { slide: 1, step: 0 }, inputs)).toEqual([1, 1]);
    expect(dockRequestPlan(slides, { slide: 1, step: 1 }, inputs)).toEqual([1, 1, 2]);
  });

  it('knows when a plan goes on from another, and when the scene must start over', () => {
    expect(extendsPlan([1], [1, 2])).toBe(true);
    expect(extendsPlan([1, 2], [1, 2])).toBe(true);
    expect(extendsPlan([1, 2], [1])).toBe(false);
    expect(extendsPlan([1, 2], [1, 3])).toBe(false);
  });
});
