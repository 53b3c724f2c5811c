import { describe, expect, it } from 'vitest';
import type { SlideMeta } from './deckMeta.ts';
import { DEFAULT_SCENE, dockSceneAt, slideSceneAt } from './sceneAt.ts';

const slide = (scenes: SlideMeta['scenes']): SlideMeta => ({
  title: '',
  autoscale: false,
  steps: 1,
  notes: 0,
  scenes,
  live: false,
  directives: {},
});

describe('scene settings', () => {
  it('applies a slide’s markers up to the current build', () => {
    const scenes = [
      { step: 0, mode: 'process' as const },
      { step: 1, mode: 'metadata' as const, faults: ['no-event-metadata'] },
    ];
    expect(slideSceneAt(DEFAULT_SCENE, scenes, 0).mode).toBe('process');
    expect(slideSceneAt(DEFAULT_SCENE, scenes, 1)).toMatchObject({
      mode: 'metadata',
      faults: ['no-event-metadata'],
    });
  });

  it('builds up the docked scene over the talk: settings replace, requests add up', () => {
    const slides = [
      slide([{ step: 0, mode: 'global', requests: 1 }]),
      slide([]),
      slide([
        { step: 0, mode: 'process', requests: 1 },
        { step: 1, requests: 2, mode: 'metadata' },
      ]),
    ];
    expect(dockSceneAt(slides, { slide: 1, step: 0 })).toMatchObject({
      mode: 'global',
      requests: 1,
    });
    expect(dockSceneAt(slides, { slide: 2, step: 0 })).toMatchObject({
      mode: 'process',
      requests: 2,
    });
    expect(dockSceneAt(slides, { slide: 2, step: 1 })).toMatchObject({
      mode: 'metadata',
      requests: 4,
    });
  });
});
