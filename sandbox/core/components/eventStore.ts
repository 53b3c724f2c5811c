import { SpanKind } from '@opentelemetry/api';
import type { App } from '../app.ts';
import { sleepUs } from '../effects.ts';
import { consumeMessage } from './carriers.ts';
import type { EventEnvelope } from '../domain.ts';
import type { Handler } from '../process.ts';
import { dbAttributes, messagingAttributes } from './messaging.ts';

export interface AppendRequest {
  kind: 'append';
  events: EventEnvelope[];
}

/**
 * The event store: persists events, replies to the appender, then publishes each event to its
 * subscribers, one copy of the message each.
 */
export function eventStoreHandler(app: App): Handler {
  let eventNumber = 0;
  return function* (msg, self) {
    const { events } = msg.body as AppendRequest;
    const first = events[0];
    if (!first) return;
    const consumed = consumeMessage(app, self, first.metadata, 'command');
    const span = app.tracing.start(self, 'EventStore.append_to_stream', {
      kind: SpanKind.CONSUMER,
      parent: consumed.parent,
      links: consumed.links,
      attributes: messagingAttributes('process', first, {
        'commanded.stream_id': first.streamId,
        'sim.context.carried': consumed.carried,
      }),
    });
    const db = app.tracing.start(self, 'INSERT events', {
      kind: SpanKind.CLIENT,
      attributes: dbAttributes('events'),
    });
    yield sleepUs(app.timings.dbWriteUs);
    app.tracing.end(self, db);
    const stored = events.map((e) => ({ ...e, eventNumber: ++eventNumber }));
    app.runtime.reply(self, msg, { ok: true });

    for (const event of stored) {
      const publish = app.tracing.start(self, 'commanded.event_store.publish', {
        kind: SpanKind.PRODUCER,
        attributes: messagingAttributes('publish', event, {
          'commanded.event_number': event.eventNumber,
          'messaging.destination.subscription.count': app.subscribers[event.type].length,
        }),
      });
      for (const subscriber of app.subscribers[event.type]) {
        const copy: EventEnvelope = { ...event, metadata: { ...event.metadata } };
        app.tracing.strategy.inject(self, copy.metadata);
        app.runtime.send(self.pid, subscriber, copy, self.requestId);
      }
      yield sleepUs(app.timings.publishUs);
      app.tracing.end(self, publish);
    }
    app.tracing.end(self, span);
  };
}
