import { describe, expect, it } from 'vitest';
import type { SlideMeta } from './deckMeta.ts';
import { DEFAULT_SCENE } from './sceneAt.ts';
import { dockPlan, extendsPlan, scenePace, slidePlan, stepSpeed, withInput } from './scenePlan.ts';

const slide = (steps: number, scenes: SlideMeta['scenes']): SlideMeta => ({
  title: '',
  label: '',
  autoscale: false,
  steps,
  notes: 0,
  scenes,
  live: true,
  directives: {},
});

const base = (requests: number) => ({ ...DEFAULT_SCENE, mode: 'process' as const, requests });

describe('scene pace and replay', () => {
  it('replays the same requests from the start, playing', () => {
    const plan = slidePlan(base(2), [], [{ kind: 'step' }], 0);
    const again = withInput(plan, { kind: 'replay' });
    expect(again.batches).toEqual(plan.batches);
    expect(again.resets).toBe(plan.resets + 1);
    expect(again.playing).toBe(true);
    expect(again.steps).toBe(0);
  });

  it('steps slower and faster from the slide pace', () => {
    const plan = slidePlan(base(1), [], [], 0);
    expect(scenePace(plan.settings)).toBe(5);
    expect(scenePace({ scenario: 'proof-of-concept' })).toBe(0.5);
    expect(withInput(plan, { kind: 'slower' }).speed).toBe(2);
    expect(withInput(withInput(plan, { kind: 'faster' }), { kind: 'faster' }).speed).toBe(25);
    expect(stepSpeed(100, 1)).toBe(100);
    expect(stepSpeed(0.1, -1)).toBe(0.1);
  });
});

describe('scene plans', () => {
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
    expect(slidePlan(base(1), scenes, inputs, 0).batches).toEqual([1, 2]);
    expect(slidePlan(base(1), scenes, inputs, 1).batches).toEqual([1, 2]);
    expect(slidePlan(base(1), scenes, inputs, 2).batches).toEqual([1, 2, 2, 1]);
    expect(slidePlan(base(1), scenes, inputs, 0).settings.mode).toBe('global');
    // A marker that lowers the count sends nothing.
    expect(slidePlan(base(3), [{ step: 1, requests: 1 }], [], 1).batches).toEqual([3]);
    expect(slidePlan(base(0), [], [], 0).batches).toEqual([]);
  });

  it('applies markers and inputs in the order they happened', () => {
    const scenes = [{ step: 1, mode: 'metadata' as const, faults: ['drop-metadata'] }];
    // A mode switched by a key at build 0 gives way to the build 1 marker…
    const early = [{ kind: 'mode', mode: 'links', step: 0 }];
    expect(slidePlan(base(1), scenes, early, 1).settings).toMatchObject({ mode: 'metadata' });
    // …and one switched at build 1 wins over it.
    const late = [{ kind: 'mode', mode: 'links', step: 1 }];
    expect(slidePlan(base(1), scenes, late, 1).settings).toMatchObject({
      mode: 'links',
      faults: ['drop-metadata'],
    });
  });

  it('folds the sandbox’s own inputs: reset, seed, faults, speed, play, pause and step', () => {
    const inputs = [
      { kind: 'send', count: 2 },
      { kind: 'reset' },
      { kind: 'seed', seed: 7 },
      { kind: 'faults', faults: ['task-loses-context'] },
      { kind: 'send' },
      { kind: 'speed', speed: 5 },
      { kind: 'step' },
      { kind: 'seed', seed: -1 },
      { kind: 'mode', mode: 'nonsense' },
      { kind: 'unknown' },
    ];
    const plan = slidePlan(base(1), [], inputs, 0);
    expect(plan).toMatchObject({
      batches: [1],
      resets: 1,
      speed: 5,
      playing: false,
      steps: 1,
      settings: { mode: 'process', seed: 7, faults: ['task-loses-context'] },
    });
    expect(withInput(plan, { kind: 'play' }).playing).toBe(true);
  });

  it('the dock runs every slide’s requests in turn, with its own inputs where they were made', () => {
    const slides = [
      slide(0, [{ step: 0, mode: 'global', requests: 1 }]),
      slide(1, [{ step: 1, requests: 2 }]),
    ];
    const inputs = [
      { kind: 'send', slide: 0, step: 0 },
      { kind: 'mode', mode: 'links', slide: 1, step: 1 },
    ];
    expect(dockPlan(slides, { slide: 0, step: 0 }, inputs).batches).toEqual([1, 1]);
    expect(dockPlan(slides, { slide: 1, step: 0 }, inputs).batches).toEqual([1, 1]);
    expect(dockPlan(slides, { slide: 1, step: 0 }, inputs).settings.mode).toBe('global');
    expect(dockPlan(slides, { slide: 1, step: 1 }, inputs)).toMatchObject({
      batches: [1, 1, 2],
      settings: { mode: 'links' },
    });
  });

  it('`requests` is a slide’s count so far, on the slide and in the dock alike', () => {
    // <LiveScene requests={1}> with <Scene requests={1}/>, then <Step><Scene requests={3}/></Step>.
    const scenes = [
      { step: 0, mode: 'global' as const, requests: 1 },
      { step: 1, requests: 3 },
    ];
    const slides = [slide(0, [{ step: 0, requests: 2 }]), slide(1, scenes)];
    const onSlide = slidePlan({ ...base(1), mode: 'global' }, scenes, [], 1);
    const inDock = dockPlan(slides, { slide: 1, step: 1 }, []);
    expect(onSlide.batches).toEqual([1, 2]);
    // The dock ran slide 1's two requests first, then the same batches as the slide.
    expect(inDock.batches).toEqual([2, ...onSlide.batches]);
    expect(inDock.settings).toEqual(onSlide.settings);
  });

  it('knows when a plan goes on from another, and when the scene must start over', () => {
    expect(extendsPlan([1], [1, 2])).toBe(true);
    expect(extendsPlan([1, 2], [1, 2])).toBe(true);
    expect(extendsPlan([1, 2], [1])).toBe(false);
    expect(extendsPlan([1, 2], [1, 3])).toBe(false);
  });
});
