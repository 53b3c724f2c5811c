import type { Attributes } from '@opentelemetry/api';
import type { CommandEnvelope, EventEnvelope } from '../domain.ts';

/** OpenTelemetry messaging attributes for a command or event, Commanded being the system. */
export function messagingAttributes(
  operation: 'send' | 'process' | 'publish',
  message: CommandEnvelope | EventEnvelope,
): Attributes {
  return {
    'messaging.system': 'commanded',
    'messaging.operation.name': operation,
    'messaging.operation.type': operation === 'process' ? 'process' : 'send',
    'messaging.destination.name': message.type,
    'messaging.message.id': message.kind === 'command' ? message.commandUuid : message.eventId,
    'messaging.message.conversation_id': message.correlationId,
  };
}

/** Database client attributes for a projection or event store write. */
export function dbAttributes(table: string): Attributes {
  return {
    'db.system.name': 'postgresql',
    'db.operation.name': 'INSERT',
    'db.collection.name': table,
    'db.query.summary': `INSERT ${table}`,
  };
}
