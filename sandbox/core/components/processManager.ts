import { SpanKind } from '@opentelemetry/api';
import type { App } from '../app.ts';
import { sleepUs } from '../effects.ts';
import { consumeMessage } from './carriers.ts';
import { aggregateIdIn, type EventEnvelope } from '../domain.ts';
import type { Handler } from '../process.ts';
import { commandFrom, dispatch } from './dispatch.ts';
import { messagingAttributes } from './messaging.ts';

/**
 * SampleCollectionProcessManager: on LabOrderPlaced it dispatches ScheduleSampleCollection.
 * Commanded gives the follow-up command the event's correlation id and metadata, so the carrier
 * travels on by itself: Command -> Command.
 */
export function processManagerHandler(app: App): Handler {
  return function* (msg, self) {
    const event = msg.body as EventEnvelope;
    const consumed = consumeMessage(app, self, event.metadata, 'event');
    const handle = app.tracing.start(self, 'commanded.process_manager.handle', {
      kind: SpanKind.CONSUMER,
      parent: consumed.parent,
      links: consumed.links,
      attributes: messagingAttributes('process', event, {
        'commanded.handler_name': 'SampleCollectionProcessManager',
        'commanded.event_number': event.eventNumber,
        'sim.context.carried': consumed.carried,
      }),
    });
    yield sleepUs(app.timings.handlerUs);
    const aggregateId = aggregateIdIn(event.streamId, 'laborder-');
    const command = commandFrom(
      app,
      'ScheduleSampleCollection',
      'SampleCollection',
      aggregateId,
      event,
    );
    yield* dispatch(app, self, command);
    app.tracing.end(self, handle);
  };
}
