import { ROOT_CONTEXT, context, type Context, type ContextManager } from '@opentelemetry/api';

/** Whatever can tell the context of the simulated process that is running right now. */
export interface ContextSource {
  active(): Context;
}

/**
 * A context manager that knows which simulated process is running: `context.active()` returns
 * that process's context, read from its process dictionary. This is the code-level picture of
 * Erlang's process dictionary, where Otter, Spandex and opentelemetry-erlang keep the current span.
 *
 * One instance serves every simulation on the page: JavaScript runs one handler at a time, and
 * the runtime says whose turn it is through `enter`.
 */
export class ProcessContextManager implements ContextManager {
  private source: ContextSource | null = null;
  private override: Context | null = null;
  private enabled = false;

  /** Called by a simulation's runtime when a process starts or stops running. */
  enter(source: ContextSource | null): void {
    this.source = source;
  }

  active(): Context {
    if (this.override) return this.override;
    return this.source?.active() ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    const previous = this.override;
    this.override = ctx;
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.override = previous;
    }
  }

  bind<T>(ctx: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const fn = target as unknown as (...args: unknown[]) => unknown;
    const bound = (...args: unknown[]) => this.with(ctx, () => fn(...args));
    return bound as unknown as T;
  }

  enable(): this {
    this.enabled = true;
    return this;
  }

  disable(): this {
    this.enabled = false;
    this.source = null;
    this.override = null;
    return this;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }
}

let installed: ProcessContextManager | null = null;

/**
 * Registers the process context manager as OpenTelemetry's global one, once per page or Node
 * process, so that learner code can call `context.active()` and `trace.getActiveSpan()`.
 */
export function processContextManager(): ProcessContextManager {
  if (!installed) {
    installed = new ProcessContextManager().enable();
    // Another SDK may own the global slot already; the simulation works without it.
    context.setGlobalContextManager(installed);
  }
  return installed;
}
