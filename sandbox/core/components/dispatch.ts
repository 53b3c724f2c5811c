import { SpanKind } from '@opentelemetry/api';
import type { App } from '../app.ts';
import { injectForDispatch } from './carriers.ts';
import type { CommandEnvelope } from '../domain.ts';
import type { Effect } from '../effects.ts';
import type { SimProcess } from '../process.ts';
import { messagingAttributes } from './messaging.ts';

export interface DispatchOptions {
  /**
   * Whether the dispatch goes through the application's middleware that injects the trace
   * context. A handler that talks to the router with hand-built metadata skips it.
   */
  inject?: boolean;
}

/**
 * `MyApp.dispatch(command)`: a PRODUCER span, trace context injected into the command metadata
 * by the strategy, and a synchronous call to the router, as Commanded's dispatch is.
 */
export function* dispatch(
  app: App,
  self: SimProcess,
  command: CommandEnvelope,
  opts: DispatchOptions = {},
): Generator<Effect, unknown, unknown> {
  const span = app.tracing.start(self, 'commanded.application.dispatch', {
    kind: SpanKind.PRODUCER,
    attributes: messagingAttributes('send', command, {
      'commanded.command': command.type,
    }),
  });
  if (opts.inject !== false) injectForDispatch(app, self, command);
  const reply = yield { type: 'call', to: app.pids.router, body: command };
  app.tracing.end(self, span);
  return reply;
}

/** A new command caused by `cause` (an event), carrying its correlation and metadata. */
export function commandFrom(
  app: App,
  type: CommandEnvelope['type'],
  aggregate: CommandEnvelope['aggregate'],
  aggregateId: string,
  cause: { eventId: string; correlationId: string; metadata: Record<string, unknown> } | null,
): CommandEnvelope {
  return {
    kind: 'command',
    type,
    aggregate,
    aggregateId,
    commandUuid: app.rng.uuid(),
    causationId: cause?.eventId ?? null,
    // Commanded's router gives a command without a correlation id a fresh one.
    correlationId: cause?.correlationId ?? app.rng.uuid(),
    metadata: cause ? { ...cause.metadata } : {},
  };
}
