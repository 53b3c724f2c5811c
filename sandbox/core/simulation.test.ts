import { SpanKind } from '@opentelemetry/api';
import { hrTimeToMicroseconds } from '@opentelemetry/core';
import { describe, expect, it } from 'vitest';
import { toOtlpJson } from '../telemetry/otlpJson.ts';
import { requestIdOf } from '../telemetry/traceSummary.ts';
import { MODES } from './propagation/index.ts';
import { runScenario } from './runScenario.ts';
import { createSimulation } from './simulation.ts';

const GRID: Array<[requests: number, concurrency: number]> = [
  [1, 1],
  [2, 2],
  [7, 3],
  [20, 5],
  [50, 10],
];

describe('the trace shape each mode produces', () => {
  it.each(GRID)(
    'metadata: %i requests at concurrency %i are one trace each, fully parented',
    (n, c) => {
      const { summary, spans } = runScenario({
        mode: 'metadata',
        requests: n,
        concurrency: c,
        seed: 7,
      });
      expect(summary.requests).toBe(n);
      expect(summary.traces).toBe(n);
      expect(summary.roots).toBe(n);
      expect(summary.missingParents).toBe(0);
      expect(summary.crossRequestParents).toBe(0);
      for (const count of summary.tracesByRequest.values()) expect(count).toBe(1);
      const roots = spans.filter((s) => !s.parentSpanContext);
      expect(roots.every((s) => s.kind === SpanKind.SERVER && s.name === 'POST /lab-orders')).toBe(
        true,
      );
    },
  );

  it.each(GRID)(
    'process: %i requests at concurrency %i split into 3+ traces, never across requests',
    (n, c) => {
      const { summary } = runScenario({ mode: 'process', requests: n, concurrency: c, seed: 7 });
      expect(summary.requests).toBe(n);
      for (const count of summary.tracesByRequest.values()) expect(count).toBeGreaterThanOrEqual(3);
      expect(summary.crossRequestParents).toBe(0);
      expect(summary.missingParents).toBe(0);
    },
  );

  it('global: a single request looks connected (the proof of concept works)', () => {
    const { summary, stats } = runScenario({ mode: 'global', requests: 1, seed: 3 });
    expect(summary.traces).toBe(1);
    expect(summary.crossRequestParents).toBe(0);
    expect(stats.lingering).toBe(1);
  });

  it.each(GRID.filter(([, c]) => c >= 2))(
    'global: %i requests at concurrency %i adopt parents from other requests, and rows linger',
    (n, c) => {
      const { summary, stats } = runScenario({
        mode: 'global',
        requests: n,
        concurrency: c,
        seed: 7,
      });
      expect(summary.crossRequestParents).toBeGreaterThan(0);
      expect(stats.lingering).toBe(n);
    },
  );

  it('links: event handlers start their own traces, each linked to its producer', () => {
    const { spans, summary } = runScenario({ mode: 'links', requests: 3, concurrency: 2, seed: 7 });
    expect(summary.crossRequestParents).toBe(0);
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const consumerRoots = spans.filter((s) => !s.parentSpanContext && s.kind === SpanKind.CONSUMER);
    expect(consumerRoots.length).toBeGreaterThan(0);
    for (const root of consumerRoots) {
      expect(root.links).toHaveLength(1);
      const producer = byId.get(root.links[0]!.context.spanId);
      expect(producer?.kind).toBe(SpanKind.PRODUCER);
      expect(requestIdOf(producer!)).toBe(requestIdOf(root));
    }
  });

  it('the proof-of-concept scenario is one trace of 3 spans, depth 2, in every mode', () => {
    for (const mode of MODES) {
      const { spans, summary } = runScenario({ mode, scenario: 'proof-of-concept', seed: 2 });
      expect(summary.traces).toBe(1);
      expect(spans.map((s) => s.name).sort()).toEqual([
        'PUT /stuff/:id',
        'Stuff.get_stuff/1',
        'Stuff.update_stuff/2',
      ]);
    }
  });
});

