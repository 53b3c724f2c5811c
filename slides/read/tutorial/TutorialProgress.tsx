import { count } from './runFacts.ts';
import { useTutorial } from './TutorialContext.ts';

/**
 * How far the reader is through the talk's own guided steps and questions, and what storage had
 * to say. A talk without either shows no progress line.
 */
export function TutorialProgress({
  notices,
  onDismiss,
}: {
  notices: readonly string[];
  onDismiss: (text: string) => void;
}) {
  const { progress, order } = useTutorial();
  const steps = order.guides.filter((id) => progress.guides[id]).length;
  const answered = order.questions.filter((id) => progress.answers[id]).length;
  const right = order.questions.filter((id) => progress.answers[id]?.right).length;
  const parts = [
    ...(order.guides.length > 0
      ? [`${steps} of ${count(order.guides.length, 'guided step')} done`]
      : []),
    ...(order.questions.length > 0
      ? [
          `${answered} of ${count(order.questions.length, 'question')} answered${
            answered > 0 ? ` (${right} confirmed by your runs)` : ''
          }`,
        ]
      : []),
  ];
  return (
    <div className="tutorial-progress">
      {parts.length > 0 && (
        <p data-testid="tutorial-progress">Your progress: {parts.join(', ')}.</p>
      )}
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
