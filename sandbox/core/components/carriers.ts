import { ROOT_CONTEXT } from '@opentelemetry/api';
import type { App } from '../app.ts';
import type { CommandEnvelope } from '../domain.ts';
import type { Metadata } from '../envelope.ts';
import type { SimProcess } from '../process.ts';
import {
  carriesContext,
  type ConsumeResult,
  type MessageKind,
} from '../propagation/PropagationStrategy.ts';
import { TRACE_CTX_KEY } from '../propagation/carrier.ts';
import { setExtracted } from '../propagation/processStack.ts';

/**
 * Where a handler starts from: the run's strategy, unless an `extractContext` hook (a workshop
 * exercise) takes over.
 */
export function consumeMessage(
  app: App,
  self: SimProcess,
  metadata: Metadata | undefined,
  kind: MessageKind,
): ConsumeResult {
  const { strategy } = app.tracing;
  const carries = carriesContext(strategy.mode);
  if (kind === 'event' && carries && app.faults.has('handlers-ignore-metadata')) {
    // The carrier arrives, and nobody reads it: the handler starts from nothing.
    return { parent: ROOT_CONTEXT, links: [], carried: hasCarrier(metadata) };
  }
  const extract = app.hooks.extractContext;
  if (!extract) return strategy.consume(self, metadata, kind);
  const ctx = extract(metadata ?? {}, app.tracing.api(self));
  if (!ctx || typeof (ctx as { getValue?: unknown }).getValue !== 'function') {
    throw new TypeError(
      'extractContext must return a Context (from propagation.extract or ROOT_CONTEXT)',
    );
  }
  setExtracted(self, ctx);
  // "Carried" says what the message brought, not what the hook made of it.
  return { parent: ctx, links: [], carried: hasCarrier(metadata) };
}

/** Whether a message's metadata holds a W3C carrier at all. */
function hasCarrier(metadata: Metadata | undefined): boolean {
  const carrier = metadata?.[TRACE_CTX_KEY] as { traceparent?: unknown } | undefined;
  return typeof carrier?.traceparent === 'string';
}

/** The dispatch middleware's injection: the strategy's, or a `beforeDispatch` hook's. */
export function injectForDispatch(app: App, self: SimProcess, command: CommandEnvelope): void {
  if (app.hooks.beforeDispatch) app.hooks.beforeDispatch(command, app.tracing.api(self));
  else app.tracing.strategy.inject(self, command.metadata);
}
