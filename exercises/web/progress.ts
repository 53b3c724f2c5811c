/**
 * Workshop progress in localStorage: a versioned record, migrated from older versions, recovered
 * from when it is corrupt, and kept in memory when storage is full or unavailable. Framework-free:
 * the page passes in the Storage (or null) and the exercise ids it knows.
 */

import { RENAMED_IDS } from '../lib/catalog.ts';

/** More hints than any exercise has: a bound for reading saved values. */
const MAX_HINTS = 12;

export const STORAGE_KEY = 'tracing-in-elixir:exercises';
/** Where an unreadable value is moved before it is replaced, so that nothing is lost silently. */
export const BACKUP_KEY = `${STORAGE_KEY}:unreadable`;
export const PROGRESS_VERSION = 2;
/** What an exported file says it is, so a foreign JSON file is told apart from ours. */
export const EXPORT_FORMAT = 'tracing-in-elixir/exercise-progress';

export interface ExerciseProgress {
  /** The learner's code; null while it is the starter file, so local edits to it show through. */
  code: string | null;
  passed: boolean;
  /** How many of the exercise's hints are revealed. */
  hintsShown: number;
  /** ISO time of the first pass; null if not passed, or passed before times were kept (v1). */
  solvedAt: string | null;
  /** The first failing check of the last run, for the facilitator's line; null if none known. */
  failure?: string | null;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  exercises: Record<string, ExerciseProgress>;
}

/**
 * Version 1, the first format: solved exercise ids and code by id, no hints.
 * `{ version: 1, solved: ["01-tracing-plug"], code: { "02-exray-spans": "…" } }`
 */
export interface ProgressV1 {
  version: 1;
  solved: string[];
  code: Record<string, string>;
}

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, exercises: {} });

export const emptyEntry = (): ExerciseProgress => ({
  code: null,
  passed: false,
  hintsShown: 0,
  solvedAt: null,
});

/** Not begun: still the starter, never run to a failure, no hint shown (no entry counts too). */
export const notBegun = (entry: ExerciseProgress | undefined): boolean =>
  !entry || (!entry.passed && entry.code === null && entry.hintsShown === 0 && !entry.failure);

