import { describe, expect, it } from 'vitest';
import { FAULTS, illustrateScene, type SceneInputs } from './sceneModel.ts';

const scene = (over: Partial<SceneInputs>): SceneInputs => ({
  mode: 'metadata',
  requests: 1,
  seed: 1,
  faults: [],
  ...over,
});

describe('the illustrated scene', () => {
  it('draws the same picture from the same inputs', () => {
    expect(illustrateScene(scene({ seed: 7 }))).toEqual(illustrateScene(scene({ seed: 7 })));
    expect(illustrateScene(scene({ seed: 7 }))).not.toEqual(illustrateScene(scene({ seed: 8 })));
  });

  it('metadata mode: one connected trace, request to command to projection and follow-up', () => {
    const pic = illustrateScene(scene({}));
    expect(pic.connected).toBe(true);
    expect(pic.traces).toHaveLength(1);
    expect(pic.traces[0]?.spans.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'COMMAND: UpdateStuff',
        'PROJECTION: StuffProjection',
        'COMMAND: NotifyOwner',
      ]),
    );
  });

  it('process mode: the trace breaks at every process hop', () => {
    const pic = illustrateScene(scene({ mode: 'process' }));
    expect(pic.connected).toBe(false);
    expect(pic.traces.filter((t) => t.lostParent).map((t) => t.spans[0]?.name)).toEqual([
      'COMMAND: UpdateStuff',
      'PROJECTION: StuffProjection',
      'PROCESS MANAGER: StuffNotifier',
    ]);
    expect(pic.verdict).toMatch(/3 traces lost their parent/);
  });

  it('faults break the metadata chain where they say', () => {
    const noEvents = illustrateScene(scene({ faults: [FAULTS.noEventMetadata] }));
    expect(noEvents.traces[0]?.spans.map((s) => s.name)).toContain('COMMAND: UpdateStuff');
    expect(noEvents.traces.filter((t) => t.lostParent)).toHaveLength(2);
    const dropped = illustrateScene(scene({ faults: [FAULTS.handlerDropsMetadata] }));
    expect(dropped.traces.filter((t) => t.lostParent).map((t) => t.spans[0]?.name)).toEqual([
      'COMMAND: NotifyOwner',
    ]);
  });

  it('global mode mixes up concurrent requests', () => {
    expect(illustrateScene(scene({ mode: 'global', scenario: 'poc' })).connected).toBe(true);
    const two = illustrateScene(scene({ mode: 'global', scenario: 'poc', requests: 2 }));
    expect(two.connected).toBe(false);
    expect(two.traces[0]?.spans.some((s) => s.wrongParent)).toBe(true);
  });

  it('links mode: one batch span linking to each request trace', () => {
    const pic = illustrateScene(scene({ mode: 'links', requests: 3 }));
    const batch = pic.traces[pic.traces.length - 1]?.spans[0];
    expect(batch?.links).toEqual([0, 1, 2]);
  });

  it('keeps the picture to the latest traces', () => {
    const pic = illustrateScene(scene({ mode: 'process', requests: 4 }));
    expect(pic.traces.length).toBeLessThanOrEqual(5);
    expect(pic.hidden).toBe(16 - pic.traces.length);
  });
});
