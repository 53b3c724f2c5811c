import { readFileSync } from 'node:fs';
import { run } from '@mdx-js/mdx';
import { createElement, type ComponentType } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Read } from '../../components/Read.tsx';
import { Notes, Slide, SlideBody } from '../SlideParts.tsx';
import { SlideContext, type SlidePart } from '../slideContext.ts';
import { compileTalk } from './vitePlugin.ts';

const TALK = [
  '# One',
  '',
  'on the slide',
  '',
  '<Read title="First">',
  '',
  'for the reader alone',
  '',
  '</Read>',
  '',
  '^ for the speaker alone',
].join('\n');

/** One slide's part, rendered from the whole talk or from its audience part. */
async function render(part: SlidePart, slidesOnly: boolean) {
  const compiled = await compileTalk(TALK, 'talk.mdx', {
    outputFormat: 'function-body',
    slidesOnly,
  });
  const { default: Content } = (await run(String(compiled.value), {
    ...runtime,
    baseUrl: import.meta.url,
  })) as { default: ComponentType<{ components: object }> };
  return renderToStaticMarkup(
    createElement(
      SlideContext.Provider,
      { value: { index: 0, step: 0, part, preview: false, scenes: [] } },
      createElement(Content, { components: { Slide, SlideBody, Notes, Read } }),
    ),
  );
}

describe('remarkSlidesOnly', () => {
  it('renders the same slide, without its notes and reader text', async () => {
    const body = await render('body', true);
    expect(body).toContain('on the slide');
    expect(body).toBe(await render('body', false));
    expect(await render('notes', false)).toContain('for the speaker alone');
    expect(await render('read', false)).toContain('for the reader alone');
    expect(await render('notes', true)).toBe('');
    expect(await render('read', true)).toBe('');
  });

  it('leaves the project talk’s notes and reader text out of the first slide’s code, and its meta as it is', async () => {
    const path = new URL('../../talk.mdx', import.meta.url);
    const source = readFileSync(path, 'utf8');
    const whole = String((await compileTalk(source, path.pathname)).value);
    const slides = String((await compileTalk(source, path.pathname, { slidesOnly: true })).value);
    for (const phrase of ['Alexander picks the first option', 'Point at the docked scene']) {
      expect(whole).toContain(phrase);
      expect(slides).not.toContain(phrase);
    }
    const meta = (code: string) => code.match(/export const deckMeta = .*/)?.[0];
    expect(meta(slides)).toBeDefined();
    expect(meta(slides)).toBe(meta(whole));
    expect(slides.length).toBeLessThan(whole.length * 0.7);
  });
});
