import type { Hooks } from '../../sandbox/core/hooks.ts';
import type { RunOptions } from '../../sandbox/core/runScenario.ts';
import type { Rule } from './check.ts';

/** One workshop exercise: what to do, what the trace should look like, and how it is checked. */
export interface Exercise {
  /** The folder name, e.g. `01-tracing-plug`. */
  id: string;
  number: number;
  title: string;
  /** What to do, in a few short paragraphs. */
  statement: string[];
  /** The expected trace, drawn as an indented tree. */
  goal: string;
  /** Three hints, each giving more away. */
  hints: [string, string, string];
  /** The hooks the exercise file must export. */
  exports: readonly (keyof Hooks)[];
  /** The run the check makes: scenario, mode, requests, concurrency, seed, faults. */
  run: RunOptions;
  rules: readonly Rule[];
  /** A stretch goal: the CLI's verify still checks it, last. */
  stretch?: boolean;
}
