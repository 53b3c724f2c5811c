// Exercise 6: Command -> Command.
//
// The SampleCollection process manager dispatches
// ScheduleSampleCollection, and Commanded gives that command
// the event's correlation id, causation id and metadata: the
// carrier travels on. NotificationHandler is a plain event
// handler. When it dispatches MarkPatientNotified, nothing is
// copied for it: fill in the command yourself, the way a
// process manager would.
import type { CommandEnvelope, EventEnvelope, ProcessApi } from '../lib/types.ts';

export function copyToFollowUp(
  event: EventEnvelope,
  command: CommandEnvelope,
  api: ProcessApi,
): void {
  command.causationId = event.eventId;
  command.correlationId = event.correlationId;
  command.metadata = { ...event.metadata };
}
