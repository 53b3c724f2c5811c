import type { Timings, Fault } from './config.ts';
import type { AggregateName, EventType } from './domain.ts';
import type { Pid } from './envelope.ts';
import type { Hooks } from './hooks.ts';
import type { Rng } from './rng.ts';
import type { Runtime } from './runtime.ts';
import type { Tracing } from './tracing.ts';

/** What every component of the simulated backend can reach: its "application environment". */
export interface App {
  runtime: Runtime;
  tracing: Tracing;
  rng: Rng;
  timings: Timings;
  faults: ReadonlySet<Fault>;
  /** Instrumentation taken over by code outside the core (workshop exercises). */
  hooks: Hooks;
  pids: {
    router: Pid;
    eventStore: Pid;
    aggregates: Record<AggregateName, Pid>;
  };
  /** Event handlers subscribed to each event type, in subscription order. */
  subscribers: Record<EventType, Pid[]>;
}
