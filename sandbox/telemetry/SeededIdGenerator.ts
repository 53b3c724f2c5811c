import type { IdGenerator } from '@opentelemetry/sdk-trace-base';
import { createRng, type Rng } from '../core/rng.ts';

/**
 * Trace and span ids from the run's seed. The SDK's default generator uses Math.random, which
 * would make every run's output different.
 */
export class SeededIdGenerator implements IdGenerator {
  private readonly rng: Rng;

  constructor(seed: number) {
    // A stream of its own, so that ids do not shift when a latency draw is added elsewhere.
    this.rng = createRng(seed ^ 0x1d5eed);
  }

  generateTraceId(): string {
    return this.nonZero(16);
  }

  generateSpanId(): string {
    return this.nonZero(8);
  }

  private nonZero(bytes: number): string {
    for (;;) {
      const id = this.rng.hex(bytes);
      if (/[^0]/.test(id)) return id;
    }
  }
}
