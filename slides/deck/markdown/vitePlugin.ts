/**
 * The Vite plugin that compiles talks. `.md` is Deckset markdown (CommonMark + GFM + Deckset's
 * commands; raw HTML and comments allowed), `.mdx` is MDX with the deck's components (live
 * scenes). Both go through remarkDeck and build-time highlighting. `talk` (from `TALK=path` or
 * `npm run dev -- --talk path`) replaces the project's talk with another file.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compile, nodeTypes } from '@mdx-js/mdx';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import type { Plugin } from 'vite';
import { remarkDeck } from '../remarkDeck.ts';
import { remarkRead } from '../../read/remarkRead.ts';
import { recmaLazySlides } from './recmaLazySlides.ts';
import { prepareMarkdown } from './prepareMarkdown.ts';
import { rehypeDeckCode, warmHighlighter } from './rehypeDeckCode.ts';

const TALK_FILE = /\.(mdx|md|markdown)$/i;

export function deckTalk(options: { talk?: string; root?: string } = {}): Plugin {
  const root = options.root ?? process.cwd();
  const talk = options.talk ? resolve(root, options.talk) : undefined;
  if (talk && (!existsSync(talk) || !TALK_FILE.test(talk))) {
    throw new Error(
      `The talk "${options.talk}" ${existsSync(talk) ? 'is not a .md or .mdx file' : 'does not exist'} (resolved to ${talk}).`,
    );
  }
  let dev = false;
  return {
    name: 'deck-talk',
    enforce: 'pre',
    config(_config, env) {
      // The build's prerender (app/prerender) serves in production mode: React's production
      // runtime has no jsxDEV.
      dev = env.command === 'serve' && env.mode !== 'production';
    },
    buildStart() {
      warmHighlighter();
    },
    resolveId(source, importer) {
      // slides/talk.ts imports './talk.mdx': the one place a different talk plugs in.
      if (talk && source === './talk.mdx' && importer && /slides[/\\]talk\.ts$/.test(importer)) {
        return talk;
      }
      return undefined;
    },
    async transform(value, id) {
      const [path = id, query = ''] = id.split('?');
      if (!TALK_FILE.test(path) || /(^|&)(raw|url|inline)\b/.test(query)) return undefined;
      const compiled = await compileTalk(value, path, { development: dev });
      for (const m of compiled.messages) this.warn(`${relative(root, path)}: ${m.reason}`);
      return { code: String(compiled.value), map: null };
    },
  };
}

/** Compiles one talk file's text to a JS module, as the dev server and the build do. */
export async function compileTalk(
  value: string,
  path: string,
  { development = false, outputFormat = 'program' as 'program' | 'function-body' } = {},
) {
  const markdown = !/\.mdx$/i.test(path);
  const file = new VFile({ path, value: markdown ? prepareMarkdown(value) : value });
  return compile(file, {
    format: markdown ? 'md' : 'mdx',
    development,
    outputFormat,
    ...(outputFormat === 'program' ? { providerImportSource: '@mdx-js/react' } : {}),
    remarkPlugins: [remarkGfm, [remarkDeck, { devWarnings: development }], remarkRead],
    rehypePlugins: markdown
      ? [[rehypeRaw, { passThrough: [...nodeTypes] }], rehypeDeckCode]
      : [rehypeDeckCode],
    recmaPlugins: [recmaLazySlides],
  });
}
