import type { Effect } from './effects.ts';
import type { Envelope, Pid } from './envelope.ts';
import { SimProcess, type Handler } from './process.ts';
import type { Rng } from './rng.ts';
import type { Scheduler } from './scheduler.ts';

/** Something that happened between processes; the UI animates these. */
export type RuntimeEvent =
  | { type: 'spawn'; at: number; pid: Pid; node: string; service: string }
  | { type: 'exit'; at: number; pid: Pid; node: string }
  | { type: 'send'; at: number; envelope: Envelope }
  | { type: 'deliver'; at: number; envelope: Envelope }
  | { type: 'handle-start'; at: number; pid: Pid; envelope: Envelope; batchSize: number }
  | { type: 'handle-end'; at: number; pid: Pid }
  /** A handler raised: the process dies with its message, and its supervisor restarts it. */
  | { type: 'crash'; at: number; pid: Pid; node: string; error: string; envelope: Envelope | null };

export interface RuntimeOptions {
  scheduler: Scheduler;
  rng: Rng;
  /** Mean delivery latency of a message between processes, in microseconds. */
  networkUs: number;
  /** Spread of every latency, as a fraction of its mean (0.3 = ±30%). */
  jitter: number;
  /** Every event, for a view or a recorder. Left out, the runtime builds no event objects. */
  onEvent?: (event: RuntimeEvent) => void;
  /** A handler finished its message (before the process takes its next one, or exits). */
  onHandled?: (proc: SimProcess) => void;
  /** A transient process exited. */
  onExit?: (proc: SimProcess) => void;
  /** A handler raised; called before `onEvent` sees the crash. */
  onCrash?: (event: Extract<RuntimeEvent, { type: 'crash' }>) => void;
  /** Called when the last message caused by a simulated request has been handled. */
  onRequestIdle?: (requestId: string) => void;
  /** The runtime tells this who is running, so that context lookups find the right process. */
  onSwitch?: (proc: SimProcess | null) => void;
}

/**
 * The process runtime: spawning, mailboxes, message delivery with latency, and driving handler
 * generators on virtual time. It knows nothing about commands, events or tracing.
 */
export class Runtime {
  private readonly procs = new Map<Pid, SimProcess>();
  private readonly outstanding = new Map<string, number>();
  private nextPid = 100;
  private nextSeq = 1;
  private nextRef = 1;
  private running: SimProcess | null = null;

  // Bound once, so that scheduling a delivery or a wake-up allocates no closure.
  private readonly deliverBound = (envelope: Envelope) => this.deliver(envelope);
  private readonly resumeBound = (proc: SimProcess) => this.advance(proc, undefined);

  constructor(private readonly opts: RuntimeOptions) {}

  get now(): number {
    return this.opts.scheduler.now();
  }

  /** The process whose handler is executing right now, if any. */
  get current(): SimProcess | null {
    return this.running;
  }

  process(pid: Pid): SimProcess | undefined {
    return this.procs.get(pid);
  }

  processes(): IterableIterator<SimProcess> {
    return this.procs.values();
  }

  spawn(node: string, service: string, handler: Handler, transient = false): SimProcess {
    const pid = `<0.${this.nextPid++}.0>`;
    const proc = new SimProcess(pid, node, service, handler, transient);
    this.procs.set(pid, proc);
    const onEvent = this.opts.onEvent;
    if (onEvent) onEvent({ type: 'spawn', at: this.now, pid, node, service });
    return proc;
  }

  /** A latency in microseconds: `meanUs` with seeded jitter. */
  latency(meanUs: number): number {
    return Math.round(this.opts.rng.jitter(meanUs, this.opts.jitter));
  }

  /**
   * Sends a message; it arrives after the network latency. Counts as work of `requestId`.
   * `callRef` marks a GenServer.call, `inReplyTo` its reply (positional: no options object per
   * message).
   */
  send(
    from: Pid | null,
    to: Pid,
    body: unknown,
    requestId: string,
    callRef?: number,
    inReplyTo?: number,
  ): Envelope {
    const sentAt = this.now;
    const envelope: Envelope = {
      seq: this.nextSeq++,
      from,
      to,
      body,
      requestId,
      sentAt,
      deliverAt: sentAt + this.latency(this.opts.networkUs),
      callRef,
      inReplyTo,
    };
    this.track(requestId, +1);
    const onEvent = this.opts.onEvent;
    if (onEvent) onEvent({ type: 'send', at: sentAt, envelope });
    this.opts.scheduler.at(envelope.deliverAt, this.deliverBound, envelope);
    return envelope;
  }

