import { minifySync, type Plugin, type Rolldown } from 'vite';
import { holdEarlyKeysScript } from './prerender/earlyKeys.ts';
import { dropHiddenShells, openRoute, type OpenRouteTable } from './prerender/openRoute.ts';
import { shellTable } from './prerender/shellRoutes.ts';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** The lazily loaded view module each route opens (app/routes.ts), by the first hash segment. */
const ROUTE_MODULES: Record<string, readonly string[]> = {
  home: ['app/Home.tsx'],
  talk: ['slides/TalkViews.tsx'],
  // The reading page's own view, which the talk's views load when it opens. (Its live scene loads
  // once the app runs: its stylesheets would otherwise hold the prerendered page's first paint.)
  read: ['slides/read/ReadingView.tsx'],
  sandbox: ['sandbox/views/SandboxPage.tsx'],
  exercises: ['exercises/web/ExercisesPage.tsx'],
};

/** A chunk's file and every chunk it imports statically, with the CSS they bring. */
function filesOf(chunk: OutputChunk, bundle: OutputBundle, out = new Set<string>()): Set<string> {
  if (out.has(chunk.fileName)) return out;
  out.add(chunk.fileName);
  for (const css of chunk.viteMetadata?.importedCss ?? []) out.add(css);
  for (const name of chunk.imports) {
    const dep = bundle[name];
    if (dep?.type === 'chunk') filesOf(dep, bundle, out);
  }
  return out;
}

/**
 * The route a visitor opens starts loading with the page, not after the entry script ran, and
 * its prerendered shell shows at once: an inline script in index.html's head (openRoute.ts, let
 * through by the policy's hash of it) reads the hash and adds the route view's chunks and styles.
 * Without it the view's code is requested only once main.js has loaded and run, one round trip
 * later. `vite build` only.
 */
export function routePreload(): Plugin {
  let base = '/';
  return {
    name: 'route-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        if (!ctx.filename.endsWith('index.html') || !ctx.bundle) return html;
        const table: OpenRouteTable = {
          base,
          files: routeFiles(ctx.bundle),
          shells: shellTable(),
        };
        // Keys pressed from now on wait for the app (earlyKeys.ts); then the route opens, and the
        // shells it does not show leave once the page is parsed.
        // Minified: the first slide's page carries it (its bytes count in the first-slide budget).
        const open = `(${openRoute.toString()})(${JSON.stringify(table)})`;
        const code = `${holdEarlyKeysScript()}(${dropHiddenShells.toString()})(${open});`;
        const script = `<script>${minifySync('head.js', code).code.trim()}</script>`;
        // Before every stylesheet: an inline script after one waits for it to load, and the
        // view's stylesheet would then be asked for one round trip late. After the metas, which
        // (charset) must stay in the first 1,024 bytes.
        const at = html.search(/<link|<script/);
        if (at < 0)
          throw new Error('index.html has no <link> or <script> to open the route before');
        return html.slice(0, at) + script + '\n    ' + html.slice(at);
      },
    },
  };
}

/** Each route module's chunks and stylesheets that index.html's entry does not load already. */
function routeFiles(bundle: OutputBundle): Record<string, string[]> {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  // index.html's entry chunk (rollupOptions.input names it `main`).
  const entry = chunks.find((c) => c.isEntry && c.name === 'main');
  if (!entry) return {};
  const already = filesOf(entry, bundle);
  const routes: Record<string, string[]> = {};
  for (const [route, modules] of Object.entries(ROUTE_MODULES)) {
    const files = new Set<string>();
    for (const module of modules) {
      // The chunk that holds the module (another page's entry may hold it, e.g. sandbox.html's).
      const chunk =
        chunks.find((c) => c.facadeModuleId?.endsWith(module)) ??
        chunks.find((c) => c.moduleIds.some((id) => id.endsWith(module)));
      if (chunk) for (const f of filesOf(chunk, bundle)) if (!already.has(f)) files.add(f);
    }
    if (files.size > 0) routes[route] = [...files];
  }
  // The reading page needs the talk's views too.
  if (routes.read)
    routes.read = [
      ...new Set([...(routes.talk ?? []), ...routes.read, ...wholeTalk(chunks, bundle)]),
    ];
  return routes;
}

/**
 * The whole talk, which slides/talkContent.tsx loads on demand (the first slide loads the talk
 * without notes and reader text): the chunks it imports dynamically that hold a talk file itself,
 * not its `?slides` part. The reading page needs it at once.
 */
function wholeTalk(chunks: readonly OutputChunk[], bundle: OutputBundle): string[] {
  const content = chunks.find((c) => c.moduleIds.some((id) => id.endsWith('talkContent.tsx')));
  return (content?.dynamicImports ?? []).filter((name) => {
    const chunk = bundle[name];
    return (
      chunk?.type === 'chunk' && chunk.moduleIds.some((id) => /\.(mdx|md|markdown)$/i.test(id))
    );
  });
}
