import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import type { DeckMeta } from '../deckMeta.ts';
import { transformDeck } from '../remarkDeck.ts';
import { readLineSpec, readTextStyle } from './deckCommands.ts';
import { imageForm } from './deckImages.ts';
import { prepareMarkdown } from './prepareMarkdown.ts';
import { compileTalk } from './vitePlugin.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'deckset');
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.md'));

/** Compiles Deckset markdown as the dev server does and returns what remarkDeck learned. */
async function metaOf(source: string, path = join(FIXTURES, 'test.md')) {
  let meta: DeckMeta | undefined;
  const warnings: string[] = [];
  await compile(
    { value: prepareMarkdown(source), path },
    {
      format: 'md',
      remarkPlugins: [
        remarkGfm,
        () => (tree: Root) => {
          meta = transformDeck(
            tree,
            (r) => {
              throw new Error(r);
            },
            { path, source: prepareMarkdown(source), warn: (w) => warnings.push(w) },
          );
        },
      ],
    },
  );
  if (!meta) throw new Error('remarkDeck did not run');
  return { meta, warnings };
}

describe('Deckset fixtures', () => {
  it.each(fixtures)('%s compiles unchanged', async (name) => {
    const path = join(FIXTURES, name);
    const out = await compileTalk(readFileSync(path, 'utf8'), path);
    expect(String(out.value)).toContain('export const deckMeta');
  });

  it('the seed talk compiles as it is, its missing pictures as warnings', async () => {
    const path = join(FIXTURES, '..', 'deckset-seed.md');
    const out = await compileTalk(readFileSync(path, 'utf8'), path);
    const reasons = out.messages.map((m) => m.reason);
    expect(reasons).toContain(
      'Missing image "images/hit-a-wall.gif": the slide shows a placeholder in its place.',
    );
    expect(String(out.value)).toContain('missing: "images/hit-a-wall.gif"');
    // A talk kept outside the project (TALK=../my-talk/talk.md) has no node_modules beside it:
    // the compiled talk imports only the project's own files, never a package by name.
    const imports = [...String(out.value).matchAll(/^import .* from "([^"]+)"/gm)].map((m) => m[1]);
    expect(imports).toContain('/slides/deck/jsx/jsx-runtime');
    expect(imports.filter((from) => !from?.startsWith('/'))).toEqual([]);
  });

  it('highlights code at build time, with a class per token and a number per line', async () => {
    const path = join(FIXTURES, 'code.md');
    const js = String((await compileTalk(readFileSync(path, 'utf8'), path)).value);
    expect(js).toMatch(/className: "tk-keyword",\s*children: "defmodule"/);
    expect(js).toContain('"data-line": "36"');
    expect(js).toContain('"data-lang": "typescript"');
    expect(js).toContain('"data-lang": "yaml"');
    // The talk's `code-language: Elixir` colours a block that names no language.
    expect(js).toMatch(/"data-lang": "elixir"[^]*iex/);
  });
});

