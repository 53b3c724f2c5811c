import type { IdGenerator } from '@opentelemetry/sdk-trace-base';
import { createRng, type Rng } from '../core/rng.ts';

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

/** XORs two equal-length hex strings, 8 digits at a time. */
function xorHex(a: string, b: string): string {
  let out = '';
  for (let i = 0; i < a.length; i += 8) {
    const w = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    out += w.toString(16).padStart(8, '0');
  }
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
  private readonly traceMask: string;
  private readonly spanMask: string;

  constructor(seed: number, nonce: string = FIXED_NONCE) {
    if (!NONCE_PATTERN.test(nonce))
      throw new Error(`an id nonce is 1 to 32 hex digits, not "${nonce}"`);
    // A stream of its own, so that ids do not shift when a latency draw is added elsewhere.
    this.rng = createRng(seed ^ 0x1d5eed);
    this.traceMask = nonce.toLowerCase().padStart(32, '0');
    this.spanMask = xorHex(this.traceMask.slice(0, 16), this.traceMask.slice(16));
  }

  generateTraceId(): string {
    return this.nonZero(16, this.traceMask, ZERO_TRACE_ID);
  }

  generateSpanId(): string {
    return this.nonZero(8, this.spanMask, ZERO_SPAN_ID);
  }

  private nonZero(bytes: number, mask: string, zero: string): string {
    for (;;) {
      const raw = this.rng.hex(bytes);
      const id = mask === zero ? raw : xorHex(raw, mask);
      // An all-zero id is invalid in W3C Trace Context.
      if (id !== zero) return id;
    }
  }
}
