/**
 * The Vite plugin that compiles talks. `.md` is Deckset markdown (CommonMark + GFM + Deckset's
 * commands; raw HTML and comments allowed), `.mdx` is MDX with the deck's components (live
 * scenes). Both go through remarkDeck and build-time highlighting. `talk` (from `TALK=path` or
 * `npm run dev -- --talk path`) replaces the project's talk with another file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { compile, nodeTypes } from '@mdx-js/mdx';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import { VFile } from 'vfile';
import type { Plugin } from 'vite';
import type { DeckMeta } from '../deckMeta.ts';
import { remarkDeck } from '../remarkDeck.ts';
import { remarkRead } from '../../read/remarkRead.ts';
import { recmaLazySlides } from './recmaLazySlides.ts';
import { remarkSlidesOnly } from './remarkSlidesOnly.ts';
import { prepareMarkdown } from './prepareMarkdown.ts';
import { rehypeDeckCode, warmHighlighter } from './rehypeDeckCode.ts';

const TALK_FILE = /\.(mdx|md|markdown)$/i;

/**
 * `import talkTitle, { description } from 'virtual:talk-title'`: the talk's name and its
 * `description:` setting, without the talk's code.
 */
const TITLE_MODULE = 'virtual:talk-title';
/** Where a compiled talk's JSX runtime and MDX provider come from (root-relative). */
const RUNTIME_DIR = '/slides/deck/jsx';
/** What an HTML page writes where the talk's name goes. */
const TITLE_TOKEN = 'TALK_TITLE';

export function deckTalk(options: { talk?: string; root?: string } = {}): Plugin {
  const root = options.root ?? process.cwd();
  const talk = options.talk ? resolve(root, options.talk) : undefined;
  if (talk && (!existsSync(talk) || !TALK_FILE.test(talk))) {
    throw new Error(
      `The talk "${options.talk}" ${existsSync(talk) ? 'is not a .md or .mdx file' : 'does not exist'} (resolved to ${talk}).`,
    );
  }
  let dev = false;
  const talkPath = talk ?? resolve(root, 'slides/talk.mdx');
  // The last compile of the talk, shared: the page's <title> and virtual:talk-title want the
  // talk's title, the module graph its code, and one compile serves both.
  // Kept per variant: the deck's first chunk and the whole talk are both asked for in one build.
  const last = new Map<boolean, { key: string; compiled: ReturnType<typeof compileTalk> }>();
  const compiledOf = (value: string, path: string, slidesOnly = false) => {
    const key = `${dev}\0${resolve(path)}\0${value}`;
    let hit = last.get(slidesOnly);
    if (hit?.key !== key) {
      hit = { key, compiled: compileTalk(value, path, { development: dev, slidesOnly }) };
      last.set(slidesOnly, hit);
    }
    return hit.compiled;
  };
  const currentMeta = async () =>
    (await compiledOf(readFileSync(talkPath, 'utf8'), talkPath)).data.deckMeta as DeckMeta;
  const currentTitle = async () => (await currentMeta()).title;
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
      if (source === TITLE_MODULE) return `\0${TITLE_MODULE}`;
      // slides/talkContent.tsx imports './talk.mdx' (and its `?slides` part): the one place a
      // different talk plugs in.
      const [file, query] = source.split('?');
      if (
        talk &&
        file === './talk.mdx' &&
        importer &&
        /slides[/\\]talkContent\.tsx$/.test(importer)
      ) {
        return query ? `${talk}?${query}` : talk;
      }
      return undefined;
    },
    async load(id) {
      if (id !== `\0${TITLE_MODULE}`) return undefined;
      this.addWatchFile(talkPath);
      const meta = await currentMeta();
      const description = meta.config.description?.trim() ?? '';
      return `export default ${JSON.stringify(meta.title)};\nexport const description = ${JSON.stringify(description)};`;
    },
    transformIndexHtml: {
      order: 'pre',
      // Pages write TALK_TITLE in their <title> ("Workshop exercises · TALK_TITLE"): the tab
      // names the talk the site presents.
      async handler(html) {
        if (!html.includes(TITLE_TOKEN)) return html;
        const title = escapeHtml(await currentTitle());
        return html.replaceAll(TITLE_TOKEN, () => title);
      },
    },
    async transform(value, id) {
      const [path = id, query = ''] = id.split('?');
      if (!TALK_FILE.test(path) || /(^|&)(raw|url|inline)\b/.test(query)) return undefined;
      // Any other .md or .mdx file is compiled on its own.
      // `?slides`: the talk without its speaker notes and reader text (remarkSlidesOnly.ts).
      const slidesOnly = /(^|&)slides\b/.test(query);
      const compiled = await (resolve(path) === talkPath
        ? compiledOf(value, path, slidesOnly)
        : compileTalk(value, path, { development: dev, slidesOnly }));
      for (const m of compiled.messages) this.warn(`${relative(root, path)}: ${m.reason}`);
      return { code: String(compiled.value), map: null };
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Compiles one talk file's text to a JS module, as the dev server and the build do. */
export async function compileTalk(
  value: string,
  path: string,
  {
    development = false,
    outputFormat = 'program' as 'program' | 'function-body',
    slidesOnly = false,
  } = {},
) {
  const markdown = !/\.mdx$/i.test(path);
  const file = new VFile({ path, value: markdown ? prepareMarkdown(value) : value });
  return compile(file, {
    format: markdown ? 'md' : 'mdx',
    development,
    outputFormat,
    // Imports of the project's own files (slides/deck/jsx), not of packages: a talk outside the
    // project has no node_modules of its own beside it.
    ...(outputFormat === 'program'
      ? { jsxImportSource: RUNTIME_DIR, providerImportSource: `${RUNTIME_DIR}/mdxProvider.ts` }
      : {}),
    remarkPlugins: [
      remarkGfm,
      [remarkDeck, { devWarnings: development }],
      remarkRead,
      ...(slidesOnly ? [remarkSlidesOnly] : []),
    ],
    rehypePlugins: markdown
      ? [[rehypeRaw, { passThrough: [...nodeTypes] }], rehypeDeckCode]
      : [rehypeDeckCode],
    recmaPlugins: [recmaLazySlides],
  });
}
