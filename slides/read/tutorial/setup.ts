import type { Fault } from '../../../sandbox/core/config.ts';
import type { PropagationMode } from '../../../sandbox/core/propagation/index.ts';
import type { ScenarioName } from '../../../sandbox/core/scenarios.ts';
import type { RunFacts } from './runFacts.ts';

/** What a tutorial scene starts as. */
export interface TutorialSetup {
  mode: PropagationMode;
  scenario: ScenarioName;
  faults: readonly Fault[];
}

/** A scene's run as a guided step or a question watches it. */
export interface RunState {
  /** Requests the reader has sent in this run. */
  sent: number;
  /** Nothing left to simulate: every span has ended. */
  idle: boolean;
  faults: readonly string[];
  facts: RunFacts;
}
