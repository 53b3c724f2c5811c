import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface CliCost {
  requests: number;
  /** The run's own wall time (from its start to its summary), without Node's startup. */
  seconds: number;
  peakRssMB: number;
  /** Microseconds per request: flat when time grows linearly. */
  usPerRequest: number;
}

const CLI = join(import.meta.dirname, '..', 'cli', 'simulate.ts');

/**
 * The CLI's cost curve: `npm run simulate -- --requests N --concurrency 50` for each N, its
 * JSON Lines written to /dev/null, one fresh process per run so that each peak RSS is its own.
 */
export function cliCostCurve(sizes: readonly number[]): CliCost[] {
  return sizes.map((requests) => {
    const res = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        CLI,
        ...['--requests', String(requests), '--concurrency', '50', '--out', '/dev/null'],
        '--stats',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    const stats = /stats: seconds=([\d.]+) peak_rss_mb=([\d.]+)/.exec(res.stderr);
    if (res.status !== 0 || !stats)
      throw new Error(`simulate --requests ${requests} failed (${res.status}): ${res.stderr}`);
    const seconds = Number(stats[1]);
    return {
      requests,
      seconds,
      peakRssMB: Number(stats[2]),
      usPerRequest: Math.round((seconds * 1e6) / requests),
    };
  });
}
