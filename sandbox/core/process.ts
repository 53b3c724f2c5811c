import type { Context } from '@opentelemetry/api';
import type { Effect } from './effects.ts';
import type { Envelope, Pid } from './envelope.ts';
import type { OpenSpanRows } from './propagation/globalStrategy.ts';
import type { SpanFrame } from './propagation/processStack.ts';

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
  /**
   * The span stack and the context extracted from the message being handled: what Otter and
   * opentelemetry-erlang keep in the process dictionary, and part of it here too (cleared with
   * it). Fields rather than `dict` entries because they are read at every span start, end and
   * inject: those map lookups were a few percent of a run. Only propagation/processStack.ts
   * reads and writes them.
   */
  spanStack: SpanFrame[] | undefined = undefined;
  extractedContext: Context | undefined = undefined;
  /**
   * Global mode's bookkeeping of the same kind: which table row each open span of this process
   * went to. Only propagation/globalStrategy.ts reads and writes it.
   */
  openSpanRows: OpenSpanRows | undefined = undefined;
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

  /** Empties the process dictionary, trace context included (a crash, an exit). */
  clearDictionary(): void {
    this.dict.clear();
    this.spanStack = undefined;
    this.extractedContext = undefined;
    this.openSpanRows = undefined;
  }

  /** The simulated HTTP request the current message belongs to. */
  get requestId(): string {
    return this.current?.requestId ?? '';
  }
}
