import type { Attributes } from '@opentelemetry/api';
import type { CommandEnvelope, EventEnvelope } from '../domain.ts';

/** OpenTelemetry messaging attributes for a command or event, Commanded being the system. */
export function messagingAttributes(
  operation: 'send' | 'process' | 'publish',
  message: CommandEnvelope | EventEnvelope,
  /** Further attributes of the span: the messaging ones are added to this object, not copied. */
  into: Attributes = {},
): Attributes {
  into['messaging.system'] = 'commanded';
  into['messaging.operation.name'] = operation;
  into['messaging.operation.type'] = operation === 'process' ? 'process' : 'send';
  into['messaging.destination.name'] = message.type;
  into['messaging.message.id'] = message.kind === 'command' ? message.commandUuid : message.eventId;
  into['messaging.message.conversation_id'] = message.correlationId;
  return into;
}

/**
 * Database client attributes for a projection or event store write, with the rows a write
 * returned when it says. One literal, extended in place: spreading it into another literal was
 * one of the costlier lines of a run.
 */
export function dbAttributes(table: string, returnedRows?: number): Attributes {
  const attributes: Attributes = {
    'db.system.name': 'postgresql',
    'db.operation.name': 'INSERT',
    'db.collection.name': table,
    'db.query.summary': `INSERT ${table}`,
  };
  if (returnedRows !== undefined) attributes['db.response.returned_rows'] = returnedRows;
  return attributes;
}
