import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckRequest } from './checkProtocol.ts';
import { runWithTimeLimit, type Run, type RunOutcome } from './runWithTimeLimit.ts';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; n: number }
  | { status: 'finished'; n: number; outcome: RunOutcome };

/** A fresh worker per run: nothing of one learner run leaks into the next. */
const createCheckWorker = () =>
  new Worker(new URL('./checkWorker.ts', import.meta.url), {
    type: 'module',
    name: 'exercise-check',
  });

/**
 * Runs checks one at a time: a new run, or leaving the page, stops the one in progress.
 * `onOutcome` hears every finished (not cancelled) run.
 */
export function useCheckRun(onOutcome: (request: CheckRequest, outcome: RunOutcome) => void) {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const current = useRef<Run | null>(null);
  const count = useRef(0);
  const listener = useRef(onOutcome);
  useEffect(() => {
    listener.current = onOutcome;
  });

  // A fresh worker waits, loaded, for the next run: the time a run takes is the learner's code,
  // not module loading, so an endless loop is stopped about 1.5 s after the key press.
  const spare = useRef<Worker | null>(null);
  const takeWorker = useCallback(() => {
    const worker = spare.current ?? createCheckWorker();
    spare.current = null;
    return worker;
  }, []);

  useEffect(() => {
    spare.current ??= createCheckWorker();
    return () => {
      current.current?.cancel();
      spare.current?.terminate();
      spare.current = null;
    };
  }, []);

  const run = useCallback(
    (request: CheckRequest) => {
      current.current?.cancel();
      const n = ++count.current;
      const started = runWithTimeLimit(takeWorker, request);
      spare.current = createCheckWorker();
      current.current = started;
      setState({ status: 'running', n });
      void started.outcome.then((outcome) => {
        if (outcome.kind === 'cancelled') return;
        if (current.current === started) current.current = null;
        setState({ status: 'finished', n, outcome });
        listener.current(request, outcome);
      });
    },
    [takeWorker],
  );

  const stop = useCallback(() => {
    current.current?.cancel();
    current.current = null;
    setState({ status: 'idle' });
  }, []);

  return { state, run, stop };
}
