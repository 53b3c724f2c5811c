import type { Metadata } from './envelope.ts';

/**
 * The Smallcentrix domain: a healthcare diagnostics lab. A doctor places a lab order, a sample
 * collection gets scheduled by a process manager, and the patient is notified.
 */
export type CommandType = 'PlaceLabOrder' | 'ScheduleSampleCollection' | 'MarkPatientNotified';
export type EventType = 'LabOrderPlaced' | 'SampleCollectionScheduled' | 'PatientNotified';

/** A command as Commanded's router sees it: the struct plus uuid, causation, correlation, metadata. */
export interface CommandEnvelope {
  kind: 'command';
  type: CommandType;
  aggregate: AggregateName;
  aggregateId: string;
  commandUuid: string;
  causationId: string | null;
  correlationId: string;
  metadata: Metadata;
}

/** A recorded event, with the metadata the aggregate copied from its command. */
export interface EventEnvelope {
  kind: 'event';
  type: EventType;
  streamId: string;
  eventId: string;
  eventNumber: number;
  causationId: string;
  correlationId: string;
  metadata: Metadata;
}

export type AggregateName = 'LabOrder' | 'SampleCollection';

/**
 * The aggregate id in a stream id such as `laborder-1a2b3c4d`, when the stream has that prefix
 * (otherwise the stream id as it is). A prefix test and a slice: the regular expression it
 * replaced was one of the costlier lines of an event handler.
 */
export function aggregateIdIn(streamId: string, prefix: string): string {
  return streamId.startsWith(prefix) ? streamId.slice(prefix.length) : streamId;
}

/** Which aggregate handles which command: Commanded's router `dispatch ... to:` lines. */
export const ROUTES: Record<CommandType, AggregateName> = {
  PlaceLabOrder: 'LabOrder',
  MarkPatientNotified: 'LabOrder',
  ScheduleSampleCollection: 'SampleCollection',
};

/** The event each command produces when its aggregate accepts it. */
export const EMITS: Record<CommandType, EventType> = {
  PlaceLabOrder: 'LabOrderPlaced',
  ScheduleSampleCollection: 'SampleCollectionScheduled',
  MarkPatientNotified: 'PatientNotified',
};
