import { describe, expect, it } from 'vitest';
import type { Fault } from '../core/config.ts';
import { runScenario } from '../core/runScenario.ts';
import { createSimulation } from '../core/simulation.ts';
import type { PropagationMode } from '../core/propagation/index.ts';
import { toOtlpJson } from '../telemetry/otlpJson.ts';
import { recordRun } from './recordRun.ts';
import { SceneRecorder } from './SceneRecorder.ts';
import { fromReadableSpan } from './SpanRecord.ts';
import { bufferFrom, type TraceBuffer } from './TraceBuffer.ts';
import { buildTraceTree, visibleRows } from './buildTraceTree.ts';
import { parseTraceJson } from './otlpImport.ts';
import { recordsToOtlpJson } from './otlpExport.ts';

const record = (mode: PropagationMode, requests: number, faults: Fault[] = []): TraceBuffer =>
  recordRun(mode, requests, faults, 7);

const flagTexts = (b: TraceBuffer, kind: string) =>
  [...b.flags.values()]
    .flat()
    .filter((f) => f.kind === kind)
    .map((f) => f.text);

describe('trace tree', () => {
  it('nests one metadata-mode request into a single deep trace', () => {
    const buffer = record('metadata', 1);
    expect(buffer.traces.size).toBe(1);
    const trace = [...buffer.traces.values()][0]!;
    const tree = buildTraceTree(buffer.spansOf(trace));
    expect(tree.rows).toHaveLength(37);
    expect(tree.rows[0]!.span.name).toBe('POST /lab-orders');
    expect(tree.rows[0]!.level).toBe(1);
    expect(tree.depth).toBeGreaterThan(8);
    expect(buffer.statusOf(trace)).toBe('connected');
    expect(buffer.flags.size).toBe(0);
    // Children come right after their parent, deeper by one.
    for (let i = 1; i < tree.rows.length; i++) {
      const row = tree.rows[i]!;
      const parent = tree.rows.find((r) => r.span.spanId === row.span.parentSpanId)!;
      expect(row.level).toBe(parent.level + 1);
    }
  });

  it('collapses a subtree and makes orphans roots', () => {
    const buffer = record('metadata', 1);
    const trace = [...buffer.traces.values()][0]!;
    const { rows } = buildTraceTree(buffer.spansOf(trace));
    const root = rows[0]!.span.spanId;
    expect(visibleRows(rows, new Set([root]))).toHaveLength(1);
    const orphan = buildTraceTree(buffer.spansOf(trace).filter((s) => s.spanId !== root));
    expect(orphan.rows.filter((r) => r.level === 1).every((r) => r.orphan)).toBe(true);
  });
});

describe('break detection', () => {
  it('explains each new trace of a process-mode request by the message that lacked context', () => {
    const buffer = record('process', 1);
    expect(buffer.traces.size).toBe(17);
    expect(buffer.requests.get('req-1')?.size).toBe(17);
    const texts = flagTexts(buffer, 'new-trace');
    expect(texts).toHaveLength(16);
    expect(texts).toContain(
      'New trace started here: the message from the Phoenix request carried no trace context.',
    );
    expect(texts).toContain(
      'New trace started here: the message from the EventStore carried no trace context.',
    );
    for (const trace of buffer.traces.values()) expect(buffer.statusOf(trace)).toBe('broken');
  });

  it('flags parents from another request in global mode under concurrency', () => {
    const one = record('global', 1);
    expect(one.traces.size).toBe(1);
    expect(flagTexts(one, 'cross-request')).toHaveLength(0);
    const four = record('global', 4);
    const cross = flagTexts(four, 'cross-request');
    expect(cross.length).toBeGreaterThan(0);
    expect(cross[0]).toMatch(/works for req-\d, but its parent .* belongs to req-\d/);
  });

  it('marks links-mode consumers as linked by design, not broken', () => {
    const buffer = record('links', 1);
    expect(buffer.traces.size).toBe(7);
    expect(flagTexts(buffer, 'new-trace')).toHaveLength(0);
    expect(flagTexts(buffer, 'linked-root')).toHaveLength(6);
    const statuses = [...buffer.traces.values()].map((t) => buffer.statusOf(t));
    expect(statuses.filter((s) => s === 'linked')).toHaveLength(6);
    expect(statuses.filter((s) => s === 'connected')).toHaveLength(1);
  });

  it('shows each fault as a break that is gone without it', () => {
    const fixed = record('metadata', 2);
    expect(fixed.traces.size).toBe(2);
    const dropped = record('metadata', 2, ['drop-metadata']);
    expect(flagTexts(dropped, 'new-trace')).toContain(
      'New trace started here: the message from the NotificationHandler carried no trace context.',
    );
    const task = record('metadata', 1, ['task-loses-context']);
    expect(flagTexts(task, 'new-trace')).toContain(
      'New trace started here: the message from the NotificationHandler carried no trace context.',
    );
    const batch = record('metadata', 4, ['batch-projection']);
    expect(flagTexts(batch, 'batch')[0]).toMatch(/One span for a batch of \d+ messages/);
    const unsampled = record('metadata', 6, ['unsampled-parent']);
    expect(flagTexts(unsampled, 'missing-parent')[0]).toMatch(/^Orphan: the parent span/);
  });

  it('carries the message metadata that carried the context', () => {
    const buffer = record('metadata', 1);
    const router = [...buffer.spans.values()].find((s) => s.name === 'commanded.router.dispatch')!;
    expect(router.message?.fromNode).toBe('RequestProcess');
    expect(router.message?.summary).toBe('command PlaceLabOrder');
    expect(router.message?.traceparent).toMatch(new RegExp(`^00-${router.traceId}-`));
  });

  it('evicts the oldest traces beyond the cap and counts them', () => {
    const recorder = new SceneRecorder(100);
    const sim = createSimulation({ mode: 'metadata', seed: 3, onEvent: recorder.onEvent });
    sim.load(5, 1);
    sim.runUntilIdle(1_000_000);
    expect(recorder.buffer.size).toBeLessThanOrEqual(100);
    expect(recorder.buffer.evictedTraces).toBe(3);
    expect(recorder.buffer.evictedSpans).toBe(3 * 37);
  });
});