describe('a run', () => {
  it('gives identical OTLP bytes for the same seed', () => {
    const a = toOtlpJson(
      runScenario({ mode: 'metadata', requests: 5, concurrency: 3, seed: 42 }).spans,
    );
    const b = toOtlpJson(
      runScenario({ mode: 'metadata', requests: 5, concurrency: 3, seed: 42 }).spans,
    );
    expect(a).toBe(b);
    expect(a.length).toBeGreaterThan(10_000);
  });

  it('gives different timings and ids for different seeds', () => {
    const a = runScenario({ mode: 'metadata', requests: 3, seed: 1 });
    const b = runScenario({ mode: 'metadata', requests: 3, seed: 2 });
    const durations = (r: typeof a) => r.spans.map((s) => hrTimeToMicroseconds(s.duration));
    expect(durations(a)).not.toEqual(durations(b));
    expect(a.spans[0]!.spanContext().traceId).not.toBe(b.spans[0]!.spanContext().traceId);
  });

  it.each(MODES)('%s: ends every span by the time it is idle, none before it starts', (mode) => {
    const { spans, openSpans, stats } = runScenario({
      mode,
      requests: 10,
      concurrency: 4,
      seed: 5,
    });
    expect(openSpans).toBe(0);
    expect(stats.spansStarted).toBe(stats.spansEnded);
    for (const span of spans) {
      expect(span.ended).toBe(true);
      expect(hrTimeToMicroseconds(span.endTime)).toBeGreaterThanOrEqual(
        hrTimeToMicroseconds(span.startTime),
      );
    }
  });

  it('puts sim.request.id and service.name on every span', () => {
    const { spans } = runScenario({ mode: 'process', requests: 2, seed: 1 });
    const services = new Set(spans.map((s) => s.resource.attributes['service.name']));
    expect(services).toEqual(
      new Set([
        'web',
        'commanded',
        'lab_orders',
        'sample_collection',
        'event_store',
        'projections',
        'notifications',
      ]),
    );
    expect(spans.every((s) => /^req-\d+$/.test(requestIdOf(s)))).toBe(true);
  });

  it('releases finished requests: transient processes exit and stacks empty', () => {
    let spawned = 0;
    let exited = 0;
    const stacks = new Map<string, number>();
    const sim = createSimulation({
      mode: 'metadata',
      seed: 9,
      onEvent: (e) => {
        if (e.type === 'spawn') spawned++;
        if (e.type === 'exit') exited++;
        if (e.type === 'stack') stacks.set(e.pid, e.stack.length);
      },
    });
    sim.load(200, 8);
    sim.runUntilIdle();
    expect(sim.stats().requestsDone).toBe(200);
    // 8 long-lived processes stay; every request process and task exits.
    expect(spawned - exited).toBe(8);
    expect([...stacks.values()].every((n) => n === 0)).toBe(true);
  });

  it('puts the W3C carrier into command and event metadata in metadata mode only', () => {
    const carried = (mode: 'metadata' | 'process') => {
      const metadata: unknown[] = [];
      const sim = createSimulation({
        mode,
        onEvent: (e) => {
          if (e.type === 'send') {
            const body = e.envelope.body as { metadata?: Record<string, unknown> };
            if (body.metadata) metadata.push(body.metadata);
          }
        },
      });
      sim.send(1);
      sim.runUntilIdle();
      return metadata;
    };
    const withCtx = carried('metadata');
    expect(withCtx.length).toBeGreaterThan(5);
    for (const m of withCtx) {
      expect((m as { trace_ctx?: { traceparent?: string } }).trace_ctx?.traceparent).toMatch(
        /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/,
      );
    }
    expect(carried('process').some((m) => (m as { trace_ctx?: unknown }).trace_ctx)).toBe(false);
  });
});

describe('fault toggles, before and after', () => {
  const connected = (faults: Parameters<typeof runScenario>[0]) =>
    runScenario({ requests: 4, concurrency: 2, seed: 11, ...faults }).summary;

  it('drop-metadata: the follow-up command starts a new trace', () => {
    expect(connected({ mode: 'metadata' }).tracesPerRequest).toBe(1);
    const broken = connected({ mode: 'metadata', faults: ['drop-metadata'] });
    expect(broken.tracesPerRequest).toBe(2);
  });

  it('task-loses-context: the SMS task starts a new trace', () => {
    const broken = runScenario({ mode: 'metadata', seed: 11, faults: ['task-loses-context'] });
    const roots = broken.spans.filter((s) => !s.parentSpanContext).map((s) => s.name);
    expect(roots.sort()).toEqual(['POST /lab-orders', 'POST /messages']);
  });

  it('batch-projection: one span handles several events; links mode links each', () => {
    const opts = { requests: 12, concurrency: 6, seed: 4, faults: ['batch-projection' as const] };
    const meta = runScenario({ ...opts, mode: 'metadata' });
    const batches = meta.spans.filter(
      (s) => Number(s.attributes['messaging.batch.message_count'] ?? 1) > 1,
    );
    // Some batch mixes requests: it is parented to the first event only, so the other requests'
    // traces never show their worklist update.
    const mixed = batches.find(
      (s) => new Set(s.attributes['sim.batch.request_ids'] as string[]).size > 1,
    );
    expect(mixed).toBeDefined();
    const parent = meta.spans.find(
      (s) => s.spanContext().spanId === mixed!.parentSpanContext?.spanId,
    );
    expect(requestIdOf(parent!)).toBe((mixed!.attributes['sim.batch.request_ids'] as string[])[0]);
    const links = runScenario({ ...opts, mode: 'links' });
    const linked = links.spans.find(
      (s) => Number(s.attributes['messaging.batch.message_count'] ?? 1) > 1,
    );
    expect(linked?.links.length).toBe(linked?.attributes['messaging.batch.message_count']);
    expect(linked?.parentSpanContext).toBeUndefined();
  });

  it('handlers-ignore-metadata: Request -> Command connects, every event handler starts anew', () => {
    const broken = runScenario({
      mode: 'metadata',
      seed: 12,
      faults: ['handlers-ignore-metadata'],
    });
    const roots = broken.spans.filter((s) => !s.parentSpanContext);
    const names = new Set(roots.map((s) => s.name));
    expect(names).toEqual(
      new Set(['POST /lab-orders', 'commanded.event.handle', 'commanded.process_manager.handle']),
    );
    // The request's own root reaches through the router and aggregate to the event store.
    const server = roots.find((s) => s.name === 'POST /lab-orders')!;
    const inTrace = broken.spans.filter(
      (s) => s.spanContext().traceId === server.spanContext().traceId,
    );
    expect(inTrace.map((s) => s.name)).toContain('commanded.aggregate.execute');
    expect(
      roots.every(
        (s) => s.name === 'POST /lab-orders' || s.attributes['sim.context.carried'] === true,
      ),
    ).toBe(true);
  });

  it('unsampled-parent: downstream spans point at parents that were never recorded', () => {
    const fixed = runScenario({ mode: 'metadata', requests: 10, seed: 6 });
    expect(fixed.summary.missingParents).toBe(0);
    const broken = runScenario({
      mode: 'metadata',
      requests: 10,
      seed: 6,
      faults: ['unsampled-parent'],
    });
    expect(broken.summary.missingParents).toBeGreaterThan(0);
  });
});
