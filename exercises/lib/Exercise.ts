import type { Hooks } from '../../sandbox/core/hooks.ts';
import type { CheckPlan } from './check.ts';

/** Elixir that does what the exercise's TypeScript does, with opentelemetry-erlang's API. */
export interface ElixirSide {
  /** Shown with the statement: the shape of the Elixir code, with the part to write left open. */
  sketch: string;
  /** Shown beside the reference solution, after a pass. */
  solution: string;
}

/** One workshop exercise: what to do, what the trace should look like, and how it is checked. */
export interface Exercise extends CheckPlan {
  /** The folder name, e.g. `01-tracing-plug`. */
  id: string;
  number: number;
  title: string;
  /** What to do, in a few short paragraphs. */
  statement: string[];
  /** The expected trace, drawn as an indented tree. */
  goal: string;
  /**
   * Hints in order, each giving a little more away; they teach the idea and the API, never the
   * finished code. The last one may point at the reference solution.
   */
  hints: readonly string[];
  /** Why the passing code works: shown after a pass. */
  why: string;
  elixir: ElixirSide;
  /** The hooks the exercise file must export. */
  exports: readonly (keyof Hooks)[];
  /** A stretch goal: the CLI's verify still checks it, last. */
  stretch?: boolean;
}
