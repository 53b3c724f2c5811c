import { describe, expect, it } from 'vitest';
import { currentSection } from './currentSection.ts';
import { readSections, sectionOf } from './readMeta.ts';
import { readingLede } from './lede.ts';
import { placeIn } from './tutorial/TutorialContext.ts';
import {
  READING_BACKUP_KEY,
  READING_KEY,
  createReadingStore,
  parseReadingProgress,
} from './tutorial/progress.ts';

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

const KNOWN = { guides: ['metadata', 'links'], questions: ['process-traces'] };

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

describe('reading sections', () => {
  it('end at each slide with reader text; title slides join the next one', () => {
    const meta = {
      slides: [
        { read: false, beat: 1 },
        { read: false, beat: 1 },
        { read: true, title: 'Meet Alexander', beat: 1 },
        { read: true, beat: 2 },
        { read: false, beat: 2 },
      ],
      guides: [],
      questions: [],
    };
    const sections = readSections(meta, ['A', 'B', 'C', 'D', 'E']);
    expect(sections).toEqual([
      { slides: [0, 1, 2], title: 'Meet Alexander', beat: 1 },
      { slides: [3], title: 'D', beat: 2 },
      { slides: [4], title: 'E', beat: 2 },
    ]);
    expect(sectionOf(sections, 1)).toBe(0);
    expect(sectionOf(sections, 4)).toBe(2);
  });
});

describe('the reader’s progress', () => {
  it('round-trips the place, the steps done and the answers', () => {
    const storage = memoryStorage();
    const store = createReadingStore(() => storage, 53, KNOWN);
    store.save({
      v: 2,
      slide: 12,
      guides: { metadata: { seed: 3 } },
      answers: { 'process-traces': { choice: '17', right: true } },
    });
    expect(store.load()).toEqual({
      progress: {
        v: 2,
        slide: 12,
        guides: { metadata: { seed: 3 } },
        answers: { 'process-traces': { choice: '17', right: true } },
      },
      notices: [],
    });
  });

  it('migrates the first format, which kept only the place', () => {
    expect(parseReadingProgress('{"v":1,"slide":3}', 53, KNOWN).progress).toEqual({
      v: 2,
      slide: 3,
      guides: {},
      answers: {},
    });
  });

  it('keeps the valid parts of a damaged value and says what it dropped', () => {
    const loaded = parseReadingProgress(
      JSON.stringify({
        v: 2,
        slide: 99,
        guides: { metadata: { seed: 1 }, gone: { seed: 1 }, links: 'yes' },
        answers: { 'process-traces': { choice: 1 } },
      }),
      53,
      KNOWN,
    );
    expect(loaded.progress).toEqual({ v: 2, guides: { metadata: { seed: 1 } }, answers: {} });
    expect(loaded.notices.join(' ')).toMatch(/4 entries were dropped/);
  });

  it('recovers from corrupt or foreign values, keeping them aside', () => {
    for (const raw of ['{', 'null', '12', '"12"', '{"slide":3}', '{"v":9,"slide":3}']) {
      const storage = memoryStorage({ [READING_KEY]: raw });
      const loaded = createReadingStore(() => storage, 53, KNOWN).load();
      expect(loaded.progress, raw).toEqual({ v: 2, guides: {}, answers: {} });
      expect(loaded.notices.join(' '), raw).toMatch(/could not be read/);
      expect(storage.getItem(READING_BACKUP_KEY)).toBe(raw);
    }
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    const store = createReadingStore(() => broken, 53, KNOWN);
    expect(store.load().progress).toEqual({ v: 2, guides: {}, answers: {} });
    expect(store.load().notices.join(' ')).toMatch(/storage/);
    expect(store.save({ v: 2, guides: {}, answers: {} })).toMatch(/full/);
    expect(createReadingStore(() => null, 53, KNOWN).load().notices).toEqual([]);
  });
});

describe("the reading page's opening paragraph", () => {
  it('says what this talk has, and nothing another talk would not', () => {
    expect(
      readingLede({
        sections: 26,
        description: 'How context gets lost',
        live: true,
        guides: 6,
        questions: 7,
      }),
    ).toBe(
      'A tutorial in 26 sections. How context gets lost. Along the way you run a simulated event-driven backend in your browser, do six guided steps and answer seven questions.',
    );
    expect(readingLede({ sections: 1, live: false, guides: 0, questions: 0 })).toBe(
      'A tutorial in one section.',
    );
    expect(readingLede({ sections: 3, live: false, guides: 0, questions: 12 })).toContain(
      'browser, answer 12 questions.',
    );
  });
});

describe('numbering of guided steps and questions', () => {
  it("counts the talk's own, in its order, and the library only for an id the talk lacks", () => {
    const library = ['a', 'b', 'c', 'd'];
    expect(placeIn(['c', 'a'], library, 'a')).toEqual({ number: 2, total: 2 });
    expect(placeIn([], library, 'c')).toEqual({ number: 3, total: 4 });
  });
});
