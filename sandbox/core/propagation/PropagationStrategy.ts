import type { Context, Link, Span } from '@opentelemetry/api';
import type { Metadata } from '../envelope.ts';
import type { SimProcess } from '../process.ts';

/** The four ways the simulated system can carry trace context; the names are used everywhere. */
export const MODES = ['global', 'process', 'metadata', 'links'] as const;
export type PropagationMode = (typeof MODES)[number];

/** The modes that carry context in message metadata: a W3C inject and extract at every hop. */
export function carriesContext(mode: PropagationMode): boolean {
  return mode === 'metadata' || mode === 'links';
}

/** What a message consumer starts its span from. */
export interface ConsumeResult {
  parent: Context;
  links: Link[];
  /** The context found in the message, if any: shown in the span details. */
  carried: boolean;
}

/** What kind of message a consumer handles; links mode treats events differently from commands. */
export type MessageKind = 'request' | 'command' | 'event' | 'task';

/**
 * A propagation strategy decides three things: which context a new span gets as parent, what
 * goes into outgoing message metadata, and what a consumer makes of incoming metadata.
 */
export interface PropagationStrategy {
  readonly mode: PropagationMode;
  /** The context that new spans in `proc` are parented to: `context.active()` inside it. */
  active(proc: SimProcess): Context;
  /**
   * A span started in `proc`, in the context `parent` (its own context is
   * `trace.setSpan(parent, span)`, for the strategy to make if and when it needs it); `entry`
   * marks the span that begins a request (the Tracing Plug).
   */
  started(proc: SimProcess, span: Span, parent: Context, entry: boolean): void;
  ended(proc: SimProcess, span: Span): void;
  /** Instrumentation code makes `ctx` current in `proc` (otel_ctx:attach), and undoes it. */
  attach(proc: SimProcess, ctx: Context): void;
  detach(proc: SimProcess): void;
  /** Writes the carrier into outgoing metadata (or, for the broken modes, does not). */
  inject(proc: SimProcess, metadata: Metadata): void;
  /** Reads incoming metadata when `proc` starts handling a message. */
  consume(proc: SimProcess, metadata: Metadata | undefined, kind: MessageKind): ConsumeResult;
  /** The simulator says a request has finished, everywhere. */
  requestDone(requestId: string): void;
  /** Entries of finished requests still held by the strategy (global mode's "when to clean?"). */
  lingering(): number;
}
