import { SpanKind } from '@opentelemetry/api';
import type { App } from '../app.ts';
import { sleepUs } from '../effects.ts';
import { consumeMessage } from './carriers.ts';
import { EMITS, type AggregateName, type CommandEnvelope, type EventEnvelope } from '../domain.ts';
import type { Handler } from '../process.ts';
import { messagingAttributes } from './messaging.ts';

/**
 * An aggregate process: executes a command, builds its event with the command's metadata copied
 * in (as Commanded does), and appends it to the event store before replying.
 */
export function aggregateHandler(app: App, name: AggregateName): Handler {
  return function* (msg, self) {
    const command = msg.body as CommandEnvelope;
    const consumed = consumeMessage(app, self, command.metadata, 'command');
    const execute = app.tracing.start(self, 'commanded.aggregate.execute', {
      kind: SpanKind.CONSUMER,
      parent: consumed.parent,
      links: consumed.links,
      attributes: messagingAttributes('process', command, {
        'commanded.aggregate': name,
        'commanded.aggregate_uuid': command.aggregateId,
        'commanded.command': command.type,
        'commanded.causation_id': command.causationId ?? '',
        'sim.context.carried': consumed.carried,
      }),
    });
    const decide = app.tracing.start(self, `${name}.execute/2`, {
      attributes: { 'code.function.name': `Smallcentrix.${name}.execute/2` },
    });
    yield sleepUs(app.timings.aggregateUs);
    app.tracing.end(self, decide);

    const event: EventEnvelope = {
      kind: 'event',
      type: EMITS[command.type],
      streamId: `${name.toLowerCase()}-${command.aggregateId}`,
      eventId: app.rng.uuid(),
      eventNumber: 0, // the event store numbers events when it appends them
      causationId: command.commandUuid,
      correlationId: command.correlationId,
      metadata: { ...command.metadata },
    };
    const append = app.tracing.start(self, 'commanded.event_store.append', {
      kind: SpanKind.PRODUCER,
      attributes: messagingAttributes('send', event, {
        'commanded.stream_id': event.streamId,
      }),
    });
    app.tracing.strategy.inject(self, event.metadata);
    yield { type: 'call', to: app.pids.eventStore, body: { kind: 'append', events: [event] } };
    app.tracing.end(self, append);
    app.tracing.end(self, execute);
    app.runtime.reply(self, msg, { ok: true, eventIds: [event.eventId] });
  };
}
