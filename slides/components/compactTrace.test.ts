import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../sandbox/core/simulation.ts';
import { SceneRecorder } from '../../sandbox/model/SceneRecorder.ts';
import type { SpanRecord } from '../../sandbox/model/SpanRecord.ts';
import { compactTrace } from './compactTrace.ts';

function run(mode: 'metadata' | 'process') {
  const recorder = new SceneRecorder();
  const sim = createSimulation({ mode, seed: 1, onEvent: recorder.onEvent });
  sim.send(1);
  sim.runUntilIdle(1_000_000);
  sim.dispose();
  recorder.flush();
  const nodeOf = (span: SpanRecord) => {
    const pid = span.attributes['elixir.process'];
    return span.message?.toNode ?? (typeof pid === 'string' ? recorder.nodeOf(pid) : undefined);
  };
  return { buffer: recorder.buffer, nodeOf };
}

describe('compactTrace', () => {
  it('draws the 37-span connected request as a row per process visit, every span in a row', () => {
    const { buffer, nodeOf } = run('metadata');
    const traceId = [...buffer.traces.keys()][0]!;
    const trace = compactTrace(buffer, traceId, 12, nodeOf)!;
    expect(trace.collapsed).toBe(true);
    expect(trace.spans).toBe(37);
    expect(trace.rows).toHaveLength(17);
    const ids = trace.rows.flatMap((r) => r.spanIds);
    expect(new Set(ids).size).toBe(37);
    expect(trace.rows[0]).toMatchObject({ depth: 0, node: 'RequestProcess' });
    expect(trace.rows[0]!.spanIds).toHaveLength(3);
    // Each row below the first is a process the context reached, one level under its sender.
    for (const row of trace.rows.slice(1)) {
      expect(row.span.parentRemote).toBe(true);
      expect(row.node).toBe(row.span.message?.toNode);
    }
  });

  it('keeps a row per span for a small trace, flagging the break', () => {
    const { buffer, nodeOf } = run('process');
    const broken = [...buffer.traces.values()].find((t) => t.breaks > 0)!;
    const trace = compactTrace(buffer, broken.traceId, 12, nodeOf)!;
    expect(trace.collapsed).toBe(false);
    expect(trace.rows.map((r) => r.spanIds.length)).toEqual(trace.rows.map(() => 1));
    expect(trace.rows[0]!.flagged).toBe(true);
    expect(compactTrace(buffer, 'no-such-trace', 12, nodeOf)).toBeNull();
  });
});