  /** Answers the GenServer.call that `msg` came from. */
  reply(self: SimProcess, msg: Envelope, value: unknown): void {
    if (msg.callRef === undefined || msg.from === null) return;
    this.send(self.pid, msg.from, { reply: value }, msg.requestId, undefined, msg.callRef);
  }

  private deliver(envelope: Envelope): void {
    const proc = this.procs.get(envelope.to);
    const onEvent = this.opts.onEvent;
    if (onEvent) onEvent({ type: 'deliver', at: this.now, envelope });
    if (!proc || !proc.alive) {
      // A message to a dead process is dropped, as in Erlang.
      this.track(envelope.requestId, -1);
      return;
    }
    if (envelope.inReplyTo !== undefined) {
      // Replies go straight to the caller that waits for them (a selective receive).
      this.track(envelope.requestId, -1);
      if (proc.waitingRef === envelope.inReplyTo) {
        proc.waitingRef = null;
        this.advance(proc, (envelope.body as { reply: unknown }).reply);
      }
      return;
    }
    proc.mailbox.push(envelope);
    if (!proc.running) this.startNext(proc);
  }

  private startNext(proc: SimProcess): void {
    const msg = proc.mailbox.shift();
    if (!msg) return;
    proc.current = msg;
    proc.batch = [msg];
    proc.running = proc.handler(msg, proc);
    const onEvent = this.opts.onEvent;
    if (onEvent)
      onEvent({ type: 'handle-start', at: this.now, pid: proc.pid, envelope: msg, batchSize: 1 });
    this.advance(proc, undefined);
  }

  /** Resumes a handler until it waits for something or finishes. */
  private advance(proc: SimProcess, input: unknown): void {
    const gen = proc.running;
    if (!gen) return;
    this.running = proc;
    this.opts.onSwitch?.(proc);
    let result: IteratorResult<Effect, void>;
    try {
      result = gen.next(input);
    } catch (err) {
      this.crash(proc, err);
      return;
    } finally {
      this.running = null;
      this.opts.onSwitch?.(null);
    }
    if (result.done) {
      this.finish(proc);
      return;
    }
    const effect = result.value;
    switch (effect.type) {
      case 'sleep':
        this.opts.scheduler.after(this.latency(effect.us), this.resumeBound, proc);
        return;
      case 'call': {
        const ref = this.nextRef++;
        proc.waitingRef = ref;
        this.send(proc.pid, effect.to, effect.body, proc.requestId, ref);
        return;
      }
      case 'receive-batch': {
        const extra = proc.mailbox.splice(0, Math.max(0, effect.max - proc.batch.length));
        proc.batch.push(...extra);
        this.opts.scheduler.after(0, () => this.advance(proc, proc.batch));
        return;
      }
    }
  }

  /**
   * Let it crash: the error is reported, a caller waiting on the message gets an error reply
   * instead of hanging, and the process starts over with an empty dictionary. Spans it had open
   * stay open, as they would in a real system.
   */
  private crash(proc: SimProcess, err: unknown): void {
    const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const event = {
      type: 'crash' as const,
      at: this.now,
      pid: proc.pid,
      node: proc.node,
      error,
      envelope: proc.current,
    };
    this.opts.onCrash?.(event);
    this.opts.onEvent?.(event);
    for (const msg of proc.batch) this.reply(proc, msg, { ok: false, error });
    proc.clearDictionary();
    proc.waitingRef = null;
    this.finish(proc);
  }

  private finish(proc: SimProcess): void {
    const done = proc.batch;
    proc.running = null;
    proc.current = null;
    proc.batch = [];
    proc.handled += done.length;
    this.opts.onHandled?.(proc);
    const onEvent = this.opts.onEvent;
    if (onEvent) onEvent({ type: 'handle-end', at: this.now, pid: proc.pid });
    if (proc.transient) this.exit(proc);
    else if (proc.mailbox.length > 0) this.startNext(proc);
    // Count the work done only after the next message started, so that a request that is idle
    // here really has nothing left anywhere.
    for (const msg of done) this.track(msg.requestId, -1);
  }

  private exit(proc: SimProcess): void {
    proc.alive = false;
    proc.clearDictionary();
    this.procs.delete(proc.pid);
    this.opts.onExit?.(proc);
    const onEvent = this.opts.onEvent;
    if (onEvent) onEvent({ type: 'exit', at: this.now, pid: proc.pid, node: proc.node });
  }

  private track(requestId: string, delta: number): void {
    const n = (this.outstanding.get(requestId) ?? 0) + delta;
    if (n > 0) {
      this.outstanding.set(requestId, n);
      return;
    }
    this.outstanding.delete(requestId);
    if (n === 0) this.opts.onRequestIdle?.(requestId);
  }

  /** Requests with work still in flight. */
  get busyRequests(): number {
    return this.outstanding.size;
  }
}
