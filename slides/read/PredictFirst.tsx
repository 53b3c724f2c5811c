import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { prefersReducedMotion } from '../../sandbox/views/reducedMotion.ts';
import { predictionById, questionPlace } from './tutorial/predictions.ts';
import { useTutorial } from './tutorial/TutorialContext.ts';

/** Slides whose scene the reader chose to see before answering: this visit only. */
const revealed = createStore<{ slides: ReadonlySet<number> }>(() => ({ slides: new Set() }));

function reveal(slide: number): void {
  revealed.setState((s) => ({ slides: new Set(s.slides).add(slide) }));
}

/** A question the scene waits for: its id (Predict's `data-question`) and its number on the page. */
export interface OpenQuestion {
  id: string;
  number: number;
}

/**
 * Whether a slide's live scene waits for the reader's prediction: it does while one of the
 * questions in its reader text has no answer yet. A question asks what the scene is about to show
 * ("one request in process mode: how many traces?"), and the slide's own scene, and the docked one
 * beside the text, showed it before the reader had guessed. Choosing an answer lifts the veil; so
 * does "Show the scene now", for a reader who would rather not guess. Returns the first
 * unanswered question, or undefined when the scene may run.
 */
export function useUnansweredQuestion(
  slide: number,
  questions: readonly string[] | undefined,
): OpenQuestion | undefined {
  const { progress, order } = useTutorial();
  const shown = useStore(revealed, (s) => s.slides.has(slide));
  if (shown || !questions) return undefined;
  const open = questions.find((id) => !progress.answers[id]?.choice);
  if (!open) return undefined;
  return { id: open, number: questionPlace(order, open).number };
}

/**
 * Brings the question into view and puts the keyboard on its choices (the chosen one, else the
 * first), so that a reader in front of the veil can answer with the arrow keys at once. No smooth
 * scroll for a reader who asked for less motion.
 */
function goToQuestion(id: string): void {
  const box = document.querySelector<HTMLElement>(`[data-question="${CSS.escape(id)}"]`);
  if (!box) return;
  box.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  const radio =
    box.querySelector<HTMLInputElement>('input[type=radio]:checked') ??
    box.querySelector<HTMLInputElement>('input[type=radio]');
  radio?.focus({ preventScroll: true });
}

/** What shows where a live scene waits for the reader's prediction. */
export function PredictFirst({
  slide,
  question,
  where,
}: {
  slide: number;
  question: OpenQuestion;
  /** Where the question is, from here: "below" under a figure, "in the text" in the dock. */
  where: string;
}) {
  // The question itself, so that the veil says what to predict; the choices stay with it.
  const asked = predictionById(question.id)?.question;
  return (
    <div className="read-predict-first" data-predict-first={question.number}>
      <p className="read-predict-first-title">Predict first</p>
      {asked && <p className="read-predict-first-question">“{asked}”</p>}
      <p>
        Question {question.number} {where} asks what this scene shows. Choose your answer, and the
        scene runs here.
      </p>
      <div className="read-predict-first-actions">
        <button type="button" className="button" onClick={() => goToQuestion(question.id)}>
          Answer question {question.number}
        </button>
        <button type="button" className="button" onClick={() => reveal(slide)}>
          Show the scene now
        </button>
      </div>
    </div>
  );
}
