import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Fault } from '../core/config.ts';
import type { PropagationMode } from '../core/propagation/index.ts';
import type { ScenarioName } from '../core/scenarios.ts';
import { createSimulation } from '../core/simulation.ts';
import { SceneRecorder } from './SceneRecorder.ts';
import { NODE_TRACES, contextHops } from './contextHops.ts';
import { contextHopsOf } from './contextHopsOf.ts';

/** Runs batches of requests one after another, as a slide's builds do. */
function run(
  mode: PropagationMode,
  batches: number[],
  opts: { faults?: Fault[]; scenario?: ScenarioName } = {},
) {
  const recorder = new SceneRecorder();
  const sim = createSimulation({
    mode,
    seed: 1,
    scenario: opts.scenario,
    faults: opts.faults,
    onEvent: recorder.onEvent,
  });
  for (const n of batches) {
    sim.send(n);
    sim.runUntilIdle(1_000_000);
  }
  sim.dispose();
  recorder.flush();
  return recorder;
}

describe('contextHops', () => {
  it('marks every hop cut in process mode, the first one (Request → Router) as the break', () => {
    const recorder = run('process', [1]);
    const hops = contextHops(recorder.buffer);
    expect(hops.hops.length).toBeGreaterThan(5);
    expect(hops.hops.every((h) => h.state === 'cut')).toBe(true);
    expect(hops.breakHop?.key).toBe('RequestProcess>Router');
    expect(hops.breakHop?.label).toBe('no trace context');
    expect(hops.focus?.reason).toBe('cut');
    const span = recorder.buffer.spans.get(hops.focus!.spanId!)!;
    expect(span.name).toBe('commanded.router.dispatch');
    expect(hops.focus?.traceId).toBe(span.traceId);
    expect(hops.focus?.text).toMatch(/carried no trace context/);
    expect(hops.mixes).toEqual([]);
  });

  it('carries context to the aggregate with metadata, and cuts it where handlers ignore it', () => {
    const recorder = run('metadata', [1], { faults: ['handlers-ignore-metadata'] });
    const { byKey, breakHop, focus } = contextHops(recorder.buffer);
    expect(byKey.get('RequestProcess>Router')?.state).toBe('carried');
    expect(byKey.get('Router>LabOrder')?.state).toBe('carried');
    expect(byKey.get('Router>LabOrder')?.counts.carried).toBe(2);
    expect(breakHop?.from).toBe('EventStore');
    expect(breakHop?.state).toBe('cut');
    // The context travelled in the metadata; the handler did not read it.
    expect(breakHop?.label).toBe('context not read');
    expect(focus?.spanId).toBe(breakHop?.spanId);
    expect(focus?.text).toMatch(
      /carried trace context in its metadata, but the handler did not read it/,
    );
  });

  it('finds no break in a connected metadata run and focuses its whole trace', () => {
    const recorder = run('metadata', [1]);
    const hops = contextHops(recorder.buffer);
    expect(hops.breakHop).toBeUndefined();
    expect(hops.hops.every((h) => h.state === 'carried')).toBe(true);
    expect(hops.focus).toEqual({
      traceId: [...recorder.buffer.traces.keys()][0],
      reason: 'connected',
    });
  });

  it('names the mixed span and both requests, and focuses the wrong trace, in a global run', () => {
    const recorder = run('global', [1, 2], { scenario: 'proof-of-concept' });
    const hops = contextHops(recorder.buffer, { nodeOfPid: (pid) => recorder.nodeOf(pid) });
    expect(hops.mixes.length).toBeGreaterThan(0);
    const mix = hops.mixes[0]!;
    expect(mix.requestId).not.toBe(mix.parentRequestId);
    expect(mix.label).toBe(`${mix.requestId} under ${mix.parentRequestId}\u2019s span`);
    expect(mix.node).toBe('RequestProcess');
    expect(hops.focus?.reason).toBe('mixed');
    const trace = recorder.buffer.traces.get(hops.focus!.traceId)!;
    // The wrong trace holds spans of two requests; the connected req-1 trace is not it.
    expect(trace.requestIds.size).toBe(2);
    expect(trace.requestIds.has('req-1')).toBe(false);
    expect(hops.focus?.spanId).toBe(mix.spanId);
    expect(hops.focus?.text).toMatch(/Wrong parent/);
  });

  it('caches an answer that names nodes apart from one that does not', () => {
    // The sandbox's scene controller asked first, without nodes; the topology's later ask, with
    // nodes, got that answer, so a mixed span had no box and its pill was never drawn.
    const recorder = run('global', [1, 2], { scenario: 'proof-of-concept' });
    const plain = contextHopsOf(recorder.buffer);
    expect(plain.mixes[0]?.node).toBeUndefined();
    const named = contextHopsOf(recorder.buffer, { nodeOfPid: (pid) => recorder.nodeOf(pid) });
    expect(named.mixes[0]?.node).toBe('RequestProcess');
    expect(contextHopsOf(recorder.buffer)).toBe(plain);
    // One trace's spans are an answer for that trace only, never cached for the buffer.
    const [first] = recorder.buffer.traces.values();
    const one = contextHopsOf(recorder.buffer, { spans: recorder.buffer.spansOf(first!) });
    expect(one).not.toBe(plain);
    expect(contextHopsOf(recorder.buffer)).toBe(plain);
  });

  it('marks linked hops as new traces by design, not breaks', () => {
    const recorder = run('links', [3]);
    const hops = contextHops(recorder.buffer);
    expect(hops.breakHop).toBeUndefined();
    expect(hops.hops.some((h) => h.state === 'linked')).toBe(true);
    expect(hops.focus?.reason === 'linked' || hops.focus?.reason === 'batch').toBe(true);
  });

  it('remembers per box which traces its spans went to: one everywhere, or a new one per hop', () => {
    const nodeOfPid = (r: SceneRecorder) => (pid: string) => r.nodeOf(pid);
    const connected = run('metadata', [1]);
    const one = contextHops(connected.buffer, { nodeOfPid: nodeOfPid(connected) }).nodeTraces;
    const [traceId] = connected.buffer.traces.keys();
    expect(one.size).toBe(10);
    for (const traces of one.values()) expect(traces).toEqual([traceId]);

    const broken = run('process', [1]);
    const split = contextHops(broken.buffer, { nodeOfPid: nodeOfPid(broken) }).nodeTraces;
    const request = split.get('RequestProcess') ?? [];
    const router = split.get('Router') ?? [];
    expect(request).toHaveLength(1);
    // The Router handles three commands, each its own trace, none the request's.
    expect(router).toHaveLength(3);
    expect(router).not.toContain(request[0]);
    expect(new Set([...split.values()].flat()).size).toBe(broken.buffer.traces.size);

    // A long run keeps the latest few per box, latest last.
    const long = run('process', [12]);
    const many = contextHops(long.buffer, { nodeOfPid: nodeOfPid(long) }).nodeTraces;
    expect(many.get('Router')).toHaveLength(NODE_TRACES);
    const routerSpans = [...long.buffer.spans.values()].filter(
      (s) => s.name === 'commanded.router.dispatch',
    );
    expect(many.get('Router')?.at(-1)).toBe(routerSpans.at(-1)?.traceId);
  });

  it('computes once per buffer version', () => {
    const recorder = run('process', [1]);
    const a = contextHopsOf(recorder.buffer);
    expect(contextHopsOf(recorder.buffer)).toBe(a);
    recorder.buffer.version++;
    expect(contextHopsOf(recorder.buffer)).not.toBe(a);
  });

  afterEach(() => vi.useRealTimers());

  it('reads a large, changing buffer a slice per call, and arrives at the whole answer', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const recorder = new SceneRecorder();
    const sim = createSimulation({ mode: 'process', seed: 1, onEvent: recorder.onEvent });
    sim.send(200);
    sim.runUntilIdle(5_000_000);
    recorder.flush();
    expect(recorder.buffer.size).toBeGreaterThan(5_000);
    const first = contextHopsOf(recorder.buffer);
    sim.send(40);
    sim.runUntilIdle(5_000_000);
    recorder.flush();
    sim.dispose();
    // Within the rest after a whole read, the last answer stands.
    expect(contextHopsOf(recorder.buffer)).toBe(first);
    vi.advanceTimersByTime(400);
    let calls = 0;
    let value = first;
    while (value === first && calls < 100) {
      value = contextHopsOf(recorder.buffer);
      calls++;
    }
    // More than one call: the read went in slices; then the same answer as one whole read.
    expect(calls).toBeGreaterThan(1);
    const whole = contextHops(recorder.buffer);
    expect(value.hops.map((h) => [h.key, h.state, h.counts])).toEqual(
      whole.hops.map((h) => [h.key, h.state, h.counts]),
    );
    expect(value.focus).toEqual(whole.focus);
    expect(contextHopsOf(recorder.buffer)).toBe(value);
  });
});
