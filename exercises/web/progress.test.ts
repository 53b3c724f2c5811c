import { describe, expect, it } from 'vitest';
import {
  BACKUP_KEY,
  STORAGE_KEY,
  createProgressStorage,
  emptyEntry,
  emptyProgress,
  exportProgress,
  importProgress,
  notBegun,
  parseProgress,
  type Progress,
} from './progress.ts';

const KNOWN = ['01-tracing-plug', '02-exray-spans', '03-inject'];

/** A Storage in memory, with switches for the ways a real one fails. */
class MemoryStorage implements Storage {
  map = new Map<string, string>();
  failSet: string | null = null;
  failGet: string | null = null;
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    if (this.failGet) throw new DOMException('denied', this.failGet);
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.failSet) throw new DOMException('no room', this.failSet);
    this.map.set(key, value);
  }
}

const sample = (): Progress => ({
  version: 2,
  exercises: {
    '01-tracing-plug': {
      code: 'export const call = 1;',
      passed: true,
      hintsShown: 2,
      solvedAt: '2025-05-01T10:00:00.000Z',
    },
    '03-inject': { code: null, passed: false, hintsShown: 1, solvedAt: null },
  },
});

describe('parseProgress', () => {
  it('reads nothing as empty progress, with no notice', () => {
    expect(parseProgress(null, KNOWN)).toEqual({ progress: emptyProgress(), notices: [] });
  });

  it('reads a valid version 2 record as it is', () => {
    expect(parseProgress(JSON.stringify(sample()), KNOWN)).toEqual({
      progress: sample(),
      notices: [],
    });
  });

  it('migrates version 1: solved ids become passes, code is kept, unknown ids are reported', () => {
    const v1 = {
      version: 1,
      solved: ['01-tracing-plug', '99-gone'],
      code: { '02-exray-spans': 'export function startSpan() {}', '03-inject': 42 },
    };
    const { progress, notices } = parseProgress(JSON.stringify(v1), KNOWN);
    expect(progress).toEqual({
      version: 2,
      exercises: {
        '01-tracing-plug': { code: null, passed: true, hintsShown: 0, solvedAt: null },
        '02-exray-spans': {
          code: 'export function startSpan() {}',
          passed: false,
          hintsShown: 0,
          solvedAt: null,
        },
      },
    });
    expect(notices).toEqual([
      'Your progress was upgraded from an older format; 2 entries could not be carried over.',
    ]);
  });

  it('recovers from corrupt JSON with empty progress and a notice naming the backup', () => {
    const { progress, notices } = parseProgress('{"version":2,"exercises":{', KNOWN);
    expect(progress).toEqual(emptyProgress());
    expect(notices[0]).toMatch(/damaged \(it is not valid JSON\).*starts afresh/);
    expect(notices[0]).toContain(BACKUP_KEY);
  });

  it.each([['"hello"'], ['[1,2,3]'], ['{"theme":"dark"}'], ['null'], ['{"version":"2"}']])(
    'treats the foreign value %s as not progress',
    (text) => {
      const { progress, notices } = parseProgress(text, KNOWN);
      expect(progress).toEqual(emptyProgress());
      expect(notices[0]).toMatch(/is not exercise progress/);
    },
  );

  it('does not guess at a newer version', () => {
    const { progress, notices } = parseProgress('{"version":7,"exercises":{}}', KNOWN);
    expect(progress).toEqual(emptyProgress());
    expect(notices[0]).toMatch(/version 7, which this site does not know/);
  });

  it('keeps the valid parts of a partly damaged record and says what was reset', () => {
    const damaged = {
      version: 2,
      exercises: {
        '01-tracing-plug': {
          code: 'kept',
          passed: true,
          hintsShown: 'lots',
          solvedAt: '2025-05-01T10:00:00.000Z',
        },
        '02-exray-spans': 'not an entry',
        '03-inject': { code: 12, passed: false, hintsShown: 3, solvedAt: 'yesterday' },
        '42-unknown': { code: 'x', passed: true, hintsShown: 0, solvedAt: null },
      },
    };
    const { progress, notices } = parseProgress(JSON.stringify(damaged), KNOWN);
    expect(progress.exercises).toEqual({
      '01-tracing-plug': {
        code: 'kept',
        passed: true,
        hintsShown: 0,
        solvedAt: '2025-05-01T10:00:00.000Z',
      },
      '03-inject': { code: null, passed: false, hintsShown: 3, solvedAt: null },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/damaged; the valid parts were kept/);
    expect(notices[0]).toMatch(/1 exercise entry could not be read/);
    expect(notices[0]).toMatch(/3 damaged fields were reset/);
    expect(notices[0]).toMatch(/1 entry for exercises that do not exist here was ignored/);
  });

  it('reports an exercises field that is not an object, keeping nothing of it', () => {
    const { progress, notices } = parseProgress('{"version":2,"exercises":[1]}', KNOWN);
    expect(progress).toEqual(emptyProgress());
    expect(notices[0]).toMatch(/not a list by id/);
  });
});

describe('createProgressStorage', () => {
  it('saves and loads a record through the storage', () => {
    const mem = new MemoryStorage();
    const store = createProgressStorage(() => mem, KNOWN);
    expect(store.save(sample())).toBeNull();
    expect(JSON.parse(mem.map.get(STORAGE_KEY)!)).toEqual(sample());
    expect(store.load()).toEqual({ progress: sample(), notices: [] });
  });

  it('backs up an unreadable value before it can be overwritten', () => {
    const mem = new MemoryStorage();
    mem.map.set(STORAGE_KEY, 'not json at all');
    const store = createProgressStorage(() => mem, KNOWN);
    const { notices } = store.load();
    expect(notices).toHaveLength(1);
    expect(mem.map.get(BACKUP_KEY)).toBe('not json at all');
    store.save(emptyProgress());
    expect(mem.map.get(BACKUP_KEY)).toBe('not json at all');
  });

  it('turns a full storage into a notice, and keeps working', () => {
    const mem = new MemoryStorage();
    mem.failSet = 'QuotaExceededError';
    const store = createProgressStorage(() => mem, KNOWN);
    expect(store.save(sample())).toMatch(/storage is full.*kept only while this page is open/);
    mem.failSet = null;
    expect(store.save(sample())).toBeNull();
  });

  it('turns blocked storage into a notice when reading, and stops touching it', () => {
    const mem = new MemoryStorage();
    mem.failGet = 'SecurityError';
    const store = createProgressStorage(() => mem, KNOWN);
    const loaded = store.load();
    expect(loaded.progress).toEqual(emptyProgress());
    expect(loaded.notices[0]).toMatch(/does not let this page use its storage/);
    expect(store.save(sample())).toBeNull();
    expect(mem.map.size).toBe(0);
  });

  it('survives a storage getter that throws (window.localStorage with site data blocked)', () => {
    const store = createProgressStorage(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    }, KNOWN);
    expect(store.load().notices[0]).toMatch(/does not let this page use its storage/);
  });

  it('works with no storage at all', () => {
    const store = createProgressStorage(() => null, KNOWN);
    expect(store.load()).toEqual({ progress: emptyProgress(), notices: [] });
    expect(store.save(sample())).toBeNull();
  });
});

