import { describe, expect, it } from 'vitest';
import { contextHops } from '../model/contextHops.ts';
import { DEFAULT_SETTINGS } from './store.scene.ts';
import { createSceneController } from './SceneController.ts';

/** Frames the test runs by hand: `tick()` runs the one the scene asked for. */
function manualFrames() {
  let next: ((t: number) => void) | null = null;
  let t = 0;
  return {
    source: {
      request: (cb: (t: number) => void) => {
        next = cb;
        return 1;
      },
      cancel: () => {
        next = null;
      },
    },
    tick() {
      const cb = next;
      next = null;
      cb?.((t += 16));
    },
  };
}

function processRun() {
  const frames = manualFrames();
  const scene = createSceneController({
    settings: { ...DEFAULT_SETTINGS, mode: 'process' },
    frames: frames.source,
  });
  scene.send(1);
  scene.finish();
  frames.tick();
  return { scene, frames };
}

describe('the selection a run opens at', () => {
  it('is the first break, with its span, until the learner chooses', () => {
    const { scene } = processRun();
    const focus = contextHops(scene.buffer()).focus;
    expect(focus?.reason).toBe('cut');
    const s = scene.store.getState();
    // Process mode: the first trace is the request's root, with nothing flagged; the page opens
    // the trace where the context was lost, at the span that started it.
    expect(s.selectedTraceId).toBe(focus?.traceId);
    expect(s.selectedSpanId).toBe(focus?.spanId);
    expect(s.selectedTraceId).not.toBe([...scene.buffer().traces.keys()][0]);
  });

  it('stays where the learner put it', () => {
    const { scene, frames } = processRun();
    const first = [...scene.buffer().traces.keys()][0]!;
    scene.selectTrace(first);
    scene.send(1);
    scene.finish();
    frames.tick();
    expect(scene.store.getState().selectedTraceId).toBe(first);
  });
});
