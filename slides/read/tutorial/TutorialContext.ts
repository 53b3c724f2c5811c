import { createContext, useContext } from 'react';
import type { Answer, ReadingProgress } from './progress.ts';
import { emptyReadingProgress } from './progress.ts';

/** The reader's progress as the guided steps and questions read and change it. */
export interface TutorialApi {
  progress: ReadingProgress;
  markGuide(id: string, seed: number): void;
  answer(id: string, answer: Answer): void;
}

const EMPTY = emptyReadingProgress();

/** Outside the reading mode (a test) progress is not kept. */
export const TutorialContext = createContext<TutorialApi>({
  progress: EMPTY,
  markGuide: () => {},
  answer: () => {},
});

export const useTutorial = () => useContext(TutorialContext);
