import type { Attributes, Link, SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { ServiceName } from '../telemetry/tracerProviders.ts';

/** One span of a recorded request, reduced to what it costs the SDK to make it again. */
export interface SpanShape {
  name: string;
  kind: SpanKind;
  service: ServiceName;
  attributes: Attributes;
  links: number;
  /** Index of the parent in the recorded order, or -1 for a root. */
  parent: number;
  /** The parent ran in another simulated process: its context crossed a message to get here. */
  hop: boolean;
}

/** The shapes of a recorded request's spans, in start order, parents before children. */
export function recordShape(spans: readonly ReadableSpan[]): SpanShape[] {
  // Parents first: a depth-first walk from the roots, children in start order.
  const ids = new Set(spans.map((s) => s.spanContext().spanId));
  const children = new Map<string, ReadableSpan[]>();
  const roots: ReadableSpan[] = [];
  const byStart = [...spans].sort(
    (a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1],
  );
  for (const s of byStart) {
    const parentId = s.parentSpanContext?.spanId;
    if (!parentId || !ids.has(parentId)) roots.push(s);
    else children.set(parentId, [...(children.get(parentId) ?? []), s]);
  }
  const started: ReadableSpan[] = [];
  const visit = (s: ReadableSpan) => {
    started.push(s);
    for (const c of children.get(s.spanContext().spanId) ?? []) visit(c);
  };
  roots.forEach(visit);
  const index = new Map(started.map((s, i) => [s.spanContext().spanId, i]));
  return started.map((s) => {
    const parent = index.get(s.parentSpanContext?.spanId ?? '') ?? -1;
    const parentSpan = started[parent];
    return {
      name: s.name,
      kind: s.kind,
      service: s.resource.attributes['service.name'] as ServiceName,
      attributes: { ...s.attributes },
      links: s.links.length,
      parent,
      hop:
        parentSpan !== undefined &&
        parentSpan.attributes['elixir.process'] !== s.attributes['elixir.process'],
    };
  });
}

export type { Link };
