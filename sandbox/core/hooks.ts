import type { Context, HrTime, Link, Span, Tracer } from '@opentelemetry/api';
import type { Sampler } from '@opentelemetry/sdk-trace-base';
import type { CommandEnvelope, EventEnvelope } from './domain.ts';
import type { Metadata } from './envelope.ts';

/**
 * What instrumentation code gets inside a simulated process: the tools an Elixir module has in
 * its own process. Workshop exercises write their code against this and `@opentelemetry/api`.
 */
export interface ProcessApi {
  /** The running process, as iex prints it: `<0.142.0>`. */
  readonly pid: string;
  /** The tracer of this process's service. */
  readonly tracer: Tracer;
  /** Virtual now: pass it as `startTime`, and to `span.end()`. */
  now(): HrTime;
  /** Makes `ctx` this process's current context, like `otel_ctx:attach/1`. */
  attach(ctx: Context): void;
  /** Goes back to the context before the last attach, like `otel_ctx:detach/1`. */
  detach(): void;
}

/** A Plug connection, reduced to what a tracing plug needs. */
export interface Conn {
  method: string;
  path: string;
  /** The matched route pattern, e.g. `/lab-orders`. */
  route: string;
  /** Set by the controller before the response is sent. */
  status: number | null;
  /** Per-request storage the plug may use, like `conn.private`. */
  assigns: Record<string, unknown>;
}

/** A function call that ExRay's `@trace` annotation wraps. */
export interface TracedCall {
  module: string;
  fun: string;
  arity: number;
  /** The `@trace kind: ...` annotation. */
  kind: string;
}

/** Where trace context is kept per process: the exercise about global state swaps this. */
export interface CurrentSpanStore {
  get(pid: string): Context | undefined;
  set(pid: string, ctx: Context | undefined): void;
}

/**
 * Instrumentation points that code outside the core can take over. Each one left out keeps the
 * simulation's own behaviour for the run's mode.
 */
export interface Hooks {
  /** The Tracing Plug: `call` when the request arrives, `beforeSend` just before the response. */
  tracingPlug?: {
    call(conn: Conn, api: ProcessApi): void;
    beforeSend(conn: Conn, api: ProcessApi): void;
  };
  /** ExRay's `pre:` and `post:` functions around each `@trace`d function. */
  exray?: {
    startSpan(call: TracedCall, api: ProcessApi): Span | undefined;
    finishSpan(call: TracedCall, span: Span | undefined, result: unknown, api: ProcessApi): void;
  };
  /** A dispatch middleware's `before_dispatch`: may write into `command.metadata`. */
  beforeDispatch?(command: CommandEnvelope, api: ProcessApi): void;
  /** What a handler continues from, given the metadata of the message it handles. */
  extractContext?(metadata: Metadata, api: ProcessApi): Context;
  /** A plain event handler fills in the follow-up command it dispatches. */
  copyToFollowUp?(event: EventEnvelope, command: CommandEnvelope, api: ProcessApi): void;
  /** The links of a batch span, one per event handled. */
  batchLinks?(events: readonly EventEnvelope[], api: ProcessApi): Link[];
  /** Replaces the per-process span stack with a store of the hook's own. */
  currentSpanStore?: CurrentSpanStore;
  /**
   * A carrier of the hook's own design: `inject` writes the current context into outgoing
   * metadata (commands, events, the SMS Task's message), `extract` reads it back where a process
   * starts handling one. Event metadata reaches `extract` as JSON, as it does from the EventStore.
   */
  carrier?: {
    inject(metadata: Metadata, api: ProcessApi): void;
    extract(metadata: Metadata, api: ProcessApi): Context;
  };
  /**
   * Handing the context to a spawned Task: `beforeStart` runs in the spawning process, and what
   * it returns is given to `inTask`, the first thing the Task's process runs.
   */
  taskHandoff?: {
    beforeStart(api: ProcessApi): unknown;
    inTask(handed: unknown, api: ProcessApi): void;
  };
  /** The sampler of every service except the web tier (which keeps its own decision). */
  sampler?: Sampler;
}
