import { describe, expect, it } from 'vitest';
import type { PropagationMode } from '../core/propagation/index.ts';
import { runScenario } from '../core/runScenario.ts';
import { toOtlpJson } from '../telemetry/otlpJson.ts';
import { importNote } from './importNote.ts';
import { requestSplit, splitRequestToShow } from './requestSplit.ts';
import { runStats } from './traceStats.ts';
import { parseTraceJson } from './otlpImport.ts';
import { fromReadableSpan } from './SpanRecord.ts';
import { bufferFrom, type TraceBuffer } from './TraceBuffer.ts';

/**
 * A run as a real Commanded backend would have exported it: none of the simulator's own
 * attributes (`sim.*`, `elixir.process`), and the correlation id where opentelemetry_commanded
 * puts it, `commanded.correlation_id`.
 */
function asRealBackend(mode: PropagationMode, requests: number): TraceBuffer {
  const doc = JSON.parse(
    toOtlpJson(runScenario({ mode, seed: 7, requests, concurrency: requests }).spans),
  ) as { resourceSpans: { scopeSpans: { spans: { attributes: { key: string }[] }[] }[] }[] };
  for (const rs of doc.resourceSpans)
    for (const ss of rs.scopeSpans)
      for (const span of ss.spans) {
        span.attributes = span.attributes.filter(
          (a) => !a.key.startsWith('sim.') && a.key !== 'elixir.process',
        );
        for (const a of span.attributes)
          if (a.key === 'messaging.message.conversation_id') a.key = 'commanded.correlation_id';
      }
  const result = parseTraceJson(JSON.stringify(doc));
  if (!result.ok) throw new Error(result.error);
  return bufferFrom(result.spans);
}

const flagsOf = (buffer: TraceBuffer, kind: string) =>
  [...buffer.flags.values()].flat().filter((f) => f.kind === kind);

describe('a trace from a real backend, read by its correlation ids', () => {
  it('finds where context was lost: each consumer that started a trace of its own', () => {
    const buffer = asRealBackend('process', 1);
    expect(buffer.traces.size).toBe(17);
    const lost = flagsOf(buffer, 'new-trace');
    // Every hop but the SMS Task's, whose HTTP call carries no correlation id to go by.
    expect(lost.length).toBeGreaterThanOrEqual(14);
    expect(lost[0]?.text).toMatch(
      /^New trace started here, although its correlation id [0-9a-f]{8}… is already traced in \d+ other trace\(s\)\. The same command PlaceLabOrder \(messaging\.message\.id [0-9a-f]{8}…\) is in trace [0-9a-f]{8}, at commanded\.application\.dispatch: the context was lost between that span and this one\./,
    );
    // Each lost hop is pinned to the span of an earlier trace that sent the same message.
    for (const [spanId, flags] of buffer.flags) {
      const lostHere = flags.find((f) => f.kind === 'new-trace');
      if (!lostHere) continue;
      const span = buffer.spans.get(spanId);
      const sender = buffer.spans.get(lostHere.related?.spanId ?? '');
      expect(sender?.attributes['messaging.operation.type']).toBe('send');
      expect(sender?.attributes['messaging.message.id']).toBe(
        span?.attributes['messaging.message.id'],
      );
      expect(sender?.traceId).not.toBe(span?.traceId);
    }
    const broken = [...buffer.traces.values()].filter((t) => buffer.statusOf(t) === 'broken');
    expect(broken.length).toBeGreaterThanOrEqual(15);
  });

  it('reads a connected run as connected, and links as linked by design', () => {
    const connected = asRealBackend('metadata', 1);
    expect(connected.traces.size).toBe(1);
    expect([...connected.flags.values()].flat()).toEqual([]);
    const linked = asRealBackend('links', 1);
    expect(flagsOf(linked, 'new-trace')).toEqual([]);
    expect(flagsOf(linked, 'linked-root')).toHaveLength(6);
  });

  it('says that the spans are not the simulation\u2019s, and what breaks are read from', () => {
    const real = [...asRealBackend('process', 1).spans.values()];
    expect(importNote(real, '')).toBe(
      'these spans are not from the simulation; breaks are read from parent ids and correlation ids.',
    );
    const bare = real.map((s) => ({ ...s, attributes: {} }));
    expect(importNote(bare, '2 spans kept under new ids.')).toBe(
      '2 spans kept under new ids; these spans are not from the simulation; breaks are read from parent ids alone: no span records a correlation id.',
    );
    const simulated = runScenario({ mode: 'process', seed: 7 }).spans.map((s) =>
      fromReadableSpan(s, true),
    );
    expect(importNote(simulated, '')).toBe('');
  });

  it('shows a request as the traces it was cut into, each after the span it lost its context at', () => {
    const buffer = asRealBackend('process', 1);
    const requestId = splitRequestToShow(buffer, null);
    expect(requestId).toBeDefined();
    const steps = requestSplit(buffer, requestId ?? '');
    // The SMS Task's trace records no correlation id: it is not this request's, as far as the
    // file says.
    expect(steps).toHaveLength(16);
    expect(steps[0]?.start.kind).toBe('first');
    expect(steps[0]?.root?.name).toBe('POST /lab-orders');
    for (const step of steps.slice(1)) {
      expect(step.start.kind).toBe('lost');
      if (step.start.kind !== 'lost') continue;
      // After a span of an earlier trace of the request.
      expect(step.start.fromStep).toBeLessThan(step.step);
      expect(step.start.from?.traceId).toBe(steps[(step.start.fromStep ?? 0) - 1]?.traceId);
    }
    const linked = asRealBackend('links', 1);
    const linkedSteps = requestSplit(linked, splitRequestToShow(linked, null) ?? '');
    expect(linkedSteps.slice(1).map((s) => s.start.kind)).toEqual(Array(6).fill('linked'));
    expect(splitRequestToShow(asRealBackend('metadata', 1), null)).toBeUndefined();
  });

  it('shows the selected trace\u2019s request when it is cut, else the most cut one', () => {
    const two = asRealBackend('process', 2);
    const [first, second] = [...two.requests.keys()];
    const ofSecond = [...(two.requests.get(second ?? '') ?? [])].at(-1) ?? null;
    expect(splitRequestToShow(two, ofSecond)).toBe(second);
    expect(splitRequestToShow(two, null)).toBe(first);
  });

  it('counts its broken hops by span names, and its traces by the requests they hold', () => {
    const buffer = asRealBackend('process', 1);
    const run = runStats(buffer);
    // Nothing records processes, so the hops are the spans on either side of each break.
    expect(run.brokenHops).toContainEqual({
      from: 'commanded.application.dispatch',
      to: 'commanded.router.dispatch',
      // The request's command, the process manager's and the notification handler's.
      cut: 3,
      mixed: 0,
    });
    expect(run.brokenHops.reduce((n, h) => n + h.cut, 0)).toBe(15);
    // The SMS Task's trace names no request: it is not counted as the request's.
    expect(run).toMatchObject({ requests: 1, traces: 16, tracesWithoutRequest: 1 });
  });

  it('sees requests mixed up by a shared current span', () => {
    const mixed = asRealBackend('global', 4);
    expect(flagsOf(mixed, 'cross-request').length).toBeGreaterThan(0);
  });
});
