import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeckset, toSpectacleMarkdown } from './convertDeckset.ts';

const SEED = '/work/shared/seed/talk.md';

describe('parseDeckset', () => {
  it('drops global and slide commands, splits slides, keeps notes apart', () => {
    const slides = parseDeckset(
      [
        'theme: Poster, 1',
        '',
        '# Title',
        '---',
        '[.autoscale: true]',
        '',
        '# Two',
        '',
        '^',
        'first note',
        '',
        '^ second note',
      ].join('\n'),
    );
    expect(slides).toEqual([
      { content: '# Title', notes: '' },
      { content: '# Two', notes: 'first note\n\nsecond note' },
    ]);
  });

  it('does not split or take notes inside code fences', () => {
    const slides = parseDeckset('```\na\n---\n^ b\n```\n---\n# c');
    expect(slides).toHaveLength(2);
    expect(slides[0]).toEqual({ content: '```\na\n---\n^ b\n```', notes: '' });
  });

  it('replaces images with a text placeholder line', () => {
    const [slide] = parseDeckset('# Otter\n\n![fit](images/otter.png)');
    expect(slide?.content).toBe('# Otter\n\n*[image: otter.png]*');
  });
});

describe('toSpectacleMarkdown', () => {
  it('separates slides with --- and puts notes in a notes zone', () => {
    const md = toSpectacleMarkdown([
      { content: '# A', notes: 'note a' },
      { content: '# B', notes: '' },
    ]);
    expect(md).toBe('# A\n\n<!-- notes start -->\n\nnote a\n\n<!-- notes end -->\n\n---\n\n# B');
  });
});

describe.runIf(existsSync(SEED))('the seed talk', () => {
  const slides = parseDeckset(readFileSync(SEED, 'utf8'));

  it('has 41 slides, none empty', () => {
    expect(slides).toHaveLength(41);
    for (const s of slides) expect(s.content.trim()).not.toBe('');
  });

  it('keeps the notes of the 22 slides with notes (26 `^` paragraphs), lists included', () => {
    expect(slides.filter((s) => s.notes).length).toBe(22);
    expect(slides[1]?.content).toMatch(/^# Hero's Journey/);
    expect(slides[1]?.notes).toMatch(/^1\. "random" backend developer/);
    expect(slides[1]?.notes).toContain('  - Solution: Per-Process Span stack');
    expect(slides[9]?.notes).toBe(
      'Pretty much the exchange\n\n"Before we look at OT, let\'s ask ourselfs ..."',
    );
    expect(slides[40]?.notes).toBe('Used those downstream to correlate the spans to each other');
  });

  it('leaves no Deckset syntax or image references behind', () => {
    const md = toSpectacleMarkdown(slides);
    expect(md).not.toMatch(/^theme:|^\[\.|^\^|!\[/m);
    expect(md.split(/^---$/m)).toHaveLength(41);
    expect(md).toContain('*[image: otter.png]*');
  });
});
