/**
 * The peer deck: the seed talk in Spectacle, installed on demand into
 * node_modules/.cache/deck-peer/ (outside git and outside the project's dependencies) and built
 * with the project's Vite into a static site.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { parseDeckset, toSpectacleMarkdown } from './convertDeckset.ts';

/** Exact versions: Spectacle 10's own dependencies (kbar, react-spring 9) accept React 18 only. */
export const PEER_PACKAGES = {
  spectacle: '10.2.3',
  react: '18.3.1',
  'react-dom': '18.3.1',
} as const;

export const PEER_NAME = `Spectacle ${PEER_PACKAGES.spectacle} (React ${PEER_PACKAGES.react})`;

/** Under node_modules/: outside git, and skipped by ESLint, Prettier and tsc like all dependencies. */
export const CACHE_ROOT = resolve('node_modules/.cache/deck-peer');

const CACHE_DIR = join(CACHE_ROOT, `spectacle-${PEER_PACKAGES.spectacle}`);

function installedVersion(name: string): string | undefined {
  const file = join(CACHE_DIR, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Installs Spectacle and its React into the cache folder the first time; later runs reuse it. */
export function ensurePeerInstalled(log: (line: string) => void): string {
  const missing = Object.entries(PEER_PACKAGES).filter(([n, v]) => installedVersion(n) !== v);
  if (missing.length === 0) return CACHE_DIR;
  mkdirSync(CACHE_DIR, { recursive: true });
  if (!existsSync(join(CACHE_DIR, 'package.json')))
    writeFileSync(join(CACHE_DIR, 'package.json'), '{ "private": true }\n');
  const specs = Object.entries(PEER_PACKAGES).map(([n, v]) => `${n}@${v}`);
  log(`Installing ${specs.join(' ')} into ${CACHE_DIR} (first run only)…`);
  // --legacy-peer-deps: react-spring 9's umbrella package lists react-native, three, konva and
  // zdog as peers; npm 7+ would install all of them (258 MB). The deck uses only @react-spring/web.
  execFileSync(
    'npm',
    ['install', '--prefix', CACHE_DIR, '--no-audit', '--no-fund', '--legacy-peer-deps', ...specs],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  for (const [n, v] of Object.entries(PEER_PACKAGES))
    if (installedVersion(n) !== v)
      throw new Error(`npm install left ${n}@${installedVersion(n) ?? 'nothing'}, not ${v}`);
  return CACHE_DIR;
}

const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Tracing in Elixir (Spectacle peer)</title>
    <style>html, body, #root { margin: 0; height: 100%; }</style>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`;

// Plain createElement: no JSX transform needed. Spectacle's documented markdown path:
// <Deck template={<DefaultTemplate />}><MarkdownSlideSet>{markdown}</MarkdownSlideSet></Deck>.
const MAIN_JS = `import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { Deck, DefaultTemplate, MarkdownSlideSet } from 'spectacle';
import talk from './talk.js';

createRoot(document.getElementById('root')).render(
  h(Deck, { template: h(DefaultTemplate) }, h(MarkdownSlideSet, null, talk)),
);
`;

/**
 * Converts the Deckset seed into Spectacle markdown, writes a tiny Vite app next to the installed
 * packages and builds it. Returns the folder with the static site and the slide count converted.
 */
export async function buildPeerDeck(
  seedPath: string,
  log: (line: string) => void,
): Promise<{ distDir: string; slides: number }> {
  const root = ensurePeerInstalled(log);
  const slides = parseDeckset(readFileSync(seedPath, 'utf8'));
  const appDir = join(root, 'app');
  mkdirSync(appDir, { recursive: true });
  writeFileSync(join(appDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(appDir, 'main.js'), MAIN_JS);
  writeFileSync(
    join(appDir, 'talk.js'),
    `export default ${JSON.stringify(toSpectacleMarkdown(slides))};\n`,
  );
  const distDir = join(root, 'dist');
  await build({
    root: appDir,
    configFile: false,
    logLevel: 'warn',
    base: './',
    mode: 'production',
    resolve: { dedupe: ['react', 'react-dom'] },
    build: {
      outDir: distDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 10_000,
      rollupOptions: {
        // Radix (kbar's) "use client" directives: meaningless in a client-only bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  });
  return { distDir, slides: slides.length };
}
