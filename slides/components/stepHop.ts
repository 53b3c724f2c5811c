import type { SceneController } from '../../sandbox/store/SceneController.ts';

/** Events a hop may take at most: a guard, never reached by the scenarios (a hop is a few). */
const MAX_EVENTS = 10_000;

/**
 * Runs the scene, paused, until the next message reaches its process and that process has
 * started on it: one hop of the story ("the command reaches the aggregate"), where a single event
 * (`step`) is often just a timer. Replies do not count as hops. Nothing to run: nothing happens.
 */
export function stepHop(scene: SceneController): void {
  scene.pause();
  const sim = scene.simulation();
  const recorder = scene.recorder();
  for (let i = 0; i < MAX_EVENTS; i++) {
    const inFlight = [...recorder.flights.values()].filter((f) => !f.reply).map((f) => f.seq);
    if (!sim.step()) break;
    if (inFlight.some((seq) => !recorder.flights.has(seq))) {
      // Let the receiver start its span, when that happens at the same moment.
      const at = sim.now();
      while (sim.nextAt() === at && sim.step()) {
        /* the handler's first events */
      }
      break;
    }
  }
  recorder.dirty = true;
  scene.showLive();
}
