import { describe, expect, it } from 'vitest';
import { createSimulation } from '../core/simulation.ts';
import { EXITED_NAMES_KEPT, SceneRecorder } from './SceneRecorder.ts';
import { EVICTION_SLACK } from './TraceBuffer.ts';

/** A recorder fed by a metadata-mode run of `requests` lab orders, 10 at a time. */
function stream(recorder: SceneRecorder, requests: number, onIdle?: () => void): void {
  const sim = createSimulation({ mode: 'metadata', seed: 7, onEvent: recorder.onEvent });
  sim.load(requests, 10);
  while (sim.runUntilIdle(5_000) > 0) onIdle?.();
  recorder.flush();
}

describe('bounded scene buffers', () => {
  it('never holds more spans than the cap, and frees a slice of it at once', () => {
    const cap = 1_000;
    const recorder = new SceneRecorder(cap);
    let most = 0;
    stream(recorder, 150, () => (most = Math.max(most, recorder.buffer.size)));
    const buffer = recorder.buffer;
    expect(most).toBeLessThanOrEqual(cap);
    expect(buffer.size).toBeLessThanOrEqual(cap);
    expect(buffer.evictedTraces).toBeGreaterThan(100);
    // Every span ever recorded is either held or counted as evicted.
    expect(buffer.size + buffer.evictedSpans).toBe(150 * 37);
    // Whole traces go: what is held are complete 37-span traces.
    for (const trace of buffer.traces.values()) expect(trace.spanIds).toHaveLength(37);
    expect(EVICTION_SLACK).toBeGreaterThan(0);
  });

  it('keeps the pinned (selected) trace while newer ones are evicted', () => {
    const recorder = new SceneRecorder(1_000);
    let pinned: string | undefined;
    stream(recorder, 150, () => {
      if (pinned === undefined && recorder.buffer.traces.size > 3) {
        pinned = [...recorder.buffer.traces.keys()][1]!;
        recorder.buffer.pin(pinned);
      }
    });
    expect(pinned).toBeDefined();
    expect(recorder.buffer.evictedTraces).toBeGreaterThan(100);
    expect(recorder.buffer.traces.has(pinned!)).toBe(true);
    expect(recorder.buffer.size).toBeLessThanOrEqual(1_000);
  });

  it('forgets the node names of exited processes beyond a bound', () => {
    const recorder = new SceneRecorder(1_000, 100);
    stream(recorder, 300);
    // Every request spawns short-lived processes; without the bound this would be over 300.
    expect(recorder.knownProcesses).toBeLessThanOrEqual(100 + 50);
    expect(EXITED_NAMES_KEPT).toBeGreaterThan(1_000);
    expect(recorder.flights.size).toBe(0);
    expect(recorder.stacks.size).toBe(0);
  });
});
