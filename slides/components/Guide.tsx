import { useCallback, useRef, useState } from 'react';
import { inlineCode } from '../../exercises/web/inlineCode.tsx';
import { useInView } from '../read/useInView.ts';
import { GUIDES, guideById } from '../read/tutorial/guides.ts';
import { placeIn } from '../read/tutorial/TutorialContext.ts';
import type { RunFacts } from '../read/tutorial/runFacts.ts';
import type { RunState } from '../read/tutorial/setup.ts';
import { TraceparentTable } from '../read/tutorial/TraceparentTable.tsx';
import { useTutorial } from '../read/tutorial/TutorialContext.ts';
import { TutorialScene } from '../read/tutorial/TutorialScene.tsx';
import { SeedField } from './SeedField.tsx';

/**
 * A guided step in the reader text: it asks the reader to act in the scene under it, waits until
 * the simulation shows it happened, then explains the reader's own run with its numbers.
 * `<Guide id="process-stacks" />`; the steps are in slides/read/tutorial/guides.ts.
 */
export function Guide({ id }: { id: string }) {
  const lesson = guideById(id);
  const { progress, markGuide, order } = useTutorial();
  const box = useRef<HTMLElement>(null);
  const inView = useInView(box);
  const [seed, setSeed] = useState(1);
  const [faultOn, setFaultOn] = useState(false);
  const [result, setResult] = useState<RunFacts | null>(null);
  // Whether the reader sent anything yet: "Waiting for…" before a click read as if a run had
  // started by itself.
  const [sent, setSent] = useState(0);
  const onRun = useCallback(
    (run: RunState) => {
      setSent(run.sent);
      if (!lesson?.done(run)) return;
      setResult(run.facts);
      markGuide(lesson.id, run.facts.seed);
    },
    [lesson, markGuide],
  );
  if (!lesson) return <p className="tutorial-error">There is no guided step called “{id}”.</p>;
  const { number, total } = placeIn(
    order.guides,
    GUIDES.map((g) => g.id),
    lesson.id,
  );
  const toggle = lesson.faultToggle;
  const faults = toggle && faultOn ? [...lesson.setup.faults, toggle.fault] : lesson.setup.faults;
  const doneBefore = progress.guides[lesson.id];
  return (
    <aside
      ref={box}
      className="tutorial guide"
      data-guide={lesson.id}
      data-state={result ? 'done' : 'waiting'}
      aria-label={`Guided step ${number} of ${total}`}
    >
      <p className="tutorial-kicker">
        Try it · step {number} of {total}
        {doneBefore && !result ? ' · done before ✓' : ''}
      </p>
      <p className="tutorial-task">{lesson.task}</p>
      <div className="tutorial-controls">
        {toggle && (
          <label className="tutorial-toggle">
            <input
              type="checkbox"
              checked={faultOn}
              onChange={(e) => setFaultOn(e.target.checked)}
            />{' '}
            Fault: {toggle.label}
          </label>
        )}
        <SeedField seed={seed} onSeed={setSeed} />
      </div>
      {inView ? (
        <TutorialScene
          setup={lesson.setup}
          seed={seed}
          faults={faults}
          onRun={onRun}
          label={`Scene for guided step ${number}`}
        />
      ) : (
        <div className="tutorial-scene-placeholder" aria-hidden="true" />
      )}
      <div className="tutorial-result" aria-live="polite">
        {result ? (
          <>
            {lesson.explain(result).map((p, i) => (
              <p key={i}>{inlineCode(p)}</p>
            ))}
            {lesson.id === 'metadata' && result.traceparent && (
              <TraceparentTable tp={result.traceparent} />
            )}
          </>
        ) : (
          <p className="tutorial-waiting">
            {sent > 0 ? lesson.waiting : 'Nothing sent yet: what your run shows appears here.'}
          </p>
        )}
      </div>
    </aside>
  );
}
