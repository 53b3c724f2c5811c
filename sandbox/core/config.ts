/** Mean durations of the simulated work, in microseconds. Each draw gets seeded jitter. */
export interface Timings {
  /** Delivering a message from one process to another. */
  networkUs: number;
  parseRequestUs: number;
  controllerUs: number;
  routerUs: number;
  aggregateUs: number;
  dbWriteUs: number;
  publishUs: number;
  handlerUs: number;
  smsUs: number;
  /** How long a batching projection waits to collect events. */
  batchWindowUs: number;
  /** Pause between one request finishing and the next starting in the same slot. */
  thinkUs: number;
  /** Spread of every draw: 0.3 means ±30% around the mean. */
  jitter: number;
}

export const DEFAULT_TIMINGS: Timings = {
  networkUs: 400,
  parseRequestUs: 800,
  controllerUs: 300,
  routerUs: 150,
  aggregateUs: 1500,
  dbWriteUs: 2500,
  publishUs: 200,
  handlerUs: 500,
  smsUs: 25_000,
  batchWindowUs: 4000,
  thinkUs: 2000,
  jitter: 0.3,
};

/**
 * Break scenarios that real systems hit, each a toggle: on shows the break, off shows the fix.
 * They matter in the modes that can carry context (metadata, links).
 */
export const FAULTS = [
  'drop-metadata',
  'task-loses-context',
  'batch-projection',
  'unsampled-parent',
  'handlers-ignore-metadata',
] as const;
export type Fault = (typeof FAULTS)[number];

export const FAULT_DESCRIPTIONS: Record<Fault, string> = {
  'drop-metadata':
    'NotificationHandler dispatches MarkPatientNotified with fresh metadata: no trace_ctx, a new correlation_id.',
  'task-loses-context':
    'NotificationHandler sends the SMS from a spawned Task without handing it the trace context.',
  'batch-projection':
    'LabWorklistProjection handles events in batches: one span, many parents. Links mode links them all.',
  'unsampled-parent':
    'The web tier samples 50% of requests, and downstream services do not follow the parent decision.',
  'handlers-ignore-metadata':
    "Event handlers never read trace_ctx from event metadata: only Request -> Command is connected, Alexander's first step.",
};
