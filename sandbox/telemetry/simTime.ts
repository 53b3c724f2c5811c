import type { HrTime } from '@opentelemetry/api';

/**
 * Virtual time starts at the evening of the talk (Cologne Elixir Meetup, 2018-04-17 19:00 CEST),
 * so that exported traces have plausible, stable timestamps.
 */
export const EPOCH_SECONDS = Date.UTC(2018, 3, 17, 17, 0, 0) / 1000;

/** Virtual microseconds since the start of the run, as OpenTelemetry's [seconds, nanos]. */
export function toHrTime(us: number): HrTime {
  const whole = Math.floor(us / 1_000_000);
  return [EPOCH_SECONDS + whole, (us - whole * 1_000_000) * 1000];
}

/** The reverse of toHrTime, for views that lay spans out on virtual time. */
export function fromHrTime(t: HrTime): number {
  return (t[0] - EPOCH_SECONDS) * 1_000_000 + Math.round(t[1] / 1000);
}
