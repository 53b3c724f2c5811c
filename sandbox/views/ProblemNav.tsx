import { problemCount } from '../model/problems.ts';
import { filterTraces, queryOf } from '../model/traceFilter.ts';
import { useScene, useSceneState } from './SceneContext.ts';
import { Kbd } from './Kbd.tsx';
import { KEYS } from './useShortcuts.ts';

/**
 * Previous and next problem, across the traces the list shows: a break, an orphan, a wrong
 * parent, a batch. The same as the [ and ] keys.
 */
export function ProblemNav() {
  const scene = useScene();
  const traceId = useSceneState((s) => s.selectedTraceId);
  const spanId = useSceneState((s) => s.selectedSpanId);
  const query = useSceneState((s) => s.query);
  const now = useSceneState((s) => s.now);
  useSceneState((s) => s.revision);
  const buffer = scene.buffer();
  const listed = filterTraces(buffer, queryOf(query), now).map((t) => t.traceId);
  const problems = problemCount(buffer, listed, { traceId, spanId });
  return (
    <div className="sbx-problem-nav" role="group" aria-label="Problems">
      <button
        type="button"
        onClick={() => scene.goToProblem(-1)}
        disabled={problems.total === 0}
        aria-keyshortcuts={KEYS.prevProblem}
        aria-label="Previous problem"
      >
        ◀ <span className="sbx-wide-only">Previous problem </span>
        <Kbd k={KEYS.prevProblem} />
      </button>
      <button
        type="button"
        onClick={() => scene.goToProblem(1)}
        disabled={problems.total === 0}
        aria-keyshortcuts={KEYS.nextProblem}
        aria-label="Next problem"
        data-testid="next-problem"
      >
        <span className="sbx-wide-only">Next problem </span>
        <Kbd k={KEYS.nextProblem} /> ▶
      </button>
      <span className="sbx-muted" data-testid="problem-count" aria-live="polite">
        {problems.total === 0
          ? 'no problems'
          : problems.position > 0
            ? `problem ${problems.position} of ${problems.total}`
            : `${problems.total} problems`}
      </span>
    </div>
  );
}
