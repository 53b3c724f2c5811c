import type { Pid } from './envelope.ts';

/**
 * What a process handler can wait for. Handlers are generators: `yield sleep(ms)` lets virtual
 * time pass while the process stays busy, `yield call(...)` blocks until the reply arrives, just
 * like a GenServer.call. Other processes keep running in the meantime.
 */
export type Effect =
  | { type: 'sleep'; us: number }
  | { type: 'call'; to: Pid; body: unknown }
  | { type: 'receive-batch'; max: number };

export const sleepUs = (us: number): Effect => ({ type: 'sleep', us });
