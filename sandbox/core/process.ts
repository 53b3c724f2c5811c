import type { Effect } from './effects.ts';
import type { Envelope, Pid } from './envelope.ts';

/** A handler runs once per message, one message at a time, and may yield effects. */
export type Handler = (msg: Envelope, self: SimProcess) => Generator<Effect, void, unknown>;

/**
 * One simulated Erlang process: a pid, a mailbox, messages handled one at a time, and a process
 * dictionary. The runtime drives it; the only way data gets in is a message.
 */
export class SimProcess {
  readonly mailbox: Envelope[] = [];
  /** The process dictionary: per-process state that no other process can read. */
  readonly dict = new Map<string, unknown>();
  /** The message being handled, and the messages of a batch handled with it. */
  current: Envelope | null = null;
  batch: Envelope[] = [];
  running: Generator<Effect, void, unknown> | null = null;
  waitingRef: number | null = null;
  alive = true;
  handled = 0;

  constructor(
    readonly pid: Pid,
    /** The topology node this process belongs to (a module, or the request-process pool). */
    readonly node: string,
    readonly service: string,
    readonly handler: Handler,
    /** Processes that exit after one message (request processes, tasks). */
    readonly transient: boolean,
  ) {}

  /** The simulated HTTP request the current message belongs to. */
  get requestId(): string {
    return this.current?.requestId ?? '';
  }
}
