import type { IdGenerator } from '@opentelemetry/sdk-trace-base';
import { createRng, wordHex, type Rng } from '../core/rng.ts';

const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_SPAN_ID = '0'.repeat(16);

/** The nonce of a reproducible run: ids depend on the seed alone. */
export const FIXED_NONCE = '0'.repeat(32);

/** A nonce as it is written: 1 to 32 hex digits. */
export const NONCE_PATTERN = /^[0-9a-f]{1,32}$/i;

/**
 * A fresh nonce for a run: 128 random bits from the platform's CSPRNG (Node and browsers alike).
 * Two runs, two workshop attendees, or two windows then never share a trace id.
 */
export function freshNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A hex string as 32-bit words, 8 digits each. */
function hexWords(hex: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hex.length; i += 8) out.push(parseInt(hex.slice(i, i + 8), 16) >>> 0);
  return out;
}

/**
 * Trace and span ids from the run's seed and nonce. The SDK's default generator uses
 * Math.random, which would make a run impossible to replay; the seed alone would make every run
 * of one seed send the same ids, and a backend would merge their traces into tangled trees.
 *
 * The seeded stream is XORed with the nonce (trace ids) and with its two halves folded (span
 * ids). The stream itself does not depend on the nonce, so the simulation's timings are the same
 * whatever the nonce, and the nonce 0 gives the ids the seed alone gave.
 */
export class SeededIdGenerator implements IdGenerator {
  private readonly rng: Rng;
  /** The nonce as 4 words (trace ids), and its two halves XORed as 2 words (span ids). */
  private readonly traceMask: number[];
  private readonly spanMask: number[];

  constructor(seed: number, nonce: string = FIXED_NONCE) {
    if (!NONCE_PATTERN.test(nonce))
      throw new Error(`an id nonce is 1 to 32 hex digits, not "${nonce}"`);
    // A stream of its own, so that ids do not shift when a latency draw is added elsewhere.
    this.rng = createRng(seed ^ 0x1d5eed);
    const m = hexWords(nonce.toLowerCase().padStart(32, '0'));
    this.traceMask = m;
    this.spanMask = [(m[0]! ^ m[2]!) >>> 0, (m[1]! ^ m[3]!) >>> 0];
  }

  generateTraceId(): string {
    return this.nonZero(this.traceMask, ZERO_TRACE_ID);
  }

  generateSpanId(): string {
    return this.nonZero(this.spanMask, ZERO_SPAN_ID);
  }

  /** One word drawn per mask word, XORed with it: numbers, no hex parsing (a hot path). */
  private nonZero(mask: readonly number[], zero: string): string {
    for (;;) {
      let id = '';
      for (const m of mask) id += wordHex((this.rng.word() ^ m) >>> 0);
      // An all-zero id is invalid in W3C Trace Context.
      if (id !== zero) return id;
    }
  }
}
