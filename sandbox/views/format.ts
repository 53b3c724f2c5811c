/** Microseconds for people: "850 µs", "12.4 ms", "1.25 s". */
export function formatUs(us: number): string {
  if (us < 1000) return `${Math.round(us)} µs`;
  if (us < 1_000_000) return `${(us / 1000).toFixed(us < 10_000 ? 2 : 1)} ms`;
  return `${(us / 1_000_000).toFixed(2)} s`;
}

export const shortId = (id: string) => id.slice(0, 8);

/** "1 trace", "17 traces": a count with its noun, singular for one. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A request as a trace row names it: the simulator's `req-12` whole, a correlation id from a real
 * backend (a UUID) by its first 8 digits, which keep rows apart as well as the whole would.
 */
export const shortRequest = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);
