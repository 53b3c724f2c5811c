import {
  INVALID_SPAN_CONTEXT,
  SpanKind,
  isSpanContextValid,
  trace,
  type Context,
} from '@opentelemetry/api';
import type { App } from '../app.ts';
import { sleepUs } from '../effects.ts';
import { consumeMessage } from './carriers.ts';
import { aggregateIdIn, type EventEnvelope } from '../domain.ts';
import type { Metadata } from '../envelope.ts';
import type { Handler } from '../process.ts';
import type { ConsumeResult } from '../propagation/PropagationStrategy.ts';
import { commandFrom, dispatch } from './dispatch.ts';
import { messagingAttributes } from './messaging.ts';

interface SmsTask {
  kind: 'sms';
  metadata: Metadata;
  /** What a `taskHandoff` hook handed over from the spawning process. */
  handed?: unknown;
}

/**
 * What a hand-over gave the Task: its current context once the hook ran. The handed value itself
 * is opaque (a context, a span, a box a checker wrapped it in), so what counts as carried is
 * what the Task's process now holds: a span to start under.
 */
function handedOver(active: Context): ConsumeResult {
  return {
    parent: active,
    links: [],
    carried: isSpanContextValid(trace.getSpanContext(active) ?? INVALID_SPAN_CONTEXT),
  };
}

/** The Task that talks to the SMS gateway, a process of its own. */
function smsTask(app: App): Handler {
  return function* (msg, self) {
    const task = msg.body as SmsTask;
    const handoff = app.hooks.taskHandoff;
    // With a handoff hook, the Task starts from whatever the hook attached, as in Elixir.
    if (handoff) handoff.inTask(task.handed, app.tracing.api(self));
    const consumed = handoff
      ? handedOver(app.tracing.strategy.active(self))
      : consumeMessage(app, self, task.metadata, 'task');
    const span = app.tracing.start(self, 'POST /messages', {
      kind: SpanKind.CLIENT,
      parent: consumed.parent,
      links: consumed.links,
      attributes: {
        'http.request.method': 'POST',
        'server.address': 'sms-gateway.smallcentrix.internal',
        'url.full': 'https://sms-gateway.smallcentrix.internal/messages',
        'http.response.status_code': 202,
        'sim.context.carried': consumed.carried,
      },
    });
    yield sleepUs(app.timings.smsUs);
    app.tracing.end(self, span);
  };
}

/**
 * NotificationHandler, a plain event handler (not a process manager): it texts the patient from a
 * spawned Task and dispatches MarkPatientNotified. Being plain, it must copy the event's metadata
 * into the command itself, and hand the context to the Task itself: the two classic breaks.
 */
export function notificationHandler(app: App): Handler {
  // One handler for every Task it spawns: a fresh generator function per Task cost more to start
  // than the Task's whole span.
  const sms = smsTask(app);
  return function* (msg, self) {
    const event = msg.body as EventEnvelope;
    const consumed = consumeMessage(app, self, event.metadata, 'event');
    const handle = app.tracing.start(self, 'commanded.event.handle', {
      kind: SpanKind.CONSUMER,
      parent: consumed.parent,
      links: consumed.links,
      attributes: messagingAttributes('process', event, {
        'commanded.handler_name': 'NotificationHandler',
        'commanded.event_number': event.eventNumber,
        'sim.context.carried': consumed.carried,
      }),
    });
    yield sleepUs(app.timings.handlerUs);

    const taskMetadata: Metadata = {};
    if (!app.faults.has('task-loses-context')) app.tracing.strategy.inject(self, taskMetadata);
    const task = app.runtime.spawn('Task (SMS)', 'notifications', sms, true);
    app.runtime.send(
      self.pid,
      task.pid,
      {
        kind: 'sms',
        metadata: taskMetadata,
        handed: app.hooks.taskHandoff?.beforeStart(app.tracing.api(self)),
      } satisfies SmsTask,
      self.requestId,
    );

    const aggregateId = aggregateIdIn(event.streamId, 'samplecollection-');
    const copy = app.hooks.copyToFollowUp;
    // With a hook, the hook fills the command in, and the metadata it copies is the only carrier.
    const dropped = app.faults.has('drop-metadata') || copy !== undefined;
    const cause = dropped ? null : event;
    const command = commandFrom(app, 'MarkPatientNotified', 'LabOrder', aggregateId, cause);
    copy?.(event, command, app.tracing.api(self));
    yield* dispatch(app, self, command, { inject: !dropped });
    app.tracing.end(self, handle);
  };
}
