import { ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';
import type { Hooks, ProcessApi } from '../hooks.ts';
import type { SimProcess } from '../process.ts';
import type { PropagationStrategy } from './PropagationStrategy.ts';
import { setExtracted } from './processStack.ts';

/**
 * Metadata propagation with a carrier someone else designed (the workshop's "carrier from
 * scratch"): their `inject` writes outgoing metadata, their `extract` reads incoming metadata.
 * Event metadata is stored as JSON by the EventStore, so an event handler's `extract` sees what
 * survives JSON, not the live objects `inject` put there.
 */
export function carrierHookStrategy(
  carrier: NonNullable<Hooks['carrier']>,
  inner: PropagationStrategy,
  apiFor: (proc: SimProcess) => ProcessApi,
): PropagationStrategy {
  return {
    ...inner,
    inject: (proc, metadata) => carrier.inject(metadata, apiFor(proc)),
    consume(proc, metadata, kind) {
      const received = kind === 'event' ? throughJson(metadata ?? {}) : (metadata ?? {});
      const ctx: Context = carrier.extract(received, apiFor(proc));
      if (!ctx || typeof (ctx as { getValue?: unknown }).getValue !== 'function')
        throw new TypeError(
          `carrier.extract must return a Context (from propagation.extract, or ROOT_CONTEXT); it returned ${describe(ctx)}`,
        );
      setExtracted(proc, ctx);
      return { parent: ctx ?? ROOT_CONTEXT, links: [], carried: !!trace.getSpanContext(ctx) };
    },
  };
}

function throughJson(metadata: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(metadata)) as Record<string, unknown>;
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  return typeof value === 'object' ? JSON.stringify(value).slice(0, 80) : typeof value;
}
