import {
  ROOT_CONTEXT,
  defaultTextMapGetter,
  defaultTextMapSetter,
  propagation,
  type Context,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { Metadata } from '../envelope.ts';

/** The metadata key opentelemetry_commanded uses for the injected W3C context. */
export const TRACE_CTX_KEY = 'trace_ctx';

const propagator = new W3CTraceContextPropagator();
let registered = false;

/**
 * Makes W3C Trace Context the global propagator, once, so that instrumentation code (the
 * workshop's exercises) can call `propagation.inject` and `propagation.extract` as usual.
 */
export function registerGlobalPropagator(): void {
  if (registered) return;
  registered = true;
  propagation.setGlobalPropagator(propagator);
}

/** Writes `ctx` into `metadata.trace_ctx` as W3C `traceparent`/`tracestate` headers. */
export function injectInto(ctx: Context, metadata: Metadata): void {
  const carrier: Record<string, string> = {};
  propagator.inject(ctx, carrier, defaultTextMapSetter);
  if (carrier.traceparent) metadata[TRACE_CTX_KEY] = carrier;
}

/** Reads `metadata.trace_ctx`; the result is marked remote, as an extracted context should be. */
export function extractFrom(metadata: Metadata | undefined): Context | undefined {
  const carrier = metadata?.[TRACE_CTX_KEY];
  if (!carrier || typeof carrier !== 'object') return undefined;
  const ctx = propagator.extract(
    ROOT_CONTEXT,
    carrier as Record<string, string>,
    defaultTextMapGetter,
  );
  return ctx === ROOT_CONTEXT ? undefined : ctx;
}
