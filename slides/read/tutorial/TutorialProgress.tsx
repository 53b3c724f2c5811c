import { GUIDES } from './guides.ts';
import { PREDICTIONS } from './predictions.ts';
import { useTutorial } from './TutorialContext.ts';

/** How far the reader is (steps done, questions answered), and what storage had to say. */
export function TutorialProgress({
  notices,
  onDismiss,
}: {
  notices: readonly string[];
  onDismiss: (text: string) => void;
}) {
  const { progress } = useTutorial();
  const steps = GUIDES.filter((g) => progress.guides[g.id]).length;
  const answered = PREDICTIONS.filter((p) => progress.answers[p.id]).length;
  const right = PREDICTIONS.filter((p) => progress.answers[p.id]?.right).length;
  return (
    <div className="tutorial-progress">
      <p data-testid="tutorial-progress">
        Your progress: {steps} of {GUIDES.length} guided steps done, {answered} of{' '}
        {PREDICTIONS.length} questions answered
        {answered > 0 ? ` (${right} confirmed by your runs)` : ''}.
      </p>
      {notices.map((n) => (
        <p key={n} className="tutorial-notice" role="status">
          {n}{' '}
          <button type="button" onClick={() => onDismiss(n)}>
            Dismiss
          </button>
        </p>
      ))}
    </div>
  );
}
