import { describe, expect, it } from 'vitest';
import { shellCss, withShells } from './prerenderPlugin.ts';
import { SHELL_ROUTES } from './shellRoutes.ts';

describe('shells in index.html', () => {
  it('hides every shell but the one <html data-shell> names', () => {
    const css = shellCss(SHELL_ROUTES);
    expect(css).toContain('#root > [data-shell] { display: none; }');
    for (const { name } of SHELL_ROUTES)
      expect(css).toContain(
        `html[data-shell='${name}'] #root > [data-shell='${name}'] { display: contents; }`,
      );
  });

  it('puts each shell, inert, into the empty #root', () => {
    const html = withShells('<body><div id="root"></div></body>', {
      deck: { html: '<h1>Tracing</h1>', media: {} },
      read: { html: '<h1>Tracing in Elixir</h1>', media: { '(min-width: 1100px)': true } },
    });
    expect(html).toBe(
      '<body><div id="root"><div data-shell="deck" data-media="{}" inert><h1>Tracing</h1></div>' +
        '<div data-shell="read" data-media="{&quot;(min-width: 1100px)&quot;:true}" inert>' +
        '<h1>Tracing in Elixir</h1></div></div></body>',
    );
  });

  it('refuses a page without an empty #root, and a shell with inline code', () => {
    expect(() =>
      withShells('<div id="app"></div>', { deck: { html: '<h1>x</h1>', media: {} } }),
    ).toThrow(/#root|root/);
    expect(() =>
      withShells('<div id="root"></div>', {
        deck: { html: '<script>alert(1)</script>', media: {} },
      }),
    ).toThrow(/deck shell has inline code/);
  });
});
