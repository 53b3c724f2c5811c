import type { Exercise } from '../lib/Exercise.ts';
import { checked, record, type Seen } from '../lib/check.ts';
import { carrierProblem, snapshot } from '../lib/carrierShape.ts';
import { referenceHint } from '../lib/hints.ts';
import { oneTracePerRequest } from '../lib/rules.ts';

/** The command after copyToFollowUp filled it in, and the event that caused it. */
interface FollowUp {
  event: { eventId: string; correlationId: string; causationId: string | null };
  command: { causationId: string | null; correlationId: string; metadata: Record<string, unknown> };
}

const followUps = (seen: Seen) => (seen.followUp ?? []) as FollowUp[];
const NOT_CALLED = 'NotificationHandler has not dispatched MarkPatientNotified yet';

export const exercise: Exercise = {
  id: '06-command-to-command',
  number: 6,
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
    'Look at what a process manager gives the commands it dispatches, and do the same by hand. Commanded tracks three things per message: what caused it, which conversation it belongs to, and its metadata.',
    'The causation id of a command is the id of the message that caused it. Which message caused MarkPatientNotified, and what is its id field called?',
    'Metadata is where the carrier rides. Copy the map as a whole rather than picking keys: a hand-picked list of keys is how carriers get dropped.',
    referenceHint('06-command-to-command'),
  ],
  why: "The follow-up command now carries the event's metadata, and with it trace_ctx: the router extracts it and MarkPatientNotified joins the request's trace. The correlation id keeps the whole conversation findable by one id, and the causation id (the event's id) records exactly which message led to which, which the trace alone cannot tell you after a retry.",
  elixir: {
    sketch: `defmodule NotificationHandler do
  use Commanded.Event.Handler, application: MyApp, name: __MODULE__

  def handle(%SampleCollectionScheduled{} = event, metadata) do
    send_sms(event)
    MyApp.dispatch(%MarkPatientNotified{lab_order_id: event.lab_order_id}
      # ... what should the command carry from the event?
    )
  end
end`,
    solution: `def handle(%SampleCollectionScheduled{} = event, metadata) do
  send_sms(event)

  MyApp.dispatch(%MarkPatientNotified{lab_order_id: event.lab_order_id},
    causation_id: metadata.event_id,
    correlation_id: metadata.correlation_id,
    # the event's own metadata has string keys ("trace_ctx" among them); Commanded's atom
    # keys (:event_id, :handler_name, ...) describe this delivery and stay behind
    metadata: Map.filter(metadata, fn {key, _} -> is_binary(key) end)
  )
end

# A process manager does this for you; a plain event handler does not.`,
  },
  exports: ['copyToFollowUp'],
  run: { scenario: 'lab-order', mode: 'metadata', requests: 3, concurrency: 2, seed: 505 },
  observe: (hooks, seen) => ({
    ...hooks,
    copyToFollowUp(event, command, api) {
      hooks.copyToFollowUp?.(event, command, api);
      record(seen, 'followUp', {
        event: {
          eventId: event.eventId,
          correlationId: event.correlationId,
          causationId: event.causationId,
        },
        command: snapshot({
          causationId: command.causationId,
          correlationId: command.correlationId,
          metadata: command.metadata ?? {},
        }),
      } satisfies FollowUp);
    },
  }),
  rules: [
    (_run, seen) => {
      const calls = followUps(seen);
      const problem = calls.map((c) => carrierProblem(c.command.metadata)).find((p) => p);
      const problems = problem
        ? [`MarkPatientNotified: ${problem}; expected the event's metadata, trace_ctx included`]
        : [];
      return checked(
        'MarkPatientNotified carries the trace context',
        calls.length,
        problems,
        NOT_CALLED,
      );
    },
    (_run, seen) => {
      const calls = followUps(seen);
      const problems: string[] = [];
      const c = calls.find(
        (c) =>
          c.command.correlationId !== c.event.correlationId ||
          c.command.causationId !== c.event.eventId,
      );
      if (c && c.command.correlationId !== c.event.correlationId)
        problems.push(
          `MarkPatientNotified has correlation_id ${c.command.correlationId}${c.command.correlationId === c.event.causationId ? " (the event's causation id)" : ', a new conversation'}; expected the event's ${c.event.correlationId}`,
        );
      if (c && c.command.causationId !== c.event.eventId)
        problems.push(
          `MarkPatientNotified has causation_id ${String(c.command.causationId)}${c.command.causationId === c.event.causationId ? ' (what caused the event, not the event)' : c.command.causationId === c.event.correlationId ? ' (the correlation id)' : ''}; expected the id of the event that caused it, ${c.event.eventId}`,
        );
      return checked(
        'the follow-up command keeps the conversation and names its cause',
        calls.length,
        problems,
        NOT_CALLED,
      );
    },
    oneTracePerRequest(),
  ],
};