describe('Deckset settings and commands', () => {
  it('reads the settings block, keeps it off slide 1 and keeps markdown in the footer', async () => {
    const { meta } = await metaOf(
      'theme: Poster, 1\nfooter: **Me**, [site](https://x.example)\n\nslidenumbers: true\n\n# One',
    );
    expect(meta.config).toEqual({
      theme: 'Poster, 1',
      footer: '**Me**, [site](https://x.example)',
      slidenumbers: 'true',
    });
    expect(meta.slides[0]?.title).toBe('One');
  });

  it('names a slide by its [fit] title lines together', async () => {
    const { meta } = await metaOf('# [fit] Distributed\n# [fit] tracing\n\n## More');
    expect(meta.slides[0]?.title).toBe('Distributed tracing');
  });

  it('leaves a first paragraph that only looks like settings as text', async () => {
    const { meta } = await metaOf('Note: this is a talk\n\n# One');
    expect(meta.config).toEqual({});
    expect(meta.slides[0]?.title).toBe('One');
  });

  it('global build-lists builds every list but one that says false', async () => {
    const { meta } = await metaOf(
      'build-lists: true\n\n- a\n- b\n  - nested\n\n---\n\n[.build-lists: false]\n\n- c\n- d',
    );
    expect(meta.slides.map((s) => s.steps)).toEqual([2, 0]);
  });

  it('splits at slide-dividers headings', async () => {
    const { meta } = await metaOf('slide-dividers: #, ##\n\n# A\n\ntext\n\n## B\n\n### c\n\n# D');
    expect(meta.slides.map((s) => s.title)).toEqual(['A', 'B', 'D']);
  });

  it('numbers code-highlight steps after the first', async () => {
    const { meta } = await metaOf(
      '[.code-highlight: 1]\n[.code-highlight: 2-3]\n[.code-highlight: all]\n\n```js\na\nb\nc\n```',
    );
    expect(meta.slides[0]?.steps).toBe(2);
  });

  it('reports an unknown command once, with the slides that used it', async () => {
    const { warnings } = await metaOf('[.sparkles: true]\n\n# A\n\n---\n\n[.sparkles]\n\n# B');
    expect(warnings).toEqual(['Command [.sparkles] is unknown and was left out (slide 1, 2).']);
  });

  it('reads a Deckset setting it leaves out as a setting, and says so', async () => {
    const { meta, warnings } = await metaOf('theme: Poster\nslide-transition: true\n\n# A');
    expect(meta.config).toEqual({ theme: 'Poster' });
    expect(warnings).toEqual(['Setting "slide-transition" is not supported and was left out.']);
  });

  it('reads line specs and text styles', () => {
    expect(readLineSpec('2, 4-6')).toEqual([2, 4, 5, 6]);
    expect(readLineSpec('all')).toBe('all');
    expect(readLineSpec('none')).toBe('none');
    expect(readLineSpec('oops')).toBe('all');
    expect(readTextStyle('#FF0000, alignment(left), text-scale(1.5), Avenir Next')).toEqual({
      color: '#FF0000',
      align: 'left',
      scale: 1.5,
      font: 'Avenir Next',
    });
    expect(readTextStyle('white, bullet-character(→)')).toEqual({ color: 'white', bullet: '→' });
  });
});

describe('Deckset images', () => {
  it('reads placement words, with spaces or commas', () => {
    expect(imageForm('right, fit', 'background')).toEqual({
      place: 'right',
      size: 'fit',
      filter: undefined,
      alt: '',
    });
    expect(imageForm('inline 50% A chart', 'background')).toMatchObject({
      place: 'inline',
      size: '50%',
      alt: 'A chart',
    });
    expect(imageForm('original', 'background')).toMatchObject({
      place: 'background',
      filter: 'original',
    });
    expect(imageForm('fit', 'flow')).toMatchObject({ place: 'flow', size: 'fit' });
  });

  it('wraps image paths with spaces so CommonMark reads them, outside code only', () => {
    expect(prepareMarkdown('![left](images/my photo.png)')).toBe('![left](<images/my photo.png>)');
    expect(prepareMarkdown('![](a.png "A title")')).toBe('![](a.png "A title")');
    expect(prepareMarkdown('```\n![](a b.png)\n```')).toBe('```\n![](a b.png)\n```');
  });

  it('imports pictures named with %20 or spaces, and names the missing ones', async () => {
    const path = join(FIXTURES, 'images.md');
    const js = String((await compileTalk(readFileSync(path, 'utf8'), path)).value);
    // One import per file, whether the talk wrote `trace view.svg` or `trace%20view.svg`.
    expect(js.match(/from "\.\/images\/trace view\.svg"/g)).toHaveLength(1);
    expect(js).not.toContain('%20');
    expect(js).toContain('missing: "images/not-there.png"');
  });

  it('names picture-only slides by their picture', async () => {
    const { meta } = await metaOf(
      '![filtered](images/mountain.svg)\n\n---\n\n![left](images/otter.svg)',
    );
    expect(meta.slides.map((s) => s.label)).toEqual(['Mountain', 'Otter']);
  });
});

describe('Deckset text', () => {
  it('renders footnotes on the slide that references them and strikethrough', async () => {
    const path = join(FIXTURES, 'basics.md');
    const js = String((await compileTalk(readFileSync(path, 'utf8'), path)).value);
    expect(js).toContain('"deck-footnotes"');
    expect(js).toContain('W3C Trace Context, 2021.');
    expect(js).toContain('_components.del');
    expect(js).toContain('_components.br');
    expect(js).not.toContain('[fit]');
    expect(js).not.toMatch(/children: "[^"]*(build-lists|theme: Poster)/);
  });
});
