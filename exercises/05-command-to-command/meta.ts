import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Exercise } from '../lib/Exercise.ts';
import { assertion } from '../lib/check.ts';
import { byRequest, oneTracePerRequest } from '../lib/rules.ts';
import { traceId } from '../lib/traceQueries.ts';

const handling = (group: readonly ReadableSpan[], name: string, command: string) =>
  group.find((s) => s.name === name && s.attributes['messaging.destination.name'] === command);

export const exercise: Exercise = {
  id: '05-command-to-command',
  number: 5,
  title: 'Command -> Command',
  statement: [
    '"What about Command -> Command?" A process manager gets it for free: Commanded copies the causing event\'s correlation id and metadata into the commands it dispatches, so `trace_ctx` travels on.',
    "A plain event handler gets nothing for free. NotificationHandler dispatches MarkPatientNotified with empty metadata, and the trace breaks there. Write `copyToFollowUp`: make the command caused by the event, in the same conversation, carrying the event's metadata.",
  ],
  goal: `POST /lab-orders  SERVER
└─ ... LabOrderPlaced -> SampleCollectionProcessManager
       └─ ScheduleSampleCollection -> SampleCollectionScheduled
          └─ commanded.event.handle (NotificationHandler)
             ├─ POST /messages (SMS Task)
             └─ commanded.application.dispatch MarkPatientNotified
                └─ commanded.router.dispatch ... PatientNotified`,
  hints: [
    "Three fields: causationId, correlationId and metadata. Commanded's process managers set all three from the event.",
    'causationId is the id of the event that caused the command: `event.eventId`.',
    'command.causationId = event.eventId; command.correlationId = event.correlationId; command.metadata = { ...event.metadata };',
  ],
  exports: ['copyToFollowUp'],
  run: { scenario: 'lab-order', mode: 'metadata', requests: 3, concurrency: 2, seed: 505 },
  rules: [
    ({ spans }) => {
      const problems: string[] = [];
      for (const [request, group] of byRequest(spans)) {
        const server = group.find((s) => !s.parentSpanContext);
        const routed = handling(group, 'commanded.router.dispatch', 'MarkPatientNotified');
        if (!server || !routed) continue;
        if (traceId(routed) !== traceId(server))
          problems.push(
            `${request}: \`commanded.router.dispatch\` (MarkPatientNotified) started a new trace: NotificationHandler dispatched it with no trace_ctx in its metadata`,
          );
      }
      return assertion('MarkPatientNotified continues the request trace', problems);
    },
    ({ spans }) => {
      const problems: string[] = [];
      for (const [request, group] of byRequest(spans)) {
        const first = handling(group, 'commanded.aggregate.execute', 'PlaceLabOrder');
        const followUp = handling(group, 'commanded.aggregate.execute', 'MarkPatientNotified');
        const cause = group.find(
          (s) =>
            s.attributes['commanded.handler_name'] === 'NotificationHandler' &&
            s.name === 'commanded.event.handle',
        );
        if (!first || !followUp || !cause) continue;
        const conversation = 'messaging.message.conversation_id';
        if (followUp.attributes[conversation] !== first.attributes[conversation])
          problems.push(
            `${request}: MarkPatientNotified has correlation_id ${String(followUp.attributes[conversation])}, not the conversation's ${String(first.attributes[conversation])}`,
          );
        if (
          followUp.attributes['commanded.causation_id'] !== cause.attributes['messaging.message.id']
        )
          problems.push(
            `${request}: MarkPatientNotified's causation_id is not the id of the SampleCollectionScheduled event that caused it`,
          );
      }
      return assertion('the follow-up command keeps the correlation and names its cause', problems);
    },
    oneTracePerRequest(),
  ],
};
