import { readFileSync } from 'node:fs';
import { compile, evaluate } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { createElement, type ComponentType } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DeckMeta } from './deckMeta.ts';
import { transformDeck } from './remarkDeck.ts';
import { Notes, Slide, SlideBody } from './SlideParts.tsx';
import { SlideContext } from './slideContext.ts';
import { Step } from '../components/Step.tsx';
import { Scene } from '../components/Scene.tsx';

/** Compiles MDX through remarkDeck and returns what it learned. */
async function metaOf(source: string): Promise<DeckMeta> {
  let meta: DeckMeta | undefined;
  await compile(source, {
    remarkPlugins: [
      () => (tree: Root) => {
        meta = transformDeck(tree, (reason) => {
          throw new Error(reason);
        });
      },
    ],
  });
  if (!meta) throw new Error('remarkDeck did not run');
  return meta;
}

/** Renders slide `index` (or its notes) of an MDX deck to HTML. */
async function render(source: string, index: number, part: 'body' | 'notes' = 'body', step = 0) {
  const { remarkDeck } = await import('./remarkDeck.ts');
  const mod = await evaluate(source, { ...runtime, remarkPlugins: [remarkDeck] });
  const Content = mod.default as ComponentType<{ components: object }>;
  return renderToStaticMarkup(
    createElement(
      SlideContext.Provider,
      { value: { index, step, part, preview: true, scenes: [] } },
      createElement(Content, { components: { Slide, SlideBody, Notes, Step, Scene } }),
    ),
  );
}

const seed = readFileSync(new URL('./fixtures/deckset-seed.md', import.meta.url), 'utf8');
const talk = readFileSync(new URL('../talk.mdx', import.meta.url), 'utf8');

