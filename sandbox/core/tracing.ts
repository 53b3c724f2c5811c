import {
  SpanKind,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import type { ServiceName } from '../telemetry/tracerProviders.ts';
import { toHrTime } from '../telemetry/simTime.ts';
import type { ProcessApi } from './hooks.ts';
import type { SimProcess } from './process.ts';
import type { PropagationStrategy } from './propagation/index.ts';

export interface StartOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  links?: Link[];
  /** An explicit parent (a consumer's extracted context); otherwise the strategy's active one. */
  parent?: Context;
  /** The span that begins a request: the Tracing Plug's SERVER span. */
  entry?: boolean;
}

/** One entry of a process's visible span stack. */
export interface StackEntry {
  spanId: string;
  traceId: string;
  name: string;
}

/**
 * Starts and ends spans for the simulated processes on virtual time, through the run's
 * propagation strategy. Components call this instead of the tracer, the way Elixir code calls
 * an instrumentation library that hides the process dictionary.
 */
export class Tracing {
  /** What each process shows as its current span stack. */
  private readonly stacks = new Map<string, StackEntry[]>();
  private readonly apis = new Map<string, ProcessApi>();

  constructor(
    private readonly tracers: Record<ServiceName, Tracer>,
    readonly strategy: PropagationStrategy,
    private readonly now: () => number,
    private readonly onStack?: (pid: string, stack: readonly StackEntry[]) => void,
  ) {}

  start(proc: SimProcess, name: string, opts: StartOptions = {}): Span {
    const parent = opts.parent ?? this.strategy.active(proc);
    const tracer = this.tracers[proc.service as ServiceName];
    const span = tracer.startSpan(
      name,
      {
        kind: opts.kind ?? SpanKind.INTERNAL,
        attributes: opts.attributes,
        links: opts.links,
        startTime: toHrTime(this.now()),
        root: opts.entry === true,
      },
      parent,
    );
    this.strategy.started(proc, span, parent, opts.entry === true);
    this.push(proc, span, name);
    return span;
  }

  end(proc: SimProcess, span: Span): void {
    span.end(toHrTime(this.now()));
    this.strategy.ended(proc, span);
    this.pop(proc);
  }

  /** A span event (a log, in OpenTracing's words) at virtual now. */
  event(span: Span, name: string, attributes?: Attributes): void {
    span.addEvent(name, attributes, toHrTime(this.now()));
  }

  /** Forgets a process that exited. */
  forget(pid: string): void {
    this.stacks.delete(pid);
    this.apis.delete(pid);
  }

  /** The instrumentation API for code running in `proc` (hooks, workshop exercises). */
  api(proc: SimProcess): ProcessApi {
    let api = this.apis.get(proc.pid);
    if (api) return api;
    const attached: Span[] = [];
    api = {
      pid: proc.pid,
      tracer: this.tracers[proc.service as ServiceName],
      now: () => toHrTime(this.now()),
      attach: (ctx) => {
        this.strategy.attach(proc, ctx);
        const span = trace.getSpan(ctx);
        if (span) this.push(proc, span, spanName(span));
        attached.push(span as Span);
      },
      detach: () => {
        this.strategy.detach(proc);
        if (attached.pop()) this.pop(proc);
      },
    };
    this.apis.set(proc.pid, api);
    return api;
  }

  private push(proc: SimProcess, span: Span, name: string): void {
    if (!this.onStack) return; // only a view needs the stacks
    let stack = this.stacks.get(proc.pid);
    if (!stack) this.stacks.set(proc.pid, (stack = []));
    const sc = span.spanContext();
    stack.push({ spanId: sc.spanId, traceId: sc.traceId, name });
    this.onStack?.(proc.pid, stack);
  }

  private pop(proc: SimProcess): void {
    if (!this.onStack) return;
    const stack = this.stacks.get(proc.pid);
    if (!stack) return;
    stack.pop();
    this.onStack?.(proc.pid, stack);
    if (stack.length === 0) this.stacks.delete(proc.pid);
  }
}

/** A span's name, when the SDK's span is readable; learner spans always are. */
function spanName(span: Span): string {
  return (span as Partial<{ name: string }>).name ?? 'span';
}
