import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { inlineCode } from '../../exercises/web/inlineCode.tsx';
import { useInView } from '../read/useInView.ts';
import { feedback, predictionById, questionPlace } from '../read/tutorial/predictions.ts';
import type { RunFacts } from '../read/tutorial/runFacts.ts';
import type { RunState } from '../read/tutorial/setup.ts';
import { useTutorial } from '../read/tutorial/TutorialContext.ts';
import { TutorialScene } from '../read/tutorial/TutorialScene.tsx';
import { SeedField } from './SeedField.tsx';

/**
 * Predict, then see: a question with choices before a scene runs. Once the reader has chosen and
 * run it, the feedback fits the choice and quotes the run. `<Predict id="process-traces" />`; the
 * questions are in slides/read/tutorial/predictions.ts.
 */
export function Predict({ id }: { id: string }) {
  const question = predictionById(id);
  const { progress, answer, order } = useTutorial();
  const saved = progress.answers[id];
  const [choice, setChoice] = useState<string | undefined>(saved?.choice);
  /** Runs asked for: each one a new scene. */
  const [runs, setRuns] = useState(0);
  const asked = runs > 0;
  const [seed, setSeed] = useState(1);
  const [facts, setFacts] = useState<RunFacts | null>(null);
  const box = useRef<HTMLElement>(null);
  const inView = useInView(box);
  const name = useId();

  const onRun = useCallback(
    (run: RunState) => {
      if (!question || !run.idle || run.facts.requests < question.requests) return;
      setFacts(run.facts);
    },
    [question],
  );
  const right = question && facts ? question.answer(facts) : undefined;
  // The answer is kept with the reader's progress, judged once a run has finished.
  useEffect(() => {
    if (choice) answer(id, right === undefined ? { choice } : { choice, right: choice === right });
  }, [answer, id, choice, right]);
  if (!question) return <p className="tutorial-error">There is no question called “{id}”.</p>;
  const { number, total } = questionPlace(order, question.id);
  const see = () => {
    setRuns((n) => n + 1);
    setFacts(null);
  };

  return (
    <aside
      ref={box}
      className="tutorial predict"
      data-question={id}
      data-state={facts && choice ? (choice === right ? 'right' : 'wrong') : 'open'}
      aria-label={`Question ${number} of ${total}`}
    >
      <fieldset>
        <legend>
          <span className="tutorial-kicker">
            Predict, then see · question {number} of {total}
          </span>
          <span className="tutorial-task">{question.question}</span>
        </legend>
        {question.choices.map((c) => (
          <label key={c.id} className="tutorial-choice">
            <input
              type="radio"
              name={name}
              value={c.id}
              checked={choice === c.id}
              onChange={() => setChoice(c.id)}
            />{' '}
            {c.text}
          </label>
        ))}
      </fieldset>
      <div className="tutorial-controls">
        <button type="button" className="tutorial-run" disabled={!choice} onClick={see}>
          {asked ? 'Run it again' : saved ? 'Run it to check your answer' : 'Run it and see'}
        </button>
        {asked && <SeedField seed={seed} onSeed={setSeed} />}
      </div>
      {asked &&
        (inView ? (
          <TutorialScene
            key={runs}
            setup={question.setup}
            seed={seed}
            faults={question.setup.faults}
            requests={question.requests}
            onRun={onRun}
            label={`Scene for question ${number}`}
          />
        ) : (
          <div className="tutorial-scene-placeholder" aria-hidden="true" />
        ))}
      <div className="tutorial-result" aria-live="polite">
        {asked && facts && choice
          ? feedback(question, facts, choice).map((p, i) => <p key={i}>{inlineCode(p)}</p>)
          : asked && <p className="tutorial-waiting">Running…</p>}
      </div>
    </aside>
  );
}
