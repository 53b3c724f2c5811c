import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { summarizeTraces, type TraceSummary } from '../telemetry/traceSummary.ts';
import { createSimulation, type SimulationOptions, type SimulationStats } from './simulation.ts';

export interface RunOptions extends Omit<SimulationOptions, 'onSpan'> {
  requests?: number;
  concurrency?: number;
  /** A guard against a run that never goes idle. */
  maxEvents?: number;
}

export interface RunResult {
  /** Ended spans, in the order they ended. */
  spans: ReadableSpan[];
  summary: TraceSummary;
  stats: SimulationStats;
  /** Spans that started but had not ended when the run went idle. */
  openSpans: number;
}

/** Runs a scenario to completion as fast as the machine allows: for the CLI, tests and exercises. */
export function runScenario(opts: RunOptions = {}): RunResult {
  const spans: ReadableSpan[] = [];
  const open = new Set<ReadableSpan>();
  const sim = createSimulation({
    ...opts,
    onSpan: (phase, span) => {
      if (phase === 'start') open.add(span);
      else {
        open.delete(span);
        spans.push(span);
      }
    },
  });
  sim.load(opts.requests ?? 1, opts.concurrency ?? 1);
  const ran = sim.runUntilIdle(opts.maxEvents ?? 10_000_000);
  if (!sim.isIdle()) throw new Error(`the run did not go idle within ${ran} events`);
  const stats = sim.stats();
  sim.dispose();
  return { spans, summary: summarizeTraces(spans), stats, openSpans: open.size };
}
