// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import type { MDXProps } from 'mdx/types';
import { createElement, type ComponentType } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { mdxComponents } from '../components/mdxComponents.ts';
import type { DeckMeta } from '../deck/deckMeta.ts';
import { remarkDeck } from '../deck/remarkDeck.ts';
import { SlideContext, type SlidePart } from '../deck/slideContext.ts';
import type { ReadMeta } from './readMeta.ts';
import { remarkRead, siteUrl } from './remarkRead.ts';
import { guideById } from './tutorial/guides.ts';
import { PREDICTIONS, predictionById } from './tutorial/predictions.ts';

// Bundled pictures become imports Node cannot run here: the slides that have them have headings.
const source = readFileSync(join(import.meta.dirname, '..', 'talk.mdx'), 'utf8').replace(
  /^!\[[^\]]*\]\(images\/[^)]*\)$/gm,
  '',
);

/** The talk compiled as the site compiles it (remarkDeck, then remarkRead). */
async function compileTalk(text = source) {
  const mod = await evaluate(text, { ...runtime, remarkPlugins: [remarkDeck, remarkRead] });
  return {
    Content: mod.default as ComponentType<MDXProps>,
    deck: mod.deckMeta as DeckMeta,
    read: mod.readMeta as ReadMeta,
  };
}

type Talk = Awaited<ReturnType<typeof compileTalk>>;

/** Slide `index` at build `step`, as a DOM fragment (live scenes stay out: they load lazily). */
function renderSlide(talk: Talk, index: number, step: number, part: SlidePart = 'body') {
  const html = renderToStaticMarkup(
    createElement(
      SlideContext.Provider,
      { value: { index, step, part, preview: true, scenes: [] } },
      createElement(talk.Content, { components: { ...mdxComponents, LiveScene: LiveStub } }),
    ),
  );
  const box = document.createElement('div');
  box.innerHTML = html;
  return box;
}

function LiveStub() {
  return createElement('figure', { className: 'live-scene' }, 'live scene');
}

const titles = (talk: Talk) => talk.deck.slides.map((s) => s.title.toLowerCase());

describe('the story', async () => {
  const talk = await compileTalk();

  it('shows something on every build of every slide (no empty first build)', () => {
    talk.deck.slides.forEach((slide, i) => {
      for (let step = 0; step <= slide.steps; step++) {
        const box = renderSlide(talk, i, step);
        box.querySelectorAll('[aria-hidden="true"], .beat').forEach((el) => el.remove());
        const shown =
          (box.textContent ?? '').trim().length > 0 ||
          box.querySelector('svg, img, .live-scene') !== null;
        expect(shown, `slide ${i + 1} (${slide.label}) at build ${step}`).toBe(true);
      }
    });
  });

  it('asks the question before it gives the answer', () => {
    const t = titles(talk);
    const options = t.indexOf('options?');
    const how = t.findIndex((x) => x.startsWith('how did'));
    const answer = t.findIndex((x) => x.startsWith('inserted span ids'));
    expect(options).toBeGreaterThan(0);
    expect(options).toBeLessThan(how);
    expect(how).toBeLessThan(answer);
  });

  it('puts "Batches? Links." in the story, before the take-aways', () => {
    const t = titles(talk);
    expect(t.indexOf('batches? links.')).toBeGreaterThan(0);
    expect(t.indexOf('batches? links.')).toBeLessThan(t.indexOf('the elixir'));
  });

  it('walks the twelve steps of the journey in order, one marker on every slide after the first', () => {
    const beats = talk.read.slides.map((s) => s.beat);
    const first = beats.findIndex((b) => b !== undefined);
    expect(first).toBeGreaterThan(0);
    expect(beats.slice(first).every((b) => b !== undefined)).toBe(true);
    const seen = [...new Set(beats.filter((b) => b !== undefined))];
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    // Every slide from the first step on shows exactly one marker, its own step's.
    talk.deck.slides.forEach((_, i) => {
      if (i < first) return;
      const marks = renderSlide(talk, i, talk.deck.slides[i]?.steps ?? 0).querySelectorAll('.beat');
      expect(marks.length, `slide ${i + 1}`).toBe(1);
      expect(marks[0]?.getAttribute('data-beat')).toBe(String(beats[i]));
    });
  });

  it('refers back to the journey on the closing slides', () => {
    const t = titles(talk);
    const closing = t.indexOf('the elixir');
    const refs = talk.deck.slides
      .slice(closing)
      .flatMap((_, k) => [...renderSlide(talk, closing + k, 99).querySelectorAll('.beat-ref')]);
    expect(refs.length).toBeGreaterThanOrEqual(3);
  });

  it('lists its guided steps and questions in the order a reader meets them', () => {
    const inOrder = (tag: string) =>
      [...source.matchAll(new RegExp(`<${tag} id="([^"]+)"`, 'g'))].map((m) => m[1]);
    expect(talk.read.guides).toEqual(inOrder('Guide'));
    expect(talk.read.questions).toEqual(inOrder('Predict'));
    // Every one is in the tutorial's library (else the page says there is no such step).
    expect(talk.read.guides.filter((id) => !guideById(id))).toEqual([]);
    expect(talk.read.questions.filter((id) => !predictionById(id))).toEqual([]);
    // The talk does not meet them in the library's order: numbering by the library was wrong.
    expect(talk.read.questions).not.toEqual(PREDICTIONS.map((p) => p.id));
  });

  it('gives every slide speaker notes', () => {
    expect(talk.deck.slides.filter((s) => s.notes === 0).map((s) => s.label)).toEqual([]);
  });
});