describe('OTLP/JSON import', () => {
  it('reads back what the CLI serializer writes, span for span', () => {
    const run = runScenario({ mode: 'process', requests: 2, concurrency: 2, seed: 5 });
    const parsed = parseTraceJson(toOtlpJson(run.spans));
    if (!parsed.ok) throw new Error(parsed.error);
    const expected = run.spans.map((s) => fromReadableSpan(s, true));
    const byId = new Map(parsed.spans.map((s) => [s.spanId, s]));
    expect(parsed.spans).toHaveLength(expected.length);
    for (const want of expected) {
      const got = byId.get(want.spanId)!;
      expect({ ...got, scope: got.scope.name }).toEqual({
        ...want,
        parentRemote: want.parentSpanId ? want.parentRemote : undefined,
        scope: want.scope.name,
        status: { code: 0, message: undefined },
      });
    }
    // The same traces and flags as live.
    const imported = bufferFrom(parsed.spans);
    expect(imported.traces.size).toBe(run.summary.traces);
  });

  it('exports records in the CLI format and re-imports the same traces', () => {
    const run = runScenario({ mode: 'links', requests: 1, seed: 9 });
    const records = run.spans.map((s) => fromReadableSpan(s, true));
    const json = recordsToOtlpJson(records);
    expect(JSON.parse(json)).toEqual(JSON.parse(toOtlpJson(run.spans)));
    const back = parseTraceJson(json);
    expect(back.ok && back.spans.length).toBe(records.length);
  });

  it.each([
    ['', 'The file is empty.'],
    ['{"resourceSpans": [', 'This file is not JSON'],
    ['{"hello": 1}', 'no "resourceSpans" list'],
    ['{"resourceSpans": []}', 'holds no spans'],
    [
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"xyz","spanId":"0011223344556677","name":"a","startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]}',
      'resourceSpans[0].scopeSpans[0].spans[0].traceId is "xyz": a trace id must be 32 hex digits.',
    ],
    [
      '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"00112233445566778899aabbccddeeff","spanId":"0011223344556677","name":"a","startTimeUnixNano":"soon","endTimeUnixNano":"2"}]}]}]}',
      'startTimeUnixNano is "soon": a time must be Unix nanoseconds.',
    ],
  ])('rejects %j with a clear message', (text, message) => {
    const result = parseTraceJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it('reads Grafana Tempo’s answers: the list as `batches` or inside `trace`, ids as base64', () => {
    const hexTrace = '00112233445566778899aabbccddeeff';
    const b64 = (hex: string) =>
      btoa(String.fromCharCode(...hex.match(/../g)!.map((h) => parseInt(h, 16))));
    const resourceSpans = [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'web' } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: b64(hexTrace),
                spanId: b64('0011223344556677'),
                parentSpanId: b64('8899aabbccddeeff'),
                name: 'POST /orders',
                startTimeUnixNano: '1523984400000000000',
                endTimeUnixNano: '1523984400001000000',
              },
            ],
          },
        ],
      },
    ];
    for (const doc of [{ batches: resourceSpans }, { trace: { resourceSpans } }]) {
      const result = parseTraceJson(JSON.stringify(doc));
      expect(result.ok && result.spans[0]).toMatchObject({
        traceId: hexTrace,
        spanId: '0011223344556677',
        parentSpanId: '8899aabbccddeeff',
        endUs: 1000,
      });
    }
  });

  it('keeps markup in names and attribute keys as plain strings', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const text = JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: evil } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '00112233445566778899aabbccddeeff',
                  spanId: '0011223344556677',
                  name: evil,
                  startTimeUnixNano: '1523984400000000000',
                  endTimeUnixNano: '1523984400001000000',
                  attributes: [{ key: evil, value: { stringValue: evil } }],
                },
              ],
            },
          ],
        },
      ],
    });
    const result = parseTraceJson(text);
    expect(result.ok && result.spans[0]!.attributes[evil]).toBe(evil);
    expect(result.ok && result.spans[0]!.startUs).toBe(0);
  });
});
