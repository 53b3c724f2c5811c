import type { IdGenerator } from '@opentelemetry/sdk-trace-base';
import { createRng, type Rng } from '../core/rng.ts';

const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_SPAN_ID = '0'.repeat(16);

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
    return this.nonZero(16, ZERO_TRACE_ID);
  }

  generateSpanId(): string {
    return this.nonZero(8, ZERO_SPAN_ID);
  }

  private nonZero(bytes: number, zero: string): string {
    for (;;) {
      const id = this.rng.hex(bytes);
      // An all-zero id is invalid in W3C Trace Context.
      if (id !== zero) return id;
    }
  }
}
