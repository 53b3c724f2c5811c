import { describe, expect, it } from 'vitest';
import { TALK_EPOCH_MS } from '../telemetry/simTime.ts';
import { parseTraceJson } from './otlpImport.ts';

/** The talk's epoch in Unix microseconds: virtual time 0. */
const T0 = TALK_EPOCH_MS * 1000;

const span = (over: Record<string, unknown> = {}) => ({
  traceID: '00112233445566778899aabbccddeeff',
  spanID: '0011223344556677',
  operationName: 'commanded.event.handle',
  references: [],
  startTime: T0 + 100,
  duration: 50,
  tags: [],
  logs: [],
  processID: 'p1',
  ...over,
});
const trace = (spans: unknown[]) => ({
  traceID: '00112233445566778899aabbccddeeff',
  spans,
  processes: {
    p1: {
      serviceName: 'projections',
      tags: [{ key: 'service.namespace', type: 'string', value: 'smallcentrix' }],
    },
  },
  warnings: null,
});

describe('Jaeger JSON import', () => {
  it('reads a span back from the tags Jaeger made of its fields', () => {
    const result = parseTraceJson(
      JSON.stringify({
        data: [
          trace([
            span({
              references: [
                {
                  refType: 'CHILD_OF',
                  traceID: '00112233445566778899aabbccddeeff',
                  spanID: '1111111111111111',
                },
                {
                  refType: 'FOLLOWS_FROM',
                  traceID: 'ffeeddccbbaa99887766554433221100',
                  spanID: '2222222222222222',
                },
              ],
              tags: [
                { key: 'span.kind', type: 'string', value: 'consumer' },
                { key: 'otel.status_code', type: 'string', value: 'ERROR' },
                { key: 'otel.status_description', type: 'string', value: 'boom' },
                { key: 'error', type: 'bool', value: true },
                { key: 'otel.scope.name', type: 'string', value: 'opentelemetry_commanded' },
                { key: 'messaging.batch.message_count', type: 'int64', value: 2 },
                { key: 'sim.batch.request_ids', type: 'string', value: '["req-1","req-2"]' },
                { key: 'note', type: 'string', value: '[not json' },
                { key: 'sim.request.id', type: 'string', value: 'req-1' },
              ],
              logs: [
                {
                  timestamp: T0 + 120,
                  fields: [
                    { key: 'event', type: 'string', value: 'retry' },
                    { key: 'attempt', type: 'int64', value: 2 },
                  ],
                },
              ],
            }),
          ]),
        ],
        total: 0,
        limit: 0,
        offset: 0,
        errors: null,
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spans[0]).toMatchObject({
      parentSpanId: '1111111111111111',
      links: [{ traceId: 'ffeeddccbbaa99887766554433221100', spanId: '2222222222222222' }],
      kind: 'CONSUMER',
      service: 'projections',
      resource: { 'service.name': 'projections', 'service.namespace': 'smallcentrix' },
      scope: { name: 'opentelemetry_commanded' },
      status: { code: 2, message: 'boom' },
      startUs: 100,
      endUs: 150,
      events: [{ name: 'retry', timeUs: 120, attributes: { attempt: 2 } }],
      requestId: 'req-1',
      attributes: {
        'messaging.batch.message_count': 2,
        'sim.batch.request_ids': ['req-1', 'req-2'],
        note: '[not json',
      },
    });
    // What the mapping added is read back into fields, not left over as attributes.
    for (const key of ['span.kind', 'otel.status_code', 'error', 'otel.scope.name'])
      expect(result.spans[0]?.attributes).not.toHaveProperty(key);
  });

  it('reads a span with only FOLLOWS_FROM references as a root with links', () => {
    const result = parseTraceJson(
      JSON.stringify(
        trace([
          span({
            references: [
              {
                refType: 'FOLLOWS_FROM',
                traceID: 'ffeeddccbbaa99887766554433221100',
                spanID: '2222222222222222',
              },
            ],
          }),
        ]),
      ),
    );
    expect(result.ok && result.spans[0]).toMatchObject({
      parentSpanId: undefined,
      links: [{ spanId: '2222222222222222' }],
      kind: 'INTERNAL',
    });
  });

  it('pads the 64-bit trace ids of older Jaeger clients to 32 hex digits', () => {
    const result = parseTraceJson(
      JSON.stringify([trace([span({ traceID: '8899aabbccddeeff', spanID: 'aabbccdd' })])]),
    );
    expect(result.ok && result.spans[0]).toMatchObject({
      traceId: '00000000000000008899aabbccddeeff',
      spanId: '00000000aabbccdd',
    });
  });

  it('reads Jaeger v2’s /api/v3 answer: OTLP inside "result"', () => {
    const otlp = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'web' } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '00112233445566778899aabbccddeeff',
                  spanId: '0011223344556677',
                  name: 'POST /lab-orders',
                  kind: 2,
                  startTimeUnixNano: String(T0 * 1000),
                  endTimeUnixNano: String((T0 + 5) * 1000),
                },
              ],
            },
          ],
        },
      ],
    };
    const result = parseTraceJson(JSON.stringify({ result: otlp }));
    expect(result.ok && result.spans[0]).toMatchObject({
      service: 'web',
      kind: 'SERVER',
      endUs: 5,
    });
  });

  it.each([
    [
      {
        data: null,
        total: 0,
        limit: 0,
        offset: 0,
        errors: [{ code: 404, msg: 'trace not found' }],
      },
      'Not a valid Jaeger JSON trace file: this is an error from Jaeger, not traces: "trace not found"',
    ],
    [
      { error: { httpCode: 404, message: 'trace not found' } },
      'this is an error from the trace store, not traces: "trace not found"',
    ],
    [{ data: [] }, 'The file is Jaeger JSON, but it holds no spans.'],
    [
      { data: [trace([span({ spanID: 'xyz' })])] },
      'data[0].spans[0].spanID is "xyz": a span id must be up to 16 hex digits.',
    ],
    [
      { data: [trace([span({ operationName: 7 })])] },
      'data[0].spans[0].operationName should be a string.',
    ],
    [
      { data: [trace([span({ startTime: 'soon' })])] },
      'data[0].spans[0].startTime is "soon": Jaeger writes times and durations as microseconds.',
    ],
  ])('refuses %j with a clear message', (doc, message) => {
    const result = parseTraceJson(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});
