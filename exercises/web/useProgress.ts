import { useCallback, useEffect, useRef, useState } from 'react';
import { EXERCISES } from '../lib/catalog.ts';
import {
  createProgressStorage,
  emptyEntry,
  exportProgress,
  importProgress,
  type ExerciseProgress,
  type Progress,
} from './progress.ts';

const KNOWN = EXERCISES.map((e) => e.id);

/** Touching `window.localStorage` itself throws when site data is blocked; the storage catches it. */
const browserStorage = () => (typeof window === 'undefined' ? null : window.localStorage);

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'warning';
}

/**
 * Progress for the page: loaded once (with recovery notices), saved on every change, kept in
 * memory when storage fails (with one notice saying so).
 */
export function useProgress() {
  const [storage] = useState(() => createProgressStorage(browserStorage, KNOWN));
  const [initial] = useState(() => storage.load());
  const [progress, setProgress] = useState<Progress>(initial.progress);
  const nextId = useRef(initial.notices.length);
  const [notices, setNotices] = useState<Notice[]>(() =>
    initial.notices.map((text, id) => ({ id, text, tone: 'warning' })),
  );
  const lastSaveError = useRef<string | null>(null);
  const first = useRef(true);

  const notify = useCallback((text: string, tone: Notice['tone'] = 'warning') => {
    setNotices((list) =>
      list.some((n) => n.text === text) ? list : [...list, { id: nextId.current++, text, tone }],
    );
  }, []);
  const dismiss = useCallback((id: number) => {
    setNotices((list) => list.filter((n) => n.id !== id));
  }, []);

  useEffect(() => {
    // Nothing changed yet: do not rewrite (a recovered value stays as it was until a change).
    if (first.current) {
      first.current = false;
      return;
    }
    const error = storage.save(progress);
    if (error && error !== lastSaveError.current) notify(error);
    lastSaveError.current = error;
  }, [progress, storage, notify]);

  const update = useCallback((id: string, change: (e: ExerciseProgress) => ExerciseProgress) => {
    setProgress((p) => ({
      ...p,
      exercises: { ...p.exercises, [id]: change(p.exercises[id] ?? emptyEntry()) },
    }));
  }, []);

  const exportFile = useCallback(() => exportProgress(progress), [progress]);

  const importFile = useCallback(
    (text: string): boolean => {
      const result = importProgress(text, progress, KNOWN);
      if (!result.ok) {
        notify(result.error);
        return false;
      }
      setProgress(result.progress);
      const solved = Object.values(result.progress.exercises).filter((e) => e.passed).length;
      notify(
        `Progress imported: ${solved} of ${EXERCISES.length} exercises solved.${result.notices.length ? ` ${result.notices.join(' ')}` : ''}`,
        'info',
      );
      return true;
    },
    [progress, notify],
  );

  return { progress, update, notices, notify, dismiss, exportFile, importFile };
}

export type ProgressApi = ReturnType<typeof useProgress>;
