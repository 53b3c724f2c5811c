import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Writes public/favicon.svg into each page as a data: URL. The sandbox records its scene in the
 * URL (history.replaceState, twice a second while requests stream), and Chromium fetches the
 * icon again after each change: 18 requests in 10 s of streaming, each a resource-timing entry.
 * A data: icon is never fetched.
 */
export function inlineFavicon(): Plugin {
  let root = process.cwd();
  return {
    name: 'inline-favicon',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml(html) {
      const svg = readFileSync(join(root, 'public', 'favicon.svg'), 'utf8').trim();
      return html.replace(
        /(<link rel="icon" type="image\/svg\+xml" href=")\/favicon\.svg(")/,
        (_, before: string, after: string) =>
          `${before}data:image/svg+xml,${encodeURIComponent(svg)}${after}`,
      );
    },
  };
}