describe('export and import', () => {
  it('round-trips: what is exported imports to the same progress', () => {
    const file = exportProgress(sample(), new Date('2025-05-02T00:00:00Z'));
    expect(JSON.parse(file)).toMatchObject({ exportedAt: '2025-05-02T00:00:00.000Z' });
    expect(importProgress(file, emptyProgress(), KNOWN)).toEqual({
      ok: true,
      progress: sample(),
      notices: [],
    });
  });

  it('merges into current progress without losing a pass', () => {
    const current: Progress = {
      version: 2,
      exercises: {
        '01-tracing-plug': { code: 'mine', passed: false, hintsShown: 3, solvedAt: null },
        '02-exray-spans': {
          code: 'two',
          passed: true,
          hintsShown: 0,
          solvedAt: '2025-01-01T00:00:00.000Z',
        },
      },
    };
    const result = importProgress(exportProgress(sample()), current, KNOWN);
    expect(result.ok && result.progress.exercises).toEqual({
      '01-tracing-plug': {
        code: 'export const call = 1;',
        passed: true,
        hintsShown: 3,
        solvedAt: '2025-05-01T10:00:00.000Z',
      },
      '02-exray-spans': current.exercises['02-exray-spans'],
      '03-inject': sample().exercises['03-inject'],
    });
  });

  it.each([
    ['not JSON', '{oops', /not JSON.*your progress is unchanged/],
    ['a foreign file', '{"resourceSpans":[]}', /not an exercise progress export/],
    [
      'a newer version',
      '{"format":"tracing-in-elixir/exercise-progress","version":9,"exercises":{}}',
      /version 9, which this site cannot read/,
    ],
  ])('refuses %s with a clear message, and changes nothing', (_what, text, message) => {
    const current = sample();
    const before = JSON.stringify(current);
    const result = importProgress(text, current, KNOWN);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
    expect(JSON.stringify(current)).toBe(before);
  });
});

describe('renumbered exercises', () => {
  it('keep their saved progress under their new ids', () => {
    const known = ['06-command-to-command', '11-global-state'];
    const saved = JSON.stringify({
      version: 2,
      exercises: {
        '05-command-to-command': { code: 'mine', passed: true, hintsShown: 1, solvedAt: null },
        '07-global-state': { code: null, passed: false, hintsShown: 2, solvedAt: null },
      },
    });
    const { progress, notices } = parseProgress(saved, known);
    expect(notices).toEqual([]);
    expect(progress.exercises['06-command-to-command']).toMatchObject({
      code: 'mine',
      passed: true,
    });
    expect(progress.exercises['11-global-state']).toMatchObject({ hintsShown: 2 });
  });
});

describe('notBegun', () => {
  it('is an exercise with no entry, or the starter never run and no hint shown', () => {
    expect(notBegun(undefined)).toBe(true);
    expect(notBegun(emptyEntry())).toBe(true);
    expect(notBegun({ ...emptyEntry(), code: 'x' })).toBe(false);
    expect(notBegun({ ...emptyEntry(), hintsShown: 1 })).toBe(false);
    // A run of the starter that failed: the learner has begun, and is stuck there.
    expect(notBegun({ ...emptyEntry(), failure: 'a: b' })).toBe(false);
    expect(notBegun({ ...emptyEntry(), passed: true })).toBe(false);
  });
});
