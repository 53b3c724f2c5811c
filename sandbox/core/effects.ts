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

const sleeps = new Map<number, Effect>();

/**
 * `yield sleepUs(n)`: let n microseconds (with jitter) pass. Effects are read, never changed, so
 * one object per duration serves every process: no allocation per step.
 */
export function sleepUs(us: number): Effect {
  let effect = sleeps.get(us);
  if (!effect) sleeps.set(us, (effect = { type: 'sleep', us }));
  return effect;
}
