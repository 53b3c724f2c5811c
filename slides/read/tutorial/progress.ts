/**
 * The reader's progress through the tutorial, in localStorage: where they stopped, which guided
 * steps they did and what they answered. Versioned (v1 kept only the place, and is migrated),
 * recovered from when corrupt (the unreadable value is moved aside, as the workshop's progress
 * does), and kept in memory when storage is blocked or full.
 */
import { describeStorageError } from '../../../exercises/web/progress.ts';

export const READING_KEY = 'tracing-in-elixir.read';
export const READING_BACKUP_KEY = `${READING_KEY}:unreadable`;
const VERSION = 2;

export interface GuideDone {
  /** The seed of the run that did it. */
  seed: number;
}

export interface Answer {
  choice: string;
  /** Whether the reader's run agreed; unknown until a run finished. */
  right?: boolean;
}

export interface ReadingProgress {
  v: typeof VERSION;
  /** 0-based slide whose section was being read, or undefined. */
  slide?: number;
  guides: Record<string, GuideDone>;
  answers: Record<string, Answer>;
}

export interface LoadedProgress {
  progress: ReadingProgress;
  /** What the reader is told: what was recovered or could not be read. */
  notices: string[];
}

export const emptyReadingProgress = (): ReadingProgress => ({
  v: VERSION,
  guides: {},
  answers: {},
});

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSlide = (v: unknown, total: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < total;

/**
 * Whatever is stored, as progress. Never throws. Valid parts of a damaged value are kept; ids of
 * steps or questions this site does not have are dropped.
 */
export function parseReadingProgress(
  raw: string | null,
  total: number,
  known: { guides: readonly string[]; questions: readonly string[] },
): LoadedProgress & { unreadable: boolean } {
  const progress = emptyReadingProgress();
  if (raw === null || raw === '') return { progress, notices: [], unreadable: false };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = undefined;
  }
  if (!isObj(value) || (value.v !== 1 && value.v !== VERSION)) {
    return {
      progress,
      unreadable: true,
      notices: [
        `Your saved reading progress could not be read, so it starts afresh. The old value is kept in localStorage under "${READING_BACKUP_KEY}".`,
      ],
    };
  }
  let dropped = 0;
  if (isSlide(value.slide, total)) progress.slide = value.slide;
  else if (value.slide !== undefined) dropped++;
  if (value.v === VERSION) {
    const guides = isObj(value.guides) ? value.guides : {};
    for (const [id, g] of Object.entries(guides)) {
      if (known.guides.includes(id) && isObj(g) && typeof g.seed === 'number')
        progress.guides[id] = { seed: g.seed };
      else dropped++;
    }
    const answers = isObj(value.answers) ? value.answers : {};
    for (const [id, a] of Object.entries(answers)) {
      if (known.questions.includes(id) && isObj(a) && typeof a.choice === 'string')
        progress.answers[id] = {
          choice: a.choice,
          ...(typeof a.right === 'boolean' ? { right: a.right } : {}),
        };
      else dropped++;
    }
  }
  return {
    progress,
    unreadable: false,
    notices:
      dropped > 0
        ? [
            `Part of your saved reading progress was damaged or out of date; ${dropped} ${dropped === 1 ? 'entry was' : 'entries were'} dropped and the rest kept.`,
          ]
        : [],
  };
}

/** Progress over localStorage (or nothing); `storage` is a function: touching it may throw. */
export function createReadingStore(
  storage: () => Storage | null,
  total: number,
  known: { guides: readonly string[]; questions: readonly string[] },
) {
  return {
    load(): LoadedProgress {
      let raw: string | null;
      try {
        raw = storage()?.getItem(READING_KEY) ?? null;
      } catch (err) {
        return { progress: emptyReadingProgress(), notices: [describeStorageError(err, 'read')] };
      }
      const { unreadable, ...loaded } = parseReadingProgress(raw, total, known);
      if (unreadable && raw !== null) {
        try {
          storage()?.setItem(READING_BACKUP_KEY, raw);
        } catch {
          // Full storage: the notice still says what happened.
        }
      }
      return loaded;
    },
    /** Saves; returns a notice when it could not (the page keeps the progress in memory). */
    save(progress: ReadingProgress): string | null {
      try {
        storage()?.setItem(READING_KEY, JSON.stringify(progress));
        return null;
      } catch (err) {
        return describeStorageError(err, 'save');
      }
    },
  };
}
