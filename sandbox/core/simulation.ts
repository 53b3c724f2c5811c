import { ROOT_CONTEXT } from '@opentelemetry/api';
import type { ReadableSpan, Span } from '@opentelemetry/sdk-trace-base';
import { processContextManager } from '../telemetry/ProcessContextManager.ts';
import { SeededIdGenerator } from '../telemetry/SeededIdGenerator.ts';
import { StreamingSpanProcessor } from '../telemetry/StreamingSpanProcessor.ts';
import { createTracers } from '../telemetry/tracerProviders.ts';
import { carrierHookStrategy } from './propagation/carrierHookStrategy.ts';
import type { App } from './app.ts';
import { startApplication } from './application.ts';
import { labOrderRequest, proofOfConceptRequest } from './components/requestProcess.ts';
import { DEFAULT_TIMINGS, type Fault, type Timings } from './config.ts';
import type { Pid } from './envelope.ts';
import type { SimProcess } from './process.ts';
import { registerGlobalPropagator } from './propagation/carrier.ts';
import { clearExtracted } from './propagation/processStack.ts';
import type { Hooks, ProcessApi } from './hooks.ts';
import type { PropagationStrategy } from './propagation/PropagationStrategy.ts';
import { createStrategy, type PropagationMode } from './propagation/index.ts';
import { storeStrategy } from './propagation/storeStrategy.ts';
import { createRng } from './rng.ts';
import { Runtime, type RuntimeEvent } from './runtime.ts';
import type { HttpRequest, ScenarioName } from './scenarios.ts';
import { createScheduler } from './scheduler.ts';
import { TOPOLOGY, type TopologyNode } from './topology.ts';
import { Tracing, type StackEntry } from './tracing.ts';

export { TOPOLOGY, type TopologyNode };

export interface SimulationOptions {
  seed?: number;
  /** Mixed into trace and span ids (SeededIdGenerator): a fresh one per run keeps runs apart. */
  idNonce?: string;
  mode?: PropagationMode;
  scenario?: ScenarioName;
  faults?: Iterable<Fault>;
  timings?: Partial<Timings>;
  /** Everything that happens, in order: process events, span starts and ends, stacks, requests. */
  onEvent?: (event: SimEvent) => void;
  /** Instrumentation taken over by code outside the core: the workshop exercises. */
  hooks?: Hooks;
  /** Just the spans, for consumers that need nothing else (the CLI, tests, the benchmark). */
  onSpan?: (phase: 'start' | 'end', span: ReadableSpan) => void;
  /**
   * Writes more of the simulator's ground truth into each span a process starts, from that
   * process (the CLI: the box it ran in, the message it handled), so that a file of spans says
   * what a live view knows from the run's events. `nodeOf` names a live process's box.
   */
  annotate?: (span: Span, proc: SimProcess, nodeOf: (pid: string) => string | undefined) => void;
}

export type SimEvent =
  | RuntimeEvent
  | { type: 'span-start'; at: number; span: ReadableSpan }
  | { type: 'span-end'; at: number; span: ReadableSpan }
  | { type: 'stack'; at: number; pid: Pid; stack: readonly StackEntry[] }
  | { type: 'request-start'; at: number; requestId: string }
  | { type: 'request-done'; at: number; requestId: string };

export interface SimulationStats {
  requestsStarted: number;
  requestsDone: number;
  spansStarted: number;
  spansEnded: number;
  /** Rows of finished requests that the global table still holds. */
  lingering: number;
  /** Handlers that raised, and the first few of their errors with the process that raised them. */
  crashes: number;
  crashLog: string[];
  now: number;
}

export interface Simulation {
  readonly mode: PropagationMode;
  readonly seed: number;
  readonly scenario: ScenarioName;
  readonly faults: ReadonlySet<Fault>;
  /** Fires `count` requests at once. */
  send(count?: number): void;
  /** Fires `requests` requests, keeping `concurrency` in flight until all have been sent. */
  load(requests: number, concurrency: number): void;
  /** Runs the next scheduled event; false when idle. */
  step(): boolean;
  /** Advances virtual time to `us`, running what is due. */
  runUntil(us: number): void;
  /** Runs until nothing is left to do (or `maxEvents`, a guard). Returns the events run. */
  runUntilIdle(maxEvents?: number): number;
  isIdle(): boolean;
  /** Virtual now in microseconds. */
  now(): number;
  /** Virtual time of the next event, if any. */
  nextAt(): number | undefined;
  stats(): SimulationStats;
  /** The topology: one node per module (or process pool), grouped by service. */
  topology(): readonly TopologyNode[];
  dispose(): void;
}

