import { describe, expect, it } from 'vitest';
import { currentSection } from './currentSection.ts';
import {
  READING_KEY,
  formatReadingPosition,
  loadReadingPosition,
  parseReadingPosition,
  saveReadingPosition,
} from './readingPosition.ts';

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const data = new Map(Object.entries(initial));
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('the section being read', () => {
  const tops = [0, 500, 1200, 2000];
  it('is the last section that starts above the reading line', () => {
    expect(currentSection(tops, 0)).toBe(0);
    expect(currentSection(tops, 499)).toBe(0);
    expect(currentSection(tops, 500)).toBe(1);
    expect(currentSection(tops, 1999)).toBe(2);
    expect(currentSection(tops, 99999)).toBe(3);
    expect(currentSection([], 100)).toBe(0);
  });
});

describe('the saved reading position', () => {
  it('round-trips', () => {
    const storage = memoryStorage();
    saveReadingPosition(storage, 12);
    expect(loadReadingPosition(storage, 53)).toBe(12);
    expect(parseReadingPosition(formatReadingPosition(0), 53)).toBe(0);
  });

  it('ignores corrupt, foreign-version and out-of-range values', () => {
    for (const raw of [
      '{',
      'null',
      '12',
      '"12"',
      '{"slide":3}',
      '{"v":2,"slide":3}',
      '{"v":1,"slide":"3"}',
      '{"v":1,"slide":2.5}',
      '{"v":1,"slide":-1}',
      '{"v":1,"slide":53}',
    ])
      expect(parseReadingPosition(raw, 53), raw).toBeUndefined();
    expect(loadReadingPosition(memoryStorage({ [READING_KEY]: '{oops' }), 53)).toBeUndefined();
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    } as unknown as Storage;
    expect(loadReadingPosition(broken, 53)).toBeUndefined();
    expect(() => saveReadingPosition(broken, 3)).not.toThrow();
    expect(loadReadingPosition(undefined, 53)).toBeUndefined();
  });
});