export interface Loaded {
  progress: Progress;
  /** What the learner should be told: what was recovered, dropped or could not be saved. */
  notices: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIsoTime = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Reads one exercise's entry field by field: a bad field falls back to its default and is
 * counted, so that a half-damaged entry still keeps its code and its pass.
 */
function readEntry(raw: unknown): { entry: ExerciseProgress; bad: number } | null {
  if (!isObj(raw)) return null;
  const entry = emptyEntry();
  let bad = 0;
  if (typeof raw.code === 'string' || raw.code === null) entry.code = raw.code;
  else if (raw.code !== undefined) bad++;
  if (typeof raw.passed === 'boolean') entry.passed = raw.passed;
  else if (raw.passed !== undefined) bad++;
  if (
    typeof raw.hintsShown === 'number' &&
    Number.isInteger(raw.hintsShown) &&
    raw.hintsShown >= 0 &&
    raw.hintsShown <= MAX_HINTS
  )
    entry.hintsShown = raw.hintsShown;
  else if (raw.hintsShown !== undefined) bad++;
  if (isIsoTime(raw.solvedAt) || raw.solvedAt === null) entry.solvedAt = raw.solvedAt;
  else if (raw.solvedAt !== undefined) bad++;
  if (entry.solvedAt && !entry.passed) entry.solvedAt = null;
  // Added later in version 2: absent in older saves, which is fine.
  if ((typeof raw.failure === 'string' && raw.failure.length <= 500) || raw.failure === null)
    entry.failure = raw.failure;
  else if (raw.failure !== undefined) bad++;
  return { entry, bad };
}

function readExercises(
  raw: unknown,
  known: readonly string[],
): { exercises: Record<string, ExerciseProgress>; notices: string[] } {
  const exercises: Record<string, ExerciseProgress> = {};
  if (!isObj(raw)) return { exercises, notices: ['The saved exercises were not a list by id.'] };
  let unknownIds = 0;
  let unreadable = 0;
  let badFields = 0;
  for (const [savedId, value] of Object.entries(raw)) {
    // Exercises renumbered since the save keep their progress under their new ids.
    const id =
      RENAMED_IDS[savedId] && !(RENAMED_IDS[savedId] in raw) ? RENAMED_IDS[savedId] : savedId;
    if (!known.includes(id)) {
      unknownIds++;
      continue;
    }
    const read = readEntry(value);
    if (!read) {
      unreadable++;
      continue;
    }
    exercises[id] = read.entry;
    badFields += read.bad;
  }
  const notices: string[] = [];
  if (unreadable > 0)
    notices.push(
      `${plural(unreadable, 'exercise entry', 'exercise entries')} could not be read and ${unreadable === 1 ? 'was' : 'were'} reset.`,
    );
  if (badFields > 0)
    notices.push(
      `${plural(badFields, 'damaged field')} ${badFields === 1 ? 'was' : 'were'} reset to its default; the rest was kept.`,
    );
  if (unknownIds > 0)
    notices.push(
      `${plural(unknownIds, 'entry', 'entries')} for exercises that do not exist here ${unknownIds === 1 ? 'was' : 'were'} ignored.`,
    );
  return { exercises, notices };
}

/** Version 1 to version 2: solved ids become passed entries; code stays; no hints were shown. */
export function migrateV1(raw: Obj, known: readonly string[]): Loaded {
  const progress = emptyProgress();
  const notices: string[] = [];
  const solved = Array.isArray(raw.solved) ? raw.solved : [];
  const code = isObj(raw.code) ? raw.code : {};
  let dropped = 0;
  const entry = (id: string) => (progress.exercises[id] ??= emptyEntry());
  for (const id of solved) {
    if (typeof id === 'string' && known.includes(id)) {
      entry(id).passed = true;
    } else dropped++;
  }
  for (const [id, text] of Object.entries(code)) {
    if (typeof text === 'string' && known.includes(id)) entry(id).code = text;
    else dropped++;
  }
  if (!Array.isArray(raw.solved) && raw.solved !== undefined) dropped++;
  if (dropped > 0)
    notices.push(
      `Your progress was upgraded from an older format; ${plural(dropped, 'entry', 'entries')} could not be carried over.`,
    );
  return { progress, notices };
}

/**
 * Turns whatever is stored into progress. Never throws: corrupt JSON, a foreign value or a value
 * from a newer version gives empty progress and a notice; partly valid data keeps its valid parts.
 */
export function parseProgress(text: string | null, known: readonly string[]): Loaded {
  if (text === null || text === '') return { progress: emptyProgress(), notices: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      progress: emptyProgress(),
      notices: [
        'Your saved progress was damaged (it is not valid JSON) and could not be read, so it starts afresh. The damaged copy is kept in localStorage under "' +
          BACKUP_KEY +
          '".',
      ],
    };
  }
  if (!isObj(raw) || typeof raw.version !== 'number') {
    return {
      progress: emptyProgress(),
      notices: [
        `The saved value under "${STORAGE_KEY}" is not exercise progress, so progress starts afresh. The old value is kept under "${BACKUP_KEY}".`,
      ],
    };
  }
  if (raw.version === 1) return migrateV1(raw, known);
  if (raw.version !== PROGRESS_VERSION) {
    return {
      progress: emptyProgress(),
      notices: [
        `Your saved progress has version ${raw.version}, which this site does not know (it reads version ${PROGRESS_VERSION}), so progress starts afresh. The saved value is kept under "${BACKUP_KEY}".`,
      ],
    };
  }
  const { exercises, notices } = readExercises(raw.exercises, known);
  return {
    progress: { version: PROGRESS_VERSION, exercises },
    notices: notices.length
      ? [`Some of your saved progress was damaged; the valid parts were kept. ${notices.join(' ')}`]
      : [],
  };
}

/** Whether a stored value must be backed up before it is overwritten (nothing of it was readable). */
function needsBackup(text: string | null): boolean {
  if (!text) return false;
  try {
    const raw: unknown = JSON.parse(text);
    return !isObj(raw) || (raw.version !== 1 && raw.version !== PROGRESS_VERSION);
  } catch {
    return true;
  }
}

