import type { Fault } from '../core/config.ts';
import type { PropagationMode } from '../core/propagation/index.ts';
import type { ScenarioName } from '../core/scenarios.ts';
import { createSimulation } from '../core/simulation.ts';
import { hopStateOf, type HopState } from './contextHops.ts';
import { SceneRecorder } from './SceneRecorder.ts';
import type { SpanRecord } from './SpanRecord.ts';
import type { TraceBuffer } from './TraceBuffer.ts';

export interface RunSide {
  mode: PropagationMode;
  faults: readonly Fault[];
}

export interface AlignOptions {
  scenario: ScenarioName;
  seed: number;
  /** Requests fired in each run (a batch needs several to form). */
  requests: number;
  requestId: string;
  a: RunSide;
  b: RunSide;
}

/** One step of the simulation, as each run took it. */
export interface AlignedStep {
  /** "LabWorklistProjection · commanded.event.handle #1": where and what, and which time. */
  step: string;
  a?: StepSide;
  b?: StepSide;
  /** The hop connects in one run and breaks in the other. */
  differs: boolean;
}

export interface StepSide {
  spanId: string;
  traceId: string;
  /** How context reached this span; 'inside' when it did not cross a process boundary. */
  state: HopState | 'inside';
  /** The trace's place among the request's traces (1 is its first). */
  traceNumber: number;
}

/** Runs one side to completion, in the core, without a browser frame loop. */
export function runSide(opts: AlignOptions, side: RunSide): TraceBuffer {
  const recorder = new SceneRecorder();
  const sim = createSimulation({
    mode: side.mode,
    scenario: opts.scenario,
    seed: opts.seed,
    faults: [...side.faults],
    onEvent: recorder.onEvent,
  });
  sim.send(Math.max(1, opts.requests));
  sim.runUntilIdle(5_000_000);
  sim.dispose();
  recorder.flush();
  return recorder.buffer;
}

const nodeOf = (s: SpanRecord) =>
  s.message?.toNode ?? String(s.attributes['elixir.process'] ?? s.service);

/**
 * A request's spans keyed by the simulation's step: the process that ran it, the operation, and
 * the how-many-th time that process ran it for the request. The same step gets the same key under
 * any mode or fault, whatever its span id (ids come from one seeded generator, so they shift as
 * soon as one run makes a span the other does not).
 */
export function stepsOf(buffer: TraceBuffer, requestId: string): Map<string, StepSide> {
  const spans = [...buffer.spans.values()]
    .filter((s) => s.requestId === requestId)
    .sort((a, b) => a.startUs - b.startUs);
  const traceOrder = [...(buffer.requests.get(requestId) ?? [])];
  const seen = new Map<string, number>();
  const out = new Map<string, StepSide>();
  for (const s of spans) {
    const base = `${nodeOf(s)} · ${s.name}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const crossed = s.message !== undefined && 'sim.context.carried' in s.attributes;
    out.set(`${base} #${n}`, {
      spanId: s.spanId,
      traceId: s.traceId,
      state: crossed ? (hopStateOf(s, buffer.flags.get(s.spanId) ?? []) ?? 'carried') : 'inside',
      traceNumber: traceOrder.indexOf(s.traceId) + 1,
    });
  }
  return out;
}

const connects = (s: StepSide | undefined) =>
  s !== undefined && (s.state === 'carried' || s.state === 'inside' || s.state === 'linked');

/** The same request under two runs, step by step, in the first run's order. */
export function alignRuns(opts: AlignOptions): AlignedStep[] {
  const a = stepsOf(runSide(opts, opts.a), opts.requestId);
  const b = stepsOf(runSide(opts, opts.b), opts.requestId);
  const keys = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
  return keys.map((step) => {
    const sa = a.get(step);
    const sb = b.get(step);
    return {
      step,
      a: sa,
      b: sb,
      differs: sa !== undefined && sb !== undefined && connects(sa) !== connects(sb),
    };
  });
}
