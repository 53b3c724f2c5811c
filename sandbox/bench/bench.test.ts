import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODES } from '../core/propagation/index.ts';

describe('npm run bench -- --json', () => {
  it('prints one JSON object with the bare rate, every mode and the heap figures', () => {
    const res = spawnSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        join(import.meta.dirname, 'bench.ts'),
        '--json',
        '--quick',
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    expect(res.status).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0]!) as {
      bareSpansPerSecond: number;
      modes: Record<string, { spansPerSecond: number; ratio: number }>;
      heap100kSpans: { spans: number; peakHeapMB: number; heapAfterMB: number };
      cliCostCurve: {
        requests: number;
        seconds: number;
        peakRssMB: number;
        usPerRequest: number;
      }[];
    };
    expect(result.bareSpansPerSecond).toBeGreaterThan(0);
    expect(Object.keys(result.modes)).toEqual([...MODES]);
    for (const mode of MODES) {
      expect(result.modes[mode]!.spansPerSecond).toBeGreaterThan(0);
      expect(result.modes[mode]!.ratio).toBeCloseTo(
        result.modes[mode]!.spansPerSecond / result.bareSpansPerSecond,
        2,
      );
    }
    expect(result.heap100kSpans.spans).toBeGreaterThan(4000);
    // The CLI's cost curve, --quick: 100 and 1,000 requests, each a process of its own.
    expect(result.cliCostCurve.map((c) => c.requests)).toEqual([100, 1000]);
    for (const c of result.cliCostCurve) {
      expect(c.peakRssMB).toBeGreaterThan(0);
      expect(c.usPerRequest).toBe(Math.round((c.seconds * 1e6) / c.requests));
    }
    expect(result.heap100kSpans.peakHeapMB).toBeGreaterThan(0);
  });
});
