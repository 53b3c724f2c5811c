import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import type { Metadata } from '../envelope.ts';
import { extractFrom, injectInto, TRACE_CTX_KEY } from './carrier.ts';

const spanContext = (spanId: string) => ({
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId,
  traceFlags: TraceFlags.SAMPLED,
});

describe('the W3C carrier in message metadata', () => {
  it('gives every message a carrier of its own, also when the same context is injected again', () => {
    const ctx = trace.setSpanContext(ROOT_CONTEXT, spanContext('00f067aa0ba902b7'));
    const first: Metadata = {};
    const second: Metadata = {};
    injectInto(ctx, first);
    injectInto(ctx, second);
    expect(first[TRACE_CTX_KEY]).toEqual({
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    expect(second[TRACE_CTX_KEY]).toEqual(first[TRACE_CTX_KEY]);
    expect(second[TRACE_CTX_KEY]).not.toBe(first[TRACE_CTX_KEY]);
    // A handler that rewrites its message's carrier changes no other message.
    (first[TRACE_CTX_KEY] as Record<string, string>).traceparent = 'garbage';
    const third: Metadata = {};
    injectInto(ctx, third);
    expect(third[TRACE_CTX_KEY]).toEqual(second[TRACE_CTX_KEY]);
  });

  it('injects nothing for a context without a span, even right after one with a span', () => {
    injectInto(trace.setSpanContext(ROOT_CONTEXT, spanContext('00f067aa0ba902b8')), {});
    const metadata: Metadata = {};
    injectInto(ROOT_CONTEXT, metadata);
    expect(metadata).toEqual({});
  });

  it('extracts the remote span context from every copy of one header', () => {
    const header = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b9-01';
    const a = extractFrom({ [TRACE_CTX_KEY]: { traceparent: header } });
    const b = extractFrom({ [TRACE_CTX_KEY]: { traceparent: header } });
    expect(a && trace.getSpanContext(a)).toEqual({
      ...spanContext('00f067aa0ba902b9'),
      isRemote: true,
    });
    expect(b && trace.getSpanContext(b)).toEqual(a && trace.getSpanContext(a));
  });

  it('extracts nothing from a missing, malformed or all-zero header', () => {
    for (let i = 0; i < 2; i++) {
      expect(extractFrom(undefined)).toBeUndefined();
      expect(extractFrom({})).toBeUndefined();
      expect(
        extractFrom({ [TRACE_CTX_KEY]: { traceparent: 'not a traceparent' } }),
      ).toBeUndefined();
      expect(
        extractFrom({
          [TRACE_CTX_KEY]: {
            traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
          },
        }),
      ).toBeUndefined();
    }
  });

  it('keeps a tracestate header', () => {
    const ctx = extractFrom({
      [TRACE_CTX_KEY]: {
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        tracestate: 'vendor=value',
      },
    });
    expect(ctx && trace.getSpanContext(ctx)?.traceState?.get('vendor')).toBe('value');
  });
});