const normalise = (s: string) =>
  s
    .replace(/\u200d|\ufe0f/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

describe('remarkDeck: splitting', () => {
  it('splits at top-level --- and keeps the order', async () => {
    const meta = await metaOf('# One\n\n---\n\n## Two\n\n---\n\nthree');
    expect(meta.slides.map((s) => s.title)).toEqual(['One', 'Two', 'three']);
  });

  it('ports the Deckset seed unchanged: 41 slides, 26 note blocks', async () => {
    const meta = await metaOf(seed);
    expect(meta.slides).toHaveLength(41);
    expect(meta.slides.reduce((n, s) => n + s.notes, 0)).toBe(26);
    expect(meta.config).toEqual({ theme: 'Poster, 1' });
    expect(meta.slides[1]?.autoscale).toBe(true);
  });

  it("names the talk: the title setting, else the first slide's headings, else its label", async () => {
    expect((await metaOf(seed)).title).toBe('Tracing In Elixir');
    expect((await metaOf('title: My talk\ntheme: Poster\n\n# Hello\n\n---\n\n# Two')).title).toBe(
      'My talk',
    );
    expect(
      (await metaOf('# Distributed\n# tracing\n\n^ notes are not a title\n\n---\n\n# B')).title,
    ).toBe('Distributed tracing');
    expect((await metaOf('Just words on the first slide\n\n---\n\n# B')).title).toBe(
      'Just words on the first slide',
    );
  });

  it('renders only the slide asked for', async () => {
    const html = await render('# One\n\n---\n\n# Two', 1);
    expect(html).toContain('Two');
    expect(html).not.toContain('One');
  });

  it('reads deck commands at the top and slide commands anywhere', async () => {
    const meta = await metaOf(
      'theme: Poster, 1\n\n# A\n\n---\n\n[.autoscale: true]\n[.build-lists: true]\n\n- x\n- y',
    );
    expect(meta.config.theme).toBe('Poster, 1');
    expect(meta.slides[1]).toMatchObject({ autoscale: true, steps: 2 });
    expect(meta.slides[1]?.directives).toMatchObject({ 'build-lists': 'true' });
  });
});

describe('remarkDeck: speaker notes', () => {
  it('takes Deckset ^ paragraphs, on the same line or after a lone ^', async () => {
    const src = '# A\n\n^ first note\n\n^\nsecond note\n\n---\n\n# B\n\n^\n\n1. listed\n2. note';
    const meta = await metaOf(src);
    expect(meta.slides.map((s) => s.notes)).toEqual([2, 1]);
    const body = await render(src, 0);
    expect(body).toContain('A');
    expect(body).not.toContain('note');
    const notes = await render(src, 0, 'notes');
    expect(notes).toContain('first note');
    expect(notes).toContain('second note');
    expect(notes).not.toContain('^');
    expect(await render(src, 1, 'notes')).toContain('<li>listed</li>');
  });

  it('takes <Notes> elements', async () => {
    const src = '# A\n\n<Notes>\n\nsay **this**\n\n</Notes>\n\n---\n\n# B';
    const meta = await metaOf(src);
    expect(meta.slides.map((s) => s.notes)).toEqual([1, 0]);
    expect(await render(src, 0)).not.toContain('say');
    expect(await render(src, 0, 'notes')).toContain('say <strong>this</strong>');
  });
});

describe('remarkDeck: builds, scenes, images, quotes', () => {
  it('numbers <Step> builds and shows them as the slide reaches them', async () => {
    const src = '# A\n\n<Step>\n\none\n\n</Step>\n\n<Step>\n\ntwo\n\n</Step>';
    expect((await metaOf(src)).slides[0]?.steps).toBe(2);
    const at1 = await render(src, 0, 'body', 1);
    expect(at1).toMatch(/data-at="1" data-shown="true"/);
    expect(at1).toMatch(/data-at="2" data-shown="false"/);
  });

  it('reads <Scene> markers with the build they belong to', async () => {
    const src =
      '<Scene mode="process" requests={1} />\n\n<Step>\n\n<Scene mode="metadata" faults={["no-event-metadata"]} />\n\n</Step>';
    const meta = await metaOf(src);
    expect(meta.slides[0]?.scenes).toEqual([
      { step: 0, mode: 'process', requests: 1 },
      { step: 1, mode: 'metadata', faults: ['no-event-metadata'] },
    ]);
  });

  it('refuses a scene mode it does not know', async () => {
    await expect(metaOf('<Scene mode="psychic" />')).rejects.toThrow(
      /Slide 1: <Scene mode> must be one of/,
    );
  });

  it('marks slides with a live scene, for preloading', async () => {
    const meta = await metaOf('# A\n\n---\n\n<LiveScene mode="metadata" />');
    expect(meta.slides.map((s) => s.live)).toEqual([false, true]);
  });

  it('maps Deckset image sizes to DeckImage props and imports relative images', async () => {
    const out = String(
      await compile(
        '![fit](images/otter.svg)\n\n---\n\n![60%](./x.svg)\n\n---\n\n![left](https://e.example/a.png)',
        {
          remarkPlugins: [(await import('./remarkDeck.ts')).remarkDeck],
        },
      ),
    );
    expect(out).toContain('import __deckImage0 from "./images/otter.svg"');
    expect(out).toContain('import __deckImage1 from "./x.svg"');
    expect(out).toMatch(/size: "fit"/);
    expect(out).toMatch(/size: "60%"/);
    expect(out).toMatch(/place: "left"/);
  });

  it('turns a Deckset quote author line into the quote footer', async () => {
    const html = await render('> We need more diagnostics!\n-- Pretty much everybody', 0);
    expect(html).toContain('<footer class="quote-author">— Pretty much everybody</footer>');
    expect(html).toContain('<p>We need more diagnostics!</p>');
  });
});

describe('the talk', () => {
  it('has every seed slide, in order, and finishes the journey after them', async () => {
    const [seedMeta, talkMeta] = await Promise.all([metaOf(seed), metaOf(talk)]);
    const talkTitles = talkMeta.slides.map((s) => normalise(s.title));
    let from = 0;
    for (const s of seedMeta.slides) {
      if (!s.title) continue; // picture-only slides: their pictures are ours now
      const at = talkTitles.indexOf(normalise(s.title), from);
      expect(at, `seed slide "${s.title}"`).toBeGreaterThanOrEqual(from);
      from = at + 1;
    }
    expect(talkMeta.slides.length).toBeGreaterThan(seedMeta.slides.length);
    expect(talkMeta.slides.reduce((n, s) => n + s.notes, 0)).toBeGreaterThanOrEqual(26);
    expect(talkTitles).toEqual(expect.arrayContaining(['options?', 'the elixir', 'since then']));
    // Slides without text still get a name for the contents and screen readers.
    expect(talkMeta.slides.filter((s) => s.label === '' || s.label === 'Picture')).toEqual([]);
    expect(talkMeta.slides.map((s) => s.label)).toEqual(
      expect.arrayContaining([
        'Search results',
        'Live trace, global mode',
        'Span management (start, finish, decorate)',
        'defmodule Stuff do',
      ]),
    );
  });

  it('replaces every seed image with our own picture or a live scene', () => {
    expect(talk).not.toMatch(/\.(png|gif|jpe?g)\)/);
    expect(talk.match(/<LiveScene /g)?.length).toBeGreaterThanOrEqual(4);
  });
});
