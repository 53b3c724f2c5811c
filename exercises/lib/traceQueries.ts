import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ROUTES } from '../../sandbox/core/domain.ts';
import { requestIdOf } from '../../sandbox/telemetry/traceSummary.ts';

export { requestIdOf };

export const spanId = (s: ReadableSpan) => s.spanContext().spanId;
export const traceId = (s: ReadableSpan) => s.spanContext().traceId;
export const parentId = (s: ReadableSpan) => s.parentSpanContext?.spanId;

/** Start time in microseconds, for ordering. */
export const startUs = (s: ReadableSpan) => s.startTime[0] * 1e6 + s.startTime[1] / 1e3;

/** Spans grouped by the simulated request that caused them, in request order. */
export function byRequest(spans: readonly ReadableSpan[]): Map<string, ReadableSpan[]> {
  const groups = new Map<string, ReadableSpan[]>();
  for (const s of spans) {
    const id = requestIdOf(s);
    const group = groups.get(id);
    if (group) group.push(s);
    else groups.set(id, [s]);
  }
  return new Map([...groups].sort(([a], [b]) => Number(a.slice(4)) - Number(b.slice(4))));
}

/** How a learner would recognise a span: its name, and what it handled or dispatched. */
export function describeSpan(s: ReadableSpan): string {
  const what = s.attributes['messaging.destination.name'];
  const who = s.attributes['commanded.handler_name'] ?? s.attributes['commanded.aggregate'];
  const details = [who, what].filter((x) => x !== undefined).join(', ');
  return details ? `\`${s.name}\` (${details})` : `\`${s.name}\``;
}

/** Why a span that should have continued a trace started a new one. */
export function explainNewRoot(s: ReadableSpan): string {
  const carried = s.attributes['sim.context.carried'] === true;
  const what = s.attributes['messaging.destination.name'];
  const handler = s.attributes['commanded.handler_name'];
  const subject =
    s.kind === SpanKind.CONSUMER && handler
      ? `\`${String(what)}\` handler (${String(handler)})`
      : describeSpan(s);
  const message = what === undefined ? 'message' : String(what) in ROUTES ? 'command' : 'event';
  return carried
    ? `${subject} started a new trace although its ${message} metadata carried a trace_ctx: its context was not extracted from it`
    : `${subject} started a new trace: its ${message} metadata carried no trace_ctx`;
}

export const isKind = (kind: SpanKind) => (s: ReadableSpan) => s.kind === kind;

/** Where a span hangs, in words: "has no parent (...)" or "is a child of `x`". */
export function parentWords(s: ReadableSpan, all: readonly ReadableSpan[]): string {
  const pid = parentId(s);
  if (!pid) return 'has no parent: it starts a trace of its own';
  const parent = all.find((p) => spanId(p) === pid);
  return parent
    ? `is a child of ${describeSpan(parent)}`
    : 'points at a parent span that was never recorded';
}
