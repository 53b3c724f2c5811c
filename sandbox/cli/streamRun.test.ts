import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../core/runScenario.ts';
import { MODES } from '../core/propagation/index.ts';
import { requestIdOf } from '../telemetry/traceSummary.ts';
import { streamRun } from './streamRun.ts';

const figures = ({ tracesByRequest: _, ...rest }: ReturnType<typeof runScenario>['summary']) =>
  rest;

describe('streamRun', () => {
  it.each(MODES)(
    'hands spans over in batches and sums them up as runScenario does (%s)',
    async (mode) => {
      const opts = { mode, seed: 3, requests: 40, concurrency: 6 } as const;
      const batches: ReadableSpan[][] = [];
      const streamed = await streamRun({ ...opts, batchSpans: 100 }, (b) => {
        batches.push(b);
      });
      const whole = runScenario(opts);
      expect(figures(streamed.summary)).toEqual(figures(whole.summary));
      expect(batches.flat().map((s) => s.spanContext().spanId)).toEqual(
        whole.spans.map((s) => s.spanContext().spanId),
      );
      // A step may end several spans; a batch is handed over once it holds at least 100.
      expect(batches.slice(0, -1).every((b) => b.length >= 100 && b.length < 110)).toBe(true);
      expect(streamed.openSpans).toBe(whole.openSpans);
    },
  );

  it.each(MODES)(
    'keeps exact figures with a window of twice the concurrency (%s)',
    async (mode) => {
      const opts = { mode, seed: 5, requests: 60, concurrency: 6 } as const;
      const streamed = await streamRun({ ...opts, batchSpans: 64, window: 12 }, () => {});
      expect(figures(streamed.summary)).toEqual(figures(runScenario(opts).summary));
    },
  );

  it('hands the first batch over before the run is done, and waits for it to be taken', async () => {
    let pending = 0;
    let overlapped = false;
    let first: ReadableSpan[] | null = null;
    await streamRun({ seed: 1, requests: 200, concurrency: 4, batchSpans: 50 }, async (batch) => {
      first ??= batch;
      if (pending > 0) overlapped = true;
      pending++;
      await new Promise((r) => setImmediate(r));
      pending--;
    });
    // The first 50 spans ended while the first few of the 200 requests ran.
    const requests = new Set((first ?? []).map((s) => Number(requestIdOf(s).slice(4))));
    expect(Math.max(...requests)).toBeLessThan(20);
    expect(overlapped).toBe(false);
  });
});
