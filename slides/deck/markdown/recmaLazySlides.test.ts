import { run } from '@mdx-js/mdx';
import { createElement, type ComponentType } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Notes, Slide, SlideBody } from '../SlideParts.tsx';
import { SlideContext, type SlideRenderContext } from '../slideContext.ts';
import { compileTalk } from './vitePlugin.ts';

const TALK = [
  '# One',
  '',
  'first slide',
  '',
  '---',
  '',
  '# Two',
  '',
  '- a',
  '- b',
  '- c',
  '',
  '^ a note',
].join('\n');

/** Compiles a talk and counts the JSX elements one render of one slide builds. */
async function renderSlide(index: number) {
  const compiled = await compileTalk(TALK, 'talk.md', { outputFormat: 'function-body' });
  let built = 0;
  const counting = {
    ...runtime,
    jsx: (...args: Parameters<typeof runtime.jsx>) => (built++, runtime.jsx(...args)),
    jsxs: (...args: Parameters<typeof runtime.jsxs>) => (built++, runtime.jsxs(...args)),
  };
  const { default: Content } = (await run(String(compiled.value), {
    ...counting,
    baseUrl: import.meta.url,
  })) as { default: ComponentType<{ components: object }> };
  const ctx: SlideRenderContext = { index, step: 0, part: 'body', preview: false, scenes: [] };
  const html = renderToStaticMarkup(
    createElement(
      SlideContext.Provider,
      { value: ctx },
      createElement(Content, { components: { Slide, SlideBody, Notes } }),
    ),
  );
  return { html, built };
}

describe('recmaLazySlides', () => {
  it('renders the asked slide, and only it', async () => {
    const first = await renderSlide(0);
    expect(first.html).toContain('<h1>One</h1>');
    expect(first.html).not.toContain('Two');
    const second = await renderSlide(1);
    expect(second.html).toContain('<h1>Two</h1>');
    expect(second.html).toContain('<li>c</li>');
    expect(second.html).not.toContain('One');
  });

  it('builds no element of a slide that does not show', async () => {
    // Asked for a slide the talk does not have, the talk builds its frame alone: the fragment
    // around it and one <Slide> per slide. Eager children would build every heading and item.
    expect((await renderSlide(99)).built).toBe(3);
    const first = await renderSlide(0);
    const second = await renderSlide(1);
    // Each slide builds its own parts only: slide 2 (heading, list of three, note) has more.
    expect(second.built).toBeGreaterThan(first.built);
  });
});
