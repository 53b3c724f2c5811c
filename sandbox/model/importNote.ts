import { REQUEST_KEYS } from './requestOf.ts';
import type { SpanRecord } from './SpanRecord.ts';

/**
 * What the learner should know about an imported file before reading it: what the import did to
 * its ids (`repairs`, from importIds.ts), and, for spans that did not come from the simulation (a
 * real backend's), what breaks are read from.
 * '' when there is nothing to say.
 */
export function importNote(spans: readonly SpanRecord[], repairs: string): string {
  const notes = repairs ? [repairs.replace(/\.$/, '')] : [];
  if (!fromSimulation(spans)) {
    const correlated = spans.some((s) => REQUEST_KEYS.some((k) => s.attributes[k] !== undefined));
    notes.push(
      `these spans are not from the simulation; breaks are read from parent ids${correlated ? ' and correlation ids' : ' alone: no span records a correlation id'}`,
    );
  }
  return notes.length > 0 ? `${notes.join('; ')}.` : '';
}

/**
 * Whether spans came from the simulation: every simulated span names its Erlang process, and
 * nothing else writes that attribute. Others (a real backend's) get no picture of processes.
 */
export function fromSimulation(spans: readonly SpanRecord[]): boolean {
  return spans.some((s) => s.attributes['elixir.process'] !== undefined);
}