export function describeStorageError(err: unknown, doing: 'read' | 'save'): string {
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED')
    return 'The browser storage is full, so progress is kept only while this page is open. Export it to a file to keep it.';
  if (name === 'SecurityError')
    return `The browser does not let this page use its storage (private mode or blocked site data), so progress is kept only while this page is open.`;
  return `Progress could not be ${doing === 'read' ? 'read from' : 'saved to'} the browser storage (${name || String(err)}), so it is kept only while this page is open.`;
}

/** Where progress is kept: localStorage, or nothing (unavailable). */
export interface ProgressStorage {
  load(): Loaded;
  /** Saves; returns a notice when it could not (the caller keeps working in memory). */
  save(progress: Progress): string | null;
}

/**
 * Progress over a Storage. `storage` is a function because merely touching `window.localStorage`
 * throws a SecurityError when site data is blocked.
 */
export function createProgressStorage(
  storage: () => Storage | null,
  known: readonly string[],
  key = STORAGE_KEY,
): ProgressStorage {
  let unusable = false;
  const get = (): Storage | null => {
    if (unusable) return null;
    return storage();
  };
  return {
    load(): Loaded {
      let text: string | null;
      try {
        const s = get();
        if (!s) return { progress: emptyProgress(), notices: [] };
        text = s.getItem(key);
      } catch (err) {
        unusable = true;
        return { progress: emptyProgress(), notices: [describeStorageError(err, 'read')] };
      }
      const loaded = parseProgress(text, known);
      if (needsBackup(text)) {
        try {
          get()?.setItem(`${key}:unreadable`, text as string);
        } catch {
          // Storage is full: the notice still tells the learner, and the value stays until a save.
        }
      }
      return loaded;
    },
    save(progress: Progress): string | null {
      try {
        const s = get();
        if (!s) return null;
        s.setItem(key, JSON.stringify(progress));
        return null;
      } catch (err) {
        return describeStorageError(err, 'save');
      }
    },
  };
}

/** The file "Export progress" writes. */
export function exportProgress(progress: Progress, now = new Date()): string {
  return `${JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: PROGRESS_VERSION,
      exportedAt: now.toISOString(),
      exercises: progress.exercises,
    },
    null,
    2,
  )}\n`;
}

export type ImportResult =
  { ok: true; progress: Progress; notices: string[] } | { ok: false; error: string };

/**
 * Reads an exported file and merges it into `current`: a pass is never lost, the further hint
 * count wins, and the file's code replaces the page's where the file has code. An invalid file
 * changes nothing.
 */
export function importProgress(
  text: string,
  current: Progress,
  known: readonly string[],
): ImportResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: `That file is not JSON (${(e as Error).message}); your progress is unchanged.`,
    };
  }
  if (!isObj(raw) || raw.format !== EXPORT_FORMAT)
    return {
      ok: false,
      error:
        'That file is not an exercise progress export from this site; your progress is unchanged.',
    };
  let loaded: Loaded;
  if (raw.version === 1) loaded = migrateV1(raw, known);
  else if (raw.version === PROGRESS_VERSION) {
    const read = readExercises(raw.exercises, known);
    loaded = {
      progress: { version: PROGRESS_VERSION, exercises: read.exercises },
      notices: read.notices,
    };
  } else
    return {
      ok: false,
      error: `That file has version ${String(raw.version)}, which this site cannot read; your progress is unchanged.`,
    };
  const merged: Progress = { version: PROGRESS_VERSION, exercises: { ...current.exercises } };
  for (const [id, theirs] of Object.entries(loaded.progress.exercises)) {
    const ours = merged.exercises[id];
    if (!ours) {
      merged.exercises[id] = theirs;
      continue;
    }
    const solvedAt =
      [ours.solvedAt, theirs.solvedAt].filter((t): t is string => t !== null).sort()[0] ?? null;
    merged.exercises[id] = {
      code: theirs.code ?? ours.code,
      passed: ours.passed || theirs.passed,
      hintsShown: Math.max(ours.hintsShown, theirs.hintsShown),
      solvedAt,
    };
  }
  return { ok: true, progress: merged, notices: loaded.notices };
}
