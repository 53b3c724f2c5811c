import { describe, expect, it } from 'vitest';
import { inlineFavicon } from './inlineFavicon.ts';

describe('inlineFavicon', () => {
  it('puts the icon into the page, so a changing URL never fetches it again', () => {
    const plugin = inlineFavicon();
    const html = '<head><link rel="icon" type="image/svg+xml" href="/favicon.svg" /></head>';
    const out = (plugin.transformIndexHtml as (html: string) => string)(html);
    const href = /href="([^"]+)"/.exec(out)?.[1] ?? '';
    expect(href).toMatch(/^data:image\/svg\+xml,%3Csvg/);
    expect(decodeURIComponent(href.slice(href.indexOf(',') + 1))).toContain('viewBox="0 0 32 32"');
  });
});
