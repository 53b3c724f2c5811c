import type { HrTime } from '@opentelemetry/api';

/**
 * Virtual time starts at the evening of the talk (Cologne Elixir Meetup, 2018-04-17 19:00 CEST).
 * The simulation and the views run on it; spans leave for a backend at wall-clock time (see
 * `shiftTo`), unless a fixed epoch is asked for.
 */
export const EPOCH_SECONDS = Date.UTC(2018, 3, 17, 17, 0, 0) / 1000;

/** The talk's epoch in Unix milliseconds: the fixed epoch of reproducible output. */
export const TALK_EPOCH_MS = EPOCH_SECONDS * 1000;

/** Virtual microseconds since the start of the run, as OpenTelemetry's [seconds, nanos]. */
export function toHrTime(us: number): HrTime {
  const whole = Math.floor(us / 1_000_000);
  return [EPOCH_SECONDS + whole, (us - whole * 1_000_000) * 1000];
}

/** The reverse of toHrTime, for views that lay spans out on virtual time. */
export function fromHrTime(t: HrTime): number {
  return (t[0] - EPOCH_SECONDS) * 1_000_000 + Math.round(t[1] / 1000);
}

/** Moves a time on the talk's epoch by whole milliseconds, keeping nanosecond precision. */
export type TimeShift = (t: HrTime) => HrTime;

/**
 * The shift that places virtual time 0 at `epochMs` (Unix milliseconds): a run sent to Jaeger
 * appears when it ran, so the UI's default search (the last hour) finds it, while every span
 * keeps its exact place relative to the others. Null when `epochMs` is the talk's own epoch.
 */
export function shiftTo(epochMs: number): TimeShift | null {
  const offsetMs = Math.round(epochMs) - TALK_EPOCH_MS;
  if (offsetMs === 0) return null;
  const seconds = Math.floor(offsetMs / 1000);
  const nanos = (offsetMs - seconds * 1000) * 1_000_000;
  return (t) => {
    const ns = t[1] + nanos;
    return ns >= 1e9 ? [t[0] + seconds + 1, ns - 1e9] : [t[0] + seconds, ns];
  };
}
