import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { assertion, type Rule } from './check.ts';
import {
  byRequest,
  describeSpan,
  explainNewRoot,
  parentId,
  requestIdOf,
  spanId,
  startUs,
  traceId,
} from './traceQueries.ts';

/** Every request is one trace with one root, and no span points at a parent that is missing. */
export const oneTracePerRequest =
  (why: (root: ReadableSpan) => string = explainNewRoot): Rule =>
  ({ spans }) => {
    const problems: string[] = [];
    const ids = new Set(spans.map(spanId));
    for (const [request, group] of byRequest(spans)) {
      // The request's own root is the one that started first; any later root is a break.
      const roots = group.filter((s) => !parentId(s)).sort((a, b) => startUs(a) - startUs(b));
      const first = roots[0];
      for (const root of roots.slice(1)) problems.push(`${request}: ${why(root)}`);
      if (!first) problems.push(`${request} has no root span`);
      const dangling = group.filter((s) => parentId(s) && !ids.has(parentId(s) as string));
      for (const s of dangling.slice(0, 1))
        problems.push(
          `${request}: ${describeSpan(s)} points at a parent span that was never recorded`,
        );
    }
    return assertion('each request is one connected trace', problems);
  };

/** No span adopts a parent that belongs to another request. */
export const noCrossRequestParents: Rule = ({ spans }) => {
  const byId = new Map(spans.map((s) => [spanId(s), s]));
  const problems: string[] = [];
  for (const s of spans) {
    const parent = byId.get(parentId(s) ?? '');
    if (parent && requestIdOf(parent) !== requestIdOf(s)) {
      problems.push(
        `${describeSpan(s)} of ${requestIdOf(s)} has a parent from ${requestIdOf(parent)} (${describeSpan(parent)}): the current span was taken from another process's work`,
      );
    }
  }
  return assertion('no span has a parent from another request', problems);
};

/** The request's SERVER span, if it has exactly one. */
export function serverSpanOf(group: readonly ReadableSpan[]): ReadableSpan | undefined {
  const servers = group.filter((s) => s.kind === SpanKind.SERVER);
  return servers.length === 1 ? servers[0] : undefined;
}

export { byRequest, traceId };

/** One connected trace per request, none borrowing a parent from another request. */
export const ownConnectedTrace =
  (why?: (root: ReadableSpan) => string): Rule =>
  (run, seen) => {
    const connected = oneTracePerRequest(why)(run, seen);
    const own = noCrossRequestParents(run, seen);
    const problems = [connected, own].filter((a) => !a.pass).map((a) => a.message);
    return assertion('each request is one connected trace of its own', problems);
  };
