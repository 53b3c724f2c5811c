import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { streamRun } from '../cli/streamRun.ts';
import type { Fault } from '../core/config.ts';
import type { PropagationMode } from '../core/propagation/index.ts';
import { createSimulation } from '../core/simulation.ts';
import { contextHops } from './contextHops.ts';
import { parseTraceJson } from './otlpImport.ts';
import { recordsToOtlpJson } from './otlpExport.ts';
import { SceneRecorder } from './SceneRecorder.ts';
import { spanNodes } from './simAttributes.ts';
import { toOtlpJson } from '../telemetry/otlpJson.ts';
import { bufferFrom, type TraceBuffer } from './TraceBuffer.ts';

function live(mode: PropagationMode, requests: number, faults: Fault[] = []): SceneRecorder {
  const recorder = new SceneRecorder();
  const sim = createSimulation({ mode, seed: 4, faults, onEvent: recorder.onEvent });
  sim.load(requests, requests);
  sim.runUntilIdle(1_000_000);
  sim.dispose();
  recorder.flush();
  return recorder;
}

/** What the picture and the explanations are made of, comparable between two buffers. */
function picture(buffer: TraceBuffer, nodeOfPid?: (pid: string) => string | undefined) {
  const hops = contextHops(buffer, { nodeOfPid });
  return {
    hops: hops.hops.map((h) => `${h.key} ${h.state} ${h.label} ${JSON.stringify(h.counts)}`),
    breakHop: hops.breakHop?.key,
    mixes: hops.mixes.map((m) => m.label),
    focus: hops.focus,
    nodeTraces: [...hops.nodeTraces].sort(([a], [b]) => (a < b ? -1 : 1)),
    flags: [...buffer.flags].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

describe('an exported run, imported again, draws the same picture', () => {
  it.each([
    ['process', 1, []],
    ['metadata', 2, ['drop-metadata']],
    ['links', 2, []],
    ['global', 3, []],
  ] as const)('%s mode, %i request(s), faults %j', (mode, requests, faults) => {
    const recorder = live(mode, requests, [...faults]);
    const records = [...recorder.buffer.spans.values()];
    const nodes = spanNodes(records, (pid) => recorder.nodeOf(pid));
    // Every span knows its box, the request processes' too (they exited long ago).
    expect(nodes.size).toBe(records.length);
    const result = parseTraceJson(recordsToOtlpJson(records, undefined, nodes));
    if (!result.ok) throw new Error(result.error);
    const imported = bufferFrom(result.spans);
    const before = picture(recorder.buffer, (pid) => recorder.nodeOf(pid));
    expect(before.hops.length).toBeGreaterThan(3);
    // Imported, nobody knows the pids: the file says it all.
    expect(picture(imported)).toEqual(before);
  });

  it('brings back what a message carried, for the span details', () => {
    const recorder = live('metadata', 1);
    const records = [...recorder.buffer.spans.values()];
    const nodes = spanNodes(records, (pid) => recorder.nodeOf(pid));
    const result = parseTraceJson(recordsToOtlpJson(records, undefined, nodes));
    if (!result.ok) throw new Error(result.error);
    const router = result.spans.find((s) => s.name === 'commanded.router.dispatch');
    const original = records.find((s) => s.spanId === router?.spanId);
    expect(router?.message).toMatchObject({
      fromNode: original?.message?.fromNode,
      toNode: 'Router',
      summary: 'command PlaceLabOrder',
      traceparent: original?.message?.traceparent,
      metadata: original?.message?.metadata,
    });
  });
});

describe('a file the CLI wrote draws the picture of the same run live', () => {
  it.each([
    ['process', 1, []],
    ['metadata', 2, ['drop-metadata']],
    ['global', 3, []],
  ] as const)('%s mode, %i request(s), faults %j', async (mode, requests, faults) => {
    const spans: ReadableSpan[] = [];
    await streamRun(
      { mode, seed: 4, faults: [...faults], requests, concurrency: requests, batchSpans: 50 },
      (batch) => {
        spans.push(...batch);
      },
    );
    const result = parseTraceJson(toOtlpJson(spans));
    if (!result.ok) throw new Error(result.error);
    const fromCli = picture(bufferFrom(result.spans));
    const recorder = live(mode, requests, [...faults]);
    expect(fromCli).toEqual(picture(recorder.buffer, (pid) => recorder.nodeOf(pid)));
    // Before the CLI wrote each span's box and message, its files had no hops to draw.
    expect(fromCli.hops.length).toBeGreaterThan(3);
  });
});
