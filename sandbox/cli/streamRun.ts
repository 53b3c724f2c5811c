import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import {
  createSimulation,
  type SimulationOptions,
  type SimulationStats,
} from '../core/simulation.ts';
import { annotateSpan } from '../model/simAttributes.ts';
import type { TraceSummary } from '../telemetry/traceSummary.ts';
import { StreamingSummary } from './StreamingSummary.ts';

export interface StreamRunOptions extends Omit<SimulationOptions, 'onEvent' | 'onSpan'> {
  requests: number;
  concurrency: number;
  /** Spans per batch: one OTLP request (one line of JSON Lines, one POST). */
  batchSpans: number;
  /** Requests the summary remembers (default: ten times the concurrency, at least 1000). */
  window?: number;
}

export interface StreamRunResult {
  summary: TraceSummary;
  stats: SimulationStats;
  /** Spans that started but had not ended when the run went idle. */
  openSpans: number;
}

/**
 * Runs a scenario to completion, handing its ended spans over in batches and waiting for each
 * batch to be taken (written, sent) before simulating further: backpressure, and memory that
 * stays flat however many requests run (runScenario keeps every span).
 */
export async function streamRun(
  opts: StreamRunOptions,
  take: (batch: ReadableSpan[]) => Promise<void> | void,
): Promise<StreamRunResult> {
  const summary = new StreamingSummary(opts.window ?? Math.max(1000, opts.concurrency * 10));
  let batch: ReadableSpan[] = [];
  let open = 0;
  const { requests, concurrency, batchSpans, window: _, ...simOpts } = opts;
  const sim = createSimulation({
    ...simOpts,
    // Each span's box and message, as the sandbox's own export writes them: a file from the CLI
    // imports with the same picture as a live run.
    annotate: annotateSpan,
    onSpan: (phase, span) => {
      if (phase === 'start') {
        open++;
        summary.onStart(span);
        return;
      }
      open--;
      summary.onEnd(span);
      batch.push(span);
    },
  });
  try {
    sim.load(requests, concurrency);
    while (sim.step()) {
      if (batch.length < batchSpans) continue;
      const full = batch;
      batch = [];
      await take(full);
    }
    if (batch.length > 0) await take(batch);
    return { summary: summary.finish(), stats: sim.stats(), openSpans: open };
  } finally {
    sim.dispose();
  }
}
