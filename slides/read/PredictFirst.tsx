import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { questionPlace } from './tutorial/predictions.ts';
import { useTutorial } from './tutorial/TutorialContext.ts';

/** Slides whose scene the reader chose to see before answering: this visit only. */
const revealed = createStore<{ slides: ReadonlySet<number> }>(() => ({ slides: new Set() }));

function reveal(slide: number): void {
  revealed.setState((s) => ({ slides: new Set(s.slides).add(slide) }));
}

/**
 * Whether a slide's live scene waits for the reader's prediction: it does while one of the
 * questions in its reader text has no answer yet. A question asks what the scene is about to show
 * ("one request in process mode: how many traces?"), and the slide's own scene, and the docked one
 * beside the text, showed it before the reader had guessed. Choosing an answer lifts the veil; so
 * does "Show the scene now", for a reader who would rather not guess. Returns the first
 * unanswered question's number, or undefined when the scene may run.
 */
export function useUnansweredQuestion(
  slide: number,
  questions: readonly string[] | undefined,
): number | undefined {
  const { progress, order } = useTutorial();
  const shown = useStore(revealed, (s) => s.slides.has(slide));
  if (shown || !questions) return undefined;
  const open = questions.find((id) => !progress.answers[id]?.choice);
  if (!open) return undefined;
  return questionPlace(order, open).number;
}

/** What shows where a live scene waits for the reader's prediction. */
export function PredictFirst({
  slide,
  question,
  where,
}: {
  slide: number;
  question: number;
  /** Where the question is, from here: "below" under a figure, "in the text" in the dock. */
  where: string;
}) {
  return (
    <div className="read-predict-first" data-predict-first={question}>
      <p className="read-predict-first-title">Predict first</p>
      <p>
        Question {question} {where} asks what this scene shows. Choose your answer, and the scene
        runs here.
      </p>
      <button type="button" className="button" onClick={() => reveal(slide)}>
        Show the scene now
      </button>
    </div>
  );
}
