import { ROOT_CONTEXT, SpanKind, type Link } from '@opentelemetry/api';
import type { App } from '../app.ts';
import { sleepUs } from '../effects.ts';
import { consumeMessage } from './carriers.ts';
import type { EventEnvelope } from '../domain.ts';
import type { Envelope } from '../envelope.ts';
import type { Handler } from '../process.ts';
import { dbAttributes, messagingAttributes } from './messaging.ts';

/** The most events a batching projection takes at once. */
export const MAX_BATCH = 10;

/**
 * A projection (read model): handles an event and writes a row, with a database span. With the
 * `batch-projection` fault on, it waits a moment and handles every queued event in one span.
 */
export function projectionHandler(
  app: App,
  name: string,
  table: string,
  batches: boolean,
): Handler {
  return function* (msg, self) {
    let messages: Envelope[] = [msg];
    if (batches && app.faults.has('batch-projection')) {
      yield sleepUs(app.timings.batchWindowUs);
      messages = (yield { type: 'receive-batch', max: MAX_BATCH }) as Envelope[];
    }
    const events = messages.map((m) => m.body as EventEnvelope);
    const first = events[0] as EventEnvelope;

    // A batch has no single parent: take the first event's context (what naive code does), and
    // collect a link for every event whose context a links-mode consumer found.
    let parent = ROOT_CONTEXT;
    const links: Link[] = [];
    let carried = false;
    const batchLinks = app.hooks.batchLinks;
    if (batchLinks && events.length > 1) {
      links.push(...batchLinks(events, app.tracing.api(self)));
    } else {
      events.forEach((event, i) => {
        const consumed = consumeMessage(app, self, event.metadata, 'event');
        if (i === 0) parent = consumed.parent;
        links.push(...consumed.links);
        carried ||= consumed.carried;
      });
    }
    carried ||= links.length > 0;

    const attributes = messagingAttributes('process', first, {
      'commanded.handler_name': name,
      'commanded.event_number': first.eventNumber,
      'sim.context.carried': carried,
    });
    if (events.length > 1) {
      attributes['messaging.batch.message_count'] = events.length;
      attributes['sim.batch.request_ids'] = messages.map((m) => m.requestId);
    }
    const handle = app.tracing.start(self, 'commanded.event.handle', {
      kind: SpanKind.CONSUMER,
      parent,
      links,
      attributes,
    });
    const db = app.tracing.start(self, `INSERT ${table}`, {
      kind: SpanKind.CLIENT,
      attributes: dbAttributes(table, events.length),
    });
    yield sleepUs(app.timings.dbWriteUs);
    app.tracing.end(self, db);
    app.tracing.end(self, handle);
  };
}
