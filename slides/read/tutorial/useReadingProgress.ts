import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { GUIDES } from './guides.ts';
import { PREDICTIONS } from './predictions.ts';
import { createReadingStore, type Answer, type ReadingProgress } from './progress.ts';
import type { TutorialApi, TutorialOrder } from './TutorialContext.ts';

const KNOWN = { guides: GUIDES.map((g) => g.id), questions: PREDICTIONS.map((p) => p.id) };
/** Touching `window.localStorage` itself throws when site data is blocked; the store catches it. */
const browserStorage = () => (typeof window === 'undefined' ? null : window.localStorage);

/**
 * The reading mode's progress: loaded once (with what was recovered, in words), saved on every
 * change, kept in memory when storage refuses it (and the reader told, once).
 */
export function useReadingProgress(total: number, order: TutorialOrder) {
  const [store] = useState(() => createReadingStore(browserStorage, total, KNOWN));
  const [initial] = useState(() => store.load());
  const [progress, setProgress] = useState<ReadingProgress>(initial.progress);
  const [notices, setNotices] = useState<string[]>(initial.notices);
  const first = useRef(true);

  useEffect(() => {
    // A recovered value stays as it was until something changes.
    if (first.current) {
      first.current = false;
      return;
    }
    const error = store.save(progress);
    if (error) setNotices((list) => (list.includes(error) ? list : [...list, error]));
  }, [progress, store]);

  const setSlide = useCallback(
    (slide: number) => setProgress((p) => (p.slide === slide ? p : { ...p, slide })),
    [],
  );
  const markGuide = useCallback(
    (id: string, seed: number) =>
      setProgress((p) =>
        p.guides[id]?.seed === seed ? p : { ...p, guides: { ...p.guides, [id]: { seed } } },
      ),
    [],
  );
  const answer = useCallback(
    (id: string, a: Answer) =>
      setProgress((p) => {
        const old = p.answers[id];
        // The same choice without a run yet keeps what an earlier run said of it.
        if (old?.choice === a.choice && (a.right === undefined || old.right === a.right)) return p;
        return { ...p, answers: { ...p.answers, [id]: a } };
      }),
    [],
  );
  const dismiss = useCallback(
    (text: string) => setNotices((list) => list.filter((n) => n !== text)),
    [],
  );
  const api = useMemo<TutorialApi>(
    () => ({ progress, markGuide, answer, order }),
    [progress, markGuide, answer, order],
  );
  return { api, initialSlide: initial.progress.slide, setSlide, notices, dismiss };
}
