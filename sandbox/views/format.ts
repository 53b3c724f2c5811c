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

// A request as a trace row names it: defined beside the request ids, which the model's texts
// name the same way.
export { shortRequest } from '../model/requestOf.ts';
