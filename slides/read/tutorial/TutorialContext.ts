import { createContext, useContext } from 'react';
import type { Answer, ReadingProgress } from './progress.ts';
import { emptyReadingProgress } from './progress.ts';

/** The reader's progress as the guided steps and questions read and change it. */
export interface TutorialApi {
  progress: ReadingProgress;
  markGuide(id: string, seed: number): void;
  answer(id: string, answer: Answer): void;
  /** The talk's guided steps and questions, in its order (readMeta): what "2 of 6" counts. */
  order: TutorialOrder;
}

export interface TutorialOrder {
  guides: readonly string[];
  questions: readonly string[];
}

/**
 * Where `id` stands among the talk's own steps or questions; an id the talk does not list (a
 * test renders one alone) stands in the library's order instead.
 */
export function placeIn(
  order: readonly string[],
  library: readonly string[],
  id: string,
): { number: number; total: number } {
  const list = order.includes(id) ? order : library;
  return { number: list.indexOf(id) + 1, total: list.length };
}

const EMPTY = emptyReadingProgress();

/** Outside the reading mode (a test) progress is not kept. */
export const TutorialContext = createContext<TutorialApi>({
  progress: EMPTY,
  markGuide: () => {},
  answer: () => {},
  order: { guides: [], questions: [] },
});

export const useTutorial = () => useContext(TutorialContext);
