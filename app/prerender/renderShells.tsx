/**
 * Renders the app at each shell route to HTML, as its first client render will draw it (see
 * shellRoutes.ts). Runs at build time in Vite's SSR module loader, so the views load with the
 * same plugins as in the browser (the talk's MDX, CSS imports). React's `prerender` waits for
 * lazily loaded parts, where `renderToString` would leave their fallbacks.
 */
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { App } from '../App.tsx';
import { AssumedMedia } from './assumedMedia.ts';
import type { ShellMarkup } from './prerenderPlugin.ts';
import type { ShellRoute } from './shellRoutes.ts';

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  const parts: string[] = [];
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(decoder.decode(value, { stream: true }));
  }
  return parts.join('') + decoder.decode();
}

/**
 * Each shell's markup by name, and the shells that could not be drawn (a talk whose first slide
 * needs a browser, say), with why: those routes draw when the app has loaded, as before.
 */
export async function renderShells(
  shells: readonly ShellRoute[],
): Promise<{ markup: Record<string, ShellMarkup>; failed: { name: string; why: string }[] }> {
  const markup: Record<string, ShellMarkup> = {};
  const failed: { name: string; why: string }[] = [];
  for (const shell of shells) {
    try {
      markup[shell.name] = { html: await renderShell(shell), media: shell.media ?? {} };
    } catch (error) {
      failed.push({
        name: shell.name,
        why: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return { markup, failed };
}

async function renderShell(shell: ShellRoute): Promise<string> {
  let failure: unknown;
  // The whole app at the route, as main.tsx renders it: the browser hydrates this markup.
  const app = (
    <StrictMode>
      <AssumedMedia.Provider value={shell.media ?? {}}>
        <App route={`#/${shell.routes[0]}`} />
      </AssumedMedia.Provider>
    </StrictMode>
  );
  const { prelude } = await prerender(app, {
    // A large part would otherwise come outlined: hidden, with a script that moves it in.
    progressiveChunkSize: Number.POSITIVE_INFINITY,
    onError: (error) => {
      failure ??= error;
    },
  });
  const html = await text(prelude);
  // A part that threw would be left for the client: the shell would then differ from it.
  if (failure) throw new Error(`prerendering the ${shell.name} shell failed: ${String(failure)}`);
  return html;
}
