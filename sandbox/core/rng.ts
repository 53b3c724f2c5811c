import { uuidFromWords } from './uuid.ts';

/**
 * A seeded pseudo-random source (mulberry32). The simulation never calls Math.random: the same
 * seed must give the same run, byte for byte, in Node and in every browser.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** `base` spread by up to ±`fraction` of itself, never below zero. */
  jitter(base: number, fraction: number): number;
  /** `bytes` random bytes as lowercase hex. */
  hex(bytes: number): string;
  /** The next 32 random bits, the word `hex` draws for every 4 bytes. */
  word(): number;
  /** An RFC 4122 version-4 shaped UUID, as Commanded generates for commands and events. */
  uuid(): string;
}

/** Two hex digits for every byte value, so ids are built a byte at a time. */
const BYTE_HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** A 32-bit word as 8 lowercase hex digits. */
export function wordHex(w: number): string {
  return (
    (BYTE_HEX[w >>> 24] as string) +
    BYTE_HEX[(w >>> 16) & 255] +
    BYTE_HEX[(w >>> 8) & 255] +
    BYTE_HEX[w & 255]
  );
}

export function createRng(seed: number): Rng {
  // Mix the seed once so that nearby seeds (1, 2, 3) do not start with correlated output.
  let state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  const next32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => next32() / 4294967296;
  const hex = (bytes: number): string => {
    let out = '';
    for (let i = 0; i < bytes; i += 4) out += wordHex(next32());
    return out.length === bytes * 2 ? out : out.slice(0, bytes * 2);
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    jitter: (base, fraction) => Math.max(0, base * (1 + fraction * (2 * next() - 1))),
    hex,
    word: next32,
    // Four words, as hex(16) would draw them: the same uuid from the same stream.
    uuid: () => uuidFromWords(next32(), next32(), next32(), next32()),
  };
}
