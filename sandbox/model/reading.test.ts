import { describe, expect, it } from 'vitest';
import type { Fault } from '../core/config.ts';
import type { PropagationMode } from '../core/propagation/index.ts';
import { batchIndex } from './batches.ts';
import { criticalPath } from './criticalPath.ts';
import { repairSpanIds } from './importIds.ts';
import { firstProblem, problemCount, stepProblem } from './problems.ts';
import { recordRun } from './recordRun.ts';
import type { SpanRecord } from './SpanRecord.ts';
import { niceTicks } from './timeTicks.ts';
import type { TraceBuffer } from './TraceBuffer.ts';
import { filterTraces, parseQuery } from './traceFilter.ts';
import { operationStats, runStats, selfTime } from './traceStats.ts';
import { readTrace } from './traceStatus.ts';

const record = (mode: PropagationMode, requests: number, faults: Fault[] = []): TraceBuffer =>
  recordRun(mode, requests, faults, 1);

const span = (id: string, parent: string | undefined, start: number, end: number): SpanRecord => ({
  traceId: 't'.repeat(32),
  spanId: id,
  parentSpanId: parent,
  name: id,
  kind: 'INTERNAL',
  service: 'svc',
  startUs: start,
  endUs: end,
  attributes: {},
  resource: {},
  scope: { name: 'x' },
  events: [],
  links: [],
  status: { code: 0 },
  traceFlags: 1,
  requestId: 'req-1',
});

describe('filter', () => {
  it('parses every term, and says what it did not understand', () => {
    const q = parseQuery(
      'status:broken req:req-3 service:Lab op:handle kind:consumer dur>2ms dur<1s a=b word x:y',
    );
    expect(q.statuses).toEqual(['broken']);
    expect(q.requests).toEqual(['req-3']);
    expect(q.span).toEqual({
      services: ['lab'],
      ops: ['handle'],
      kinds: ['CONSUMER'],
      attrs: [{ key: 'a', value: 'b' }],
      words: ['word'],
    });
    expect(q.minUs).toBe(2000);
    expect(q.maxUs).toBe(1_000_000);
    expect(q.errors).toHaveLength(1);
    expect(q.errors[0]).toContain('"x:" is not a filter');
  });

  it('filters a process-mode run by request, kind and status', () => {
    const buffer = record('process', 3);
    const all = filterTraces(buffer, parseQuery(''), 0);
    expect(all).toHaveLength(buffer.traces.size);
    const req2 = filterTraces(buffer, parseQuery('req:req-2'), 0);
    expect(req2.length).toBe(buffer.requests.get('req-2')?.size);
    const servers = filterTraces(buffer, parseQuery('kind:server'), 0);
    expect(servers).toHaveLength(3);
    expect(filterTraces(buffer, parseQuery('status:connected'), 0)).toHaveLength(0);
    const attr = filterTraces(buffer, parseQuery('sim.request.id=req-1'), 0);
    expect(attr.length).toBe(buffer.requests.get('req-1')?.size);
  });
});

describe('go to the break', () => {
  it('lands on the first flagged span, and steps across traces', () => {
    const buffer = record('process', 2);
    const ids = [...buffer.traces.keys()];
    const broken = [...buffer.traces.values()].find((t) => t.breaks > 0)!;
    const first = firstProblem(buffer, broken)!;
    expect(buffer.flags.get(first)?.some((f) => f.breaks)).toBe(true);
    const { total } = problemCount(buffer, ids, { traceId: null, spanId: null });
    expect(total).toBeGreaterThan(1);
    let at = { traceId: null as string | null, spanId: null as string | null };
    const seen = new Set<string>();
    for (let i = 0; i < total; i++) {
      const next = stepProblem(buffer, ids, at, 1)!;
      seen.add(next.spanId);
      at = next;
    }
    expect(seen.size).toBe(total);
    const back = stepProblem(buffer, ids, at, -1)!;
    expect(back.spanId).not.toBe(at.spanId);
  });
});

describe('batches', () => {
  it('flags the batch span with its requests and says which traces lost a span to it', () => {
    const buffer = record('metadata', 20, ['batch-projection']);
    const index = batchIndex(buffer);
    expect(index.batches.size).toBeGreaterThan(0);
    for (const b of index.batches.values()) {
      expect(b.requests.length).toBeGreaterThan(1);
      // Named as the picture names the process ('LabWorklistProjection' before).
      expect(b.label).toBe('LabWorklist projection commanded.event.handle');
    }
    expect(index.lostByTrace.size).toBeGreaterThan(0);
    for (const [traceId, lost] of index.lostByTrace) {
      const reading = readTrace(buffer, buffer.traces.get(traceId)!);
      expect(reading.status).toBe('mixed');
      expect(reading.why).toContain(`${lost[0]!.requestId} lost its`);
    }
  });
});

