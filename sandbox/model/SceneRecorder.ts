import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Envelope } from '../core/envelope.ts';
import type { SimEvent } from '../core/simulation.ts';
import type { StackEntry } from '../core/tracing.ts';
import { fromReadableSpan } from './SpanRecord.ts';
import { TraceBuffer } from './TraceBuffer.ts';
import { carriedTraceId, consumedMessage } from './messageInfo.ts';

/** A message on its way between two topology nodes. */
export interface Flight {
  seq: number;
  fromNode: string;
  toNode: string;
  sentAt: number;
  deliverAt: number;
  /** The trace whose context it carries, or null: a plain message. */
  traceId: string | null;
  reply: boolean;
}

/** A live process's span stack, for the node it belongs to. */
export interface ProcessStack {
  pid: string;
  node: string;
  stack: readonly StackEntry[];
  /** Virtual time of the last change: the node shows its most recent stacks first. */
  at: number;
}

/** The pseudo node an HTTP request comes from. */
export const CLIENT_NODE = 'Client';

/**
 * How many exited processes keep their node name: a message one of them sent may still be in
 * flight or queued, and its span names the sender's node. Every request spawns short-lived
 * processes, so without this bound the names would pile up for as long as a stream runs.
 */
export const EXITED_NAMES_KEPT = 4_096;

/**
 * Turns a simulation's event stream into what the views read: spans (with the message that
 * carried or failed to carry their context), messages in flight, and per-process span stacks.
 * Plain data, no DOM: the controller publishes it to React once per frame.
 */
export class SceneRecorder {
  readonly buffer: TraceBuffer;
  readonly flights = new Map<number, Flight>();
  readonly stacks = new Map<string, ProcessStack>();
  /** Node of every live process, and of the most recently exited ones (oldest first). */
  private readonly nodes = new Map<string, string>();
  private readonly exited = new Set<string>();
  private readonly handling = new Map<string, Envelope>();
  /** Events seen since the last `take()`. */
  dirty = false;

  constructor(
    cap?: number,
    private readonly exitedNamesKept = EXITED_NAMES_KEPT,
  ) {
    this.buffer = new TraceBuffer(cap);
  }

  /**
   * A started span waits for the next event before it is read: the core may set attributes
   * (`elixir.process`, `sim.request.id`) right after the SDK announces the start.
   */
  private pending: ReadableSpan | null = null;

  readonly onEvent = (e: SimEvent): void => {
    this.dirty = true;
    this.flush();
    switch (e.type) {
      case 'spawn':
        this.nodes.set(e.pid, e.node);
        return;
      case 'exit':
        this.stacks.delete(e.pid);
        this.handling.delete(e.pid);
        this.forgetLater(e.pid);
        return;
      case 'send': {
        const env = e.envelope;
        this.flights.set(env.seq, {
          seq: env.seq,
          fromNode: env.from === null ? CLIENT_NODE : (this.nodes.get(env.from) ?? '?'),
          toNode: this.nodes.get(env.to) ?? '?',
          sentAt: env.sentAt,
          deliverAt: env.deliverAt,
          traceId: carriedTraceId(env.body),
          reply: env.inReplyTo !== undefined,
        });
        return;
      }
      case 'deliver':
        this.flights.delete(e.envelope.seq);
        return;
      case 'handle-start':
        this.handling.set(e.pid, e.envelope);
        return;
      case 'handle-end':
        this.handling.delete(e.pid);
        return;
      case 'stack':
        if (e.stack.length === 0) this.stacks.delete(e.pid);
        else
          this.stacks.set(e.pid, {
            pid: e.pid,
            node: this.nodes.get(e.pid) ?? '?',
            stack: e.stack,
            at: e.at,
          });
        return;
      case 'span-start':
        this.pending = e.span;
        return;
      case 'span-end':
        this.buffer.update(fromReadableSpan(e.span, true));
        return;
      default:
        return;
    }
  };

  /** Reads a started span that is still waiting; call before reading the buffer. */
  flush(): void {
    const span = this.pending;
    if (!span) return;
    this.pending = null;
    const record = fromReadableSpan(span, false);
    const pid = record.attributes['elixir.process'];
    const env = typeof pid === 'string' ? this.handling.get(pid) : undefined;
    const message = consumedMessage(record.attributes, env, (p) => this.nodes.get(p));
    if (message) record.message = message;
    this.buffer.add(record);
  }

  nodeOf(pid: string): string | undefined {
    return this.nodes.get(pid);
  }

  /** Processes whose node the recorder knows: the live ones and the last few exited. */
  get knownProcesses(): number {
    return this.nodes.size;
  }

  private forgetLater(pid: string): void {
    this.exited.add(pid);
    if (this.exited.size <= this.exitedNamesKept) return;
    const oldest = this.exited.values().next().value as string;
    this.exited.delete(oldest);
    this.nodes.delete(oldest);
  }

  clearTraces(): void {
    this.buffer.clear();
    this.dirty = true;
  }
}