describe('the site address on the closing slide', () => {
  it('comes from the deck setting, else the build, and its QR code is drawn at build time', async () => {
    expect(siteUrl('theme: Poster, 1\nsite: https://talk.example/x\n\n# A')).toBe(
      'https://talk.example/x',
    );
    expect(siteUrl('theme: Poster, 1\n\n# A', 'https://build.example/')).toBe(
      'https://build.example/',
    );
    expect(siteUrl('# A\nsite: no', undefined)).toBeUndefined();
    const talk = await compileTalk(
      source.replace('theme: Poster, 1', 'theme: Poster, 1\nsite: https://talk.example/x'),
    );
    expect(talk.read.site).toBe('https://talk.example/x');
    const last = renderSlide(talk, talk.deck.slides.length - 1, 0);
    const address = last.querySelector('[data-site-url]');
    expect(address?.getAttribute('data-site-url')).toBe('https://talk.example/x');
    expect(address?.querySelector('svg path')?.getAttribute('d')).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
  });
});

describe('reader text', () => {
  it('never shows on a slide or in the notes, only in the reading part', async () => {
    const talk = await compileTalk(
      '# One\n\n<Read title="First">\n\nFor the reader.\n\n</Read>\n\n^ For the speaker.\n\n---\n\n# Two',
    );
    const text = (part: SlidePart) => renderSlide(talk, 0, 0, part).textContent ?? '';
    expect(text('body')).not.toContain('For the reader');
    expect(text('notes')).not.toContain('For the reader');
    expect(text('notes')).toContain('For the speaker');
    expect(text('read')).toContain('For the reader');
    expect(text('read')).not.toContain('For the speaker');
    expect(talk.read.slides).toEqual([{ read: true, title: 'First' }, { read: false }]);
  });

  it('says clearly when it is misplaced', async () => {
    await expect(
      compileTalk('# One\n\n<Step>\n\n<Read>\n\nx\n\n</Read>\n\n</Step>'),
    ).rejects.toThrow(/Slide 1: <Read> must stand on its own/);
    await expect(compileTalk('# One\n\n<Beat n={13} />')).rejects.toThrow(/<Beat n>/);
  });
});
