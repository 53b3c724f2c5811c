import { describe, expect, it } from 'vitest';
import { runCliAsync } from './cliProcess.ts';

interface OtlpLine {
  resourceSpans: {
    scopeSpans: { spans: { attributes: { key: string; value: { stringValue?: string } }[] }[] }[];
  }[];
}

const REQUESTS = 20_001;
const SPANS_PER_REQUEST = 37;

describe('the simulate CLI past 20,000 requests', () => {
  // The CLI built one string for the whole run and crashed at about 14,300 requests
  // ("Invalid string length"). This reads its stdout line by line and keeps none of it.
  it('streams JSON Lines, every line a parseable ExportTraceServiceRequest, every span once', async () => {
    let lines = 0;
    let spans = 0;
    let largest = 0;
    let firstLineRequests: number[] = [];
    const res = await runCliAsync(
      ['--requests', String(REQUESTS), '--concurrency', '100', '--batch', '4096'],
      (line) => {
        const doc = JSON.parse(line) as OtlpLine;
        const inLine = doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
        if (lines === 0)
          firstLineRequests = inLine.map((s) =>
            Number(
              s.attributes.find((a) => a.key === 'sim.request.id')?.value.stringValue?.slice(4) ??
                NaN,
            ),
          );
        lines++;
        spans += inLine.length;
        largest = Math.max(largest, inLine.length);
      },
    );
    expect(res.status).toBe(0);
    expect(res.stderr).toMatch(
      new RegExp(`spans=${REQUESTS * SPANS_PER_REQUEST} traces=${REQUESTS} requests=${REQUESTS} `),
    );
    expect(spans).toBe(REQUESTS * SPANS_PER_REQUEST);
    expect(lines).toBeGreaterThanOrEqual(Math.floor(spans / (4096 + SPANS_PER_REQUEST)));
    // A batch holds what ended by the time it filled up: one step never ends a request's worth.
    expect(largest).toBeLessThan(4096 + SPANS_PER_REQUEST);
    // The first line was written while the first of the 20,001 requests were running.
    expect(Math.max(...firstLineRequests)).toBeLessThan(1000);
  }, 900_000);
});