/** Builds a fresh simulated Smallcentrix backend. Nothing runs until it is stepped. */
export function createSimulation(options: SimulationOptions = {}): Simulation {
  const seed = options.seed ?? 1;
  const mode = options.mode ?? 'metadata';
  const scenario = options.scenario ?? 'lab-order';
  const faults: ReadonlySet<Fault> = new Set(options.faults ?? []);
  const timings: Timings = { ...DEFAULT_TIMINGS, ...options.timings };
  const emit = options.onEvent;

  const scheduler = createScheduler();
  const rng = createRng(seed);
  const hooks: Hooks = options.hooks ?? {};
  const baseStrategy = hooks.currentSpanStore
    ? storeStrategy(hooks.currentSpanStore, createStrategy(mode))
    : createStrategy(mode);
  // Instrumentation code sees its process's API; `tracing` exists before any process runs.
  const strategy: PropagationStrategy = hooks.carrier
    ? carrierHookStrategy(hooks.carrier, baseStrategy, (proc): ProcessApi => tracing.api(proc))
    : baseStrategy;
  const contextManager = processContextManager();
  registerGlobalPropagator();
  let disposed = false;
  const stats = { requestsStarted: 0, requestsDone: 0, spansStarted: 0, spansEnded: 0, crashes: 0 };
  const crashLog: string[] = [];

  // What `context.active()` answers while one of this run's processes is running.
  let running: SimProcess | null = null;
  const contextSource = { active: () => (running ? strategy.active(running) : ROOT_CONTEXT) };

  const processor = new StreamingSpanProcessor(
    (phase, span) => {
      if (phase === 'start') stats.spansStarted++;
      else stats.spansEnded++;
      options.onSpan?.(phase, span);
      emit?.({ type: phase === 'start' ? 'span-start' : 'span-end', at: scheduler.now(), span });
    },
    // Ground truth for the views and checks: which process and which simulated request.
    (span) => {
      if (!running) return;
      span.setAttribute('elixir.process', running.pid);
      span.setAttribute('sim.request.id', running.requestId);
      options.annotate?.(span, running, nodeOf);
    },
  );
  const tracers = createTracers({
    idGenerator: new SeededIdGenerator(seed, options.idNonce),
    processor,
    unsampledParent: faults.has('unsampled-parent'),
    downstreamSampler: hooks.sampler,
  });

  let pendingRequests = 0;
  const nodeOf = (pid: string) => runtime.process(pid)?.node;
  const runtime: Runtime = new Runtime({
    scheduler,
    rng,
    networkUs: timings.networkUs,
    jitter: timings.jitter,
    // Without a listener the runtime builds no event objects: the hooks below do the run's own
    // bookkeeping.
    onEvent: emit,
    onHandled: clearExtracted,
    onExit: (proc) => tracing.forget(proc.pid),
    onCrash: (event) => {
      tracing.forget(event.pid);
      stats.crashes++;
      const line = `${event.node} ${event.pid} crashed: ${event.error}`;
      if (crashLog.length < 10 && !crashLog.includes(line)) crashLog.push(line);
    },
    onSwitch: (proc) => {
      running = proc;
      contextManager.enter(proc ? contextSource : null);
    },
    onRequestIdle: (requestId) => {
      strategy.requestDone(requestId);
      stats.requestsDone++;
      emit?.({ type: 'request-done', at: scheduler.now(), requestId });
      // A finished request frees its client slot for the next one.
      if (pendingRequests > 0) {
        pendingRequests--;
        scheduler.after(runtime.latency(timings.thinkUs), () => startRequest());
      }
    },
  });
  const tracing = new Tracing(
    tracers,
    strategy,
    scheduler.now,
    emit &&
      ((pid, stack) => emit({ type: 'stack', at: scheduler.now(), pid, stack: stack.slice() })),
  );

  const app: App = {
    runtime,
    tracing,
    rng,
    timings,
    faults,
    hooks,
    pids: { router: '', eventStore: '', aggregates: { LabOrder: '', SampleCollection: '' } },
    subscribers: { LabOrderPlaced: [], SampleCollectionScheduled: [], PatientNotified: [] },
  };
  startApplication(app);

  const requestHandler =
    scenario === 'proof-of-concept' ? proofOfConceptRequest(app) : labOrderRequest(app);
  let requestNo = 0;

  function startRequest(): void {
    if (disposed) return;
    requestNo++;
    const requestId = `req-${requestNo}`;
    stats.requestsStarted++;
    emit?.({ type: 'request-start', at: scheduler.now(), requestId });
    const patientId = `p-${1000 + rng.int(9000)}`;
    const body: HttpRequest =
      scenario === 'proof-of-concept'
        ? {
            kind: 'http',
            method: 'PUT',
            path: `/stuff/${requestNo}`,
            route: '/stuff/:id',
            patientId,
          }
        : { kind: 'http', method: 'POST', path: '/lab-orders', route: '/lab-orders', patientId };
    const proc = runtime.spawn('RequestProcess', 'web', requestHandler, true);
    runtime.send(null, proc.pid, body, requestId);
  }

  const simulation: Simulation = {
    mode,
    seed,
    scenario,
    faults,
    send(count = 1) {
      for (let i = 0; i < count; i++) scheduler.after(0, () => startRequest());
    },
    load(requests, concurrency) {
      const slots = Math.max(1, Math.min(concurrency, requests));
      pendingRequests += requests - slots;
      // Stagger the first wave a little, as real clients never arrive in the same microsecond.
      for (let i = 0; i < slots; i++)
        scheduler.after(runtime.latency(timings.thinkUs) * i, () => startRequest());
    },
    step: () => !disposed && scheduler.step(),
    runUntil(us) {
      if (!disposed) scheduler.runUntil(us);
    },
    runUntilIdle(maxEvents = Number.POSITIVE_INFINITY) {
      let n = 0;
      while (n < maxEvents && !disposed && scheduler.step()) n++;
      return n;
    },
    isIdle: () => scheduler.pending() === 0,
    now: () => scheduler.now(),
    nextAt: () => scheduler.peek(),
    stats: () => ({
      ...stats,
      crashLog: crashLog.slice(),
      lingering: strategy.lingering(),
      now: scheduler.now(),
    }),
    topology: () => TOPOLOGY,
    dispose() {
      disposed = true;
      contextManager.enter(null);
    },
  };
  return simulation;
}
