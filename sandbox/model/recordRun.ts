import type { Fault } from '../core/config.ts';
import type { PropagationMode } from '../core/propagation/index.ts';
import { createSimulation } from '../core/simulation.ts';
import { SceneRecorder } from './SceneRecorder.ts';
import type { TraceBuffer } from './TraceBuffer.ts';

/**
 * A whole run as the sandbox holds it: `requests` requests sent at once, run to the end, every
 * span in a trace buffer with its hops and flags. For tests and tools that read what a run left.
 */
export function recordRun(
  mode: PropagationMode,
  requests: number,
  faults: Fault[] = [],
  seed = 1,
): TraceBuffer {
  const recorder = new SceneRecorder();
  const sim = createSimulation({ mode, seed, faults, onEvent: recorder.onEvent });
  sim.send(requests);
  sim.runUntilIdle(2_000_000);
  sim.dispose();
  recorder.flush();
  return recorder.buffer;
}
