import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { subsetColorFont } from './colorFontSubset.ts';
import { COLR_PRUNE_VERSION } from './colrPrune.ts';

/**
 * The bundled emoji font (app/app.css's 'Deck Emoji'), cut down at build time to the emoji the
 * site's own sources use: Noto Color Emoji is 5.8 MB, the talk draws about ten emoji. The subset
 * is made offline with HarfBuzz in WebAssembly (colorFontSubset.ts), keeps the joined sequences
 * (👨‍💻) whose parts are all in it, and is cached under node_modules/.cache/ by font and emoji set.
 * `vite build` only: the dev server serves the whole font, so an emoji added while writing shows.
 */
export const EMOJI_FONT =
  '@fontsource/noto-color-emoji/files/noto-color-emoji-emoji-400-normal.woff2';

/** Where the site's text lives: every emoji a visitor can see is written in one of these. */
const SOURCE_DIRS = ['slides', 'app', 'sandbox', 'exercises'];
const SOURCE_FILE = /\.(mdx?|tsx?|css|html)$/;
const IGNORED = /(^|\/)(node_modules|dist)(\/|$)|\.test\.tsx?$/;

/** The code points app.css routes to the emoji font (its unicode-range), and the joiners. */
export function isEmojiFontChar(cp: number): boolean {
  return (
    cp === 0x200d ||
    cp === 0x2640 ||
    cp === 0x2642 ||
    cp === 0xfe0f ||
    (cp >= 0x1f000 && cp <= 0x1faff)
  );
}

/** The characters of `text` that the emoji font draws, each once, in code point order. */
export function emojiCharsOf(text: string): string {
  const found = new Set<number>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isEmojiFontChar(cp)) found.add(cp);
  }
  return String.fromCodePoint(...[...found].sort((a, b) => a - b));
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (IGNORED.test(path)) return [];
    if (e.isDirectory()) return sourceFiles(path);
    return SOURCE_FILE.test(e.name) ? [path] : [];
  });
}

/** Every emoji-font character the site's sources contain. */
export function siteEmoji(root: string): string {
  const text = SOURCE_DIRS.flatMap((d) => sourceFiles(join(root, d)))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  return emojiCharsOf(text);
}

/** Makes (or reuses) the subset for `chars`; returns its path. */
export async function subsetEmojiFont(root: string, chars: string): Promise<string> {
  const require = createRequire(join(root, 'package.json'));
  const fontPath = require.resolve(EMOJI_FONT);
  const font = readFileSync(fontPath);
  // The pruner's version is in the key: a subset cached by an older pruner is made again.
  const key = createHash('sha256')
    .update(font)
    .update(chars)
    .update(`colr-prune-${COLR_PRUNE_VERSION}`)
    .digest('hex')
    .slice(0, 12);
  const dir = join(root, 'node_modules', '.cache', 'emoji-subset');
  const out = join(dir, `deck-emoji-${key}.woff2`);
  if (existsSync(out)) return out;
  const { default: fontverter } = await import('fontverter');
  const truetype = await fontverter.convert(font, 'truetype');
  const subset = await fontverter.convert(
    Buffer.from(await subsetColorFont(truetype, chars)),
    'woff2',
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(out, subset);
  return out;
}

/** The emoji a build draws: the site's, and those of the talk it presents instead, if any. */
export function buildEmoji(root: string, talk?: string): string {
  const path = talk ? resolve(root, talk) : undefined;
  const talkText = path && existsSync(path) ? readFileSync(path, 'utf8') : '';
  return emojiCharsOf(siteEmoji(root) + talkText);
}

/**
 * `talk`: another talk file the build presents (TALK=path): its emoji join the site's, so a talk
 * from elsewhere draws its own emoji from the bundled font too.
 */
export function emojiSubset(options: { talk?: string } = {}): Plugin {
  return {
    name: 'emoji-subset',
    apply: 'build',
    async config(config) {
      const root = resolve(config.root ?? process.cwd());
      const chars = buildEmoji(root, options.talk);
      const subset = await subsetEmojiFont(root, chars);
      // app.css names the font by its package path; the build gets the subset instead.
      return { resolve: { alias: [{ find: EMOJI_FONT, replacement: subset }] } };
    },
  };
}