describe('critical path and statistics', () => {
  it('follows the last-finishing child, and keeps the tail after the root ends', () => {
    // root 0-100; a 10-40; b 20-90; c (child of b) 50-150, outliving the root.
    const spans = [
      span('root', undefined, 0, 100),
      span('a', 'root', 10, 40),
      span('b', 'root', 20, 90),
      span('c', 'b', 50, 150),
    ];
    const path = criticalPath(spans);
    expect(path.map((p) => [p.spanId, p.startUs, p.endUs])).toEqual([
      ['root', 0, 20],
      ['b', 20, 50],
      ['c', 50, 150],
    ]);
    expect(selfTime(spans[0]!, [spans[1]!, spans[2]!])).toBe(20);
    const stats = operationStats(spans);
    expect(stats.find((s) => s.name === 'root')).toMatchObject({
      count: 1,
      totalUs: 100,
      selfUs: 20,
    });
  });

  it('never counts a moment twice, even where a child starts before its wrong parent', () => {
    // Global mode hands spans parents from other requests: a child may start before its parent.
    // The path's sections were summed to 96 ms in a 66.8 ms trace.
    const buffer = record('global', 3);
    let checked = 0;
    for (const trace of buffer.traces.values()) {
      const spans = buffer.spansOf(trace);
      const path = criticalPath(spans);
      for (let i = 1; i < path.length; i++)
        expect(path[i]!.startUs).toBeGreaterThanOrEqual(path[i - 1]!.endUs);
      const first = Math.min(...spans.map((s) => s.startUs));
      const last = Math.max(...spans.map((s) => s.endUs ?? s.startUs));
      const total = path.reduce((sum, p) => sum + p.endUs - p.startUs, 0);
      expect(total).toBeLessThanOrEqual(last - first);
      checked++;
    }
    expect(checked).toBeGreaterThan(1);
    // A child that started before its parent: the parent's stretch begins where the child's ends.
    const odd = [span('root', undefined, 10, 100), span('early', 'root', 0, 60)];
    expect(criticalPath(odd).map((p) => [p.spanId, p.startUs, p.endUs])).toEqual([
      ['early', 0, 60],
      ['root', 60, 100],
    ]);
  });

  it('counts traces per request and the broken hops of a run', () => {
    const buffer = record('process', 2);
    const stats = runStats(buffer);
    expect(stats.requests).toBe(2);
    expect(stats.tracesPerRequest.reduce((n, r) => n + r.traces, 0)).toBe(buffer.traces.size);
    expect(stats.brokenHops.length).toBeGreaterThan(0);
    expect(runStats(record('metadata', 2)).brokenHops).toEqual([]);
  });

  it('spaces axis ticks so labels never overlap', () => {
    const ticks = niceTicks(37_812, 300);
    expect(ticks.length).toBeLessThanOrEqual(Math.floor(300 / 72) + 1);
    expect(ticks[1]! - ticks[0]!).toBe(10_000);
  });
});

describe('imports with repeated span ids', () => {
  it('keeps spans whose id another trace used, and counts exact repeats', () => {
    const a = span('aaaaaaaaaaaaaaaa', undefined, 0, 10);
    const a2 = { ...span('aaaaaaaaaaaaaaaa', undefined, 0, 10), traceId: 'b'.repeat(32) };
    const child = {
      ...span('cccccccccccccccc', 'aaaaaaaaaaaaaaaa', 1, 5),
      traceId: 'b'.repeat(32),
    };
    const { spans, repairs } = repairSpanIds([a, a2, child, a]);
    expect(spans).toHaveLength(3);
    expect(repairs).toMatchObject({ renamed: 1, duplicates: 1 });
    expect(repairs.message).toContain('1 span reused a span id');
    const renamed = spans[1]!;
    expect(renamed.spanId).not.toBe('aaaaaaaaaaaaaaaa');
    expect(renamed.attributes['sandbox.original_span_id']).toBe('aaaaaaaaaaaaaaaa');
    expect(spans[2]!.parentSpanId).toBe(renamed.spanId);
  });
});
