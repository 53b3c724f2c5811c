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

/**
 * The context injected last and the headers the propagator wrote for it. The event store
 * publishes an event to each subscriber with the same context current, so about one inject in five
 * repeats the one before. What the propagator writes depends on the context alone, and contexts
 * never change, so a repeat copies the headers into a carrier of its own (no message shares
 * another's carrier) instead of formatting and validating the ids again.
 */
let lastInjected: Context | undefined;
let lastHeaders: Readonly<Record<string, string>> | undefined;

/** Writes `ctx` into `metadata.trace_ctx` as W3C `traceparent`/`tracestate` headers. */
export function injectInto(ctx: Context, metadata: Metadata): void {
  if (ctx !== lastInjected) {
    const headers: Record<string, string> = {};
    propagator.inject(ctx, headers, defaultTextMapSetter);
    lastInjected = ctx;
    lastHeaders = headers;
  }
  if (lastHeaders?.traceparent) metadata[TRACE_CTX_KEY] = { ...lastHeaders };
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
