import { describe, expect, it } from 'vitest';
import { parseTraceJson } from '../model/otlpImport.ts';
import { TALK_EPOCH_MS } from '../telemetry/simTime.ts';
import { DEFAULT_SETTINGS } from './store.scene.ts';
import { createSceneController } from './SceneController.ts';

const noFrames = { request: () => 0, cancel: () => {} };

/** A scene that has run `requests` requests to the end; its export, parsed. */
function run(ids?: 'per-run' | 'seeded', requests = 2) {
  const scene = createSceneController({ settings: DEFAULT_SETTINGS, frames: noFrames, ids });
  scene.send(requests);
  scene.finish();
  const json = scene.exportJson();
  const doc = JSON.parse(json) as {
    resourceSpans: { scopeSpans: { spans: { traceId: string; startTimeUnixNano: string }[] }[] }[];
  };
  const spans = doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
  return { scene, json, spans, traces: [...scene.buffer().traces.keys()] };
}

describe('a scene’s ids and times', () => {
  it('gives each run of one seed its own trace ids (per-run, the default)', () => {
    const a = run();
    const b = run();
    expect(a.traces).toHaveLength(2);
    expect(a.traces.filter((t) => b.traces.includes(t))).toEqual([]);
    // A reset is a new run too.
    a.scene.reset();
    a.scene.send(2);
    a.scene.finish();
    const again = [...a.scene.buffer().traces.keys()];
    expect(again.filter((t) => a.traces.includes(t))).toEqual([]);
  });

  it('gives the same ids in every window with seeded ids (the deck)', () => {
    expect(run('seeded').traces).toEqual(run('seeded').traces);
  });

  it('exports a live run at wall-clock time, and an explicit epoch byte for byte', () => {
    const before = Date.now();
    const { scene, spans } = run('seeded');
    const after = Date.now();
    const startMs = Math.min(...spans.map((s) => Number(BigInt(s.startTimeUnixNano) / 1_000_000n)));
    expect(startMs).toBeGreaterThanOrEqual(before);
    expect(startMs).toBeLessThanOrEqual(after + 1000);
    expect(scene.exportJson(TALK_EPOCH_MS)).toBe(run('seeded').scene.exportJson(TALK_EPOCH_MS));
  });

  it('re-exports an imported file with its own times', () => {
    const { scene, json } = run();
    expect(scene.importText(json, 'sent.json')).toBe(true);
    expect(scene.exportJson()).toBe(json);
    expect(parseTraceJson(json)).toMatchObject({ ok: true });
  });
});
