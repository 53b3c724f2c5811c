import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { deckTalk } from './slides/deck/markdown/vitePlugin.ts';
import { contentSecurityPolicy } from './app/contentSecurityPolicy.ts';
import { emojiSubset } from './app/emojiFont.ts';
import { routePreload } from './app/routePreload.ts';
import { inlineFavicon } from './app/inlineFavicon.ts';
import { prerenderShells } from './app/prerender/prerenderPlugin.ts';
import { fileURLToPath } from 'node:url';

// One Vite app serves the deck, the sandbox, the reading mode and the exercises (hash routes).
export default defineConfig({
  plugins: [
    // Talks: `.mdx` (the project's) or Deckset `.md`. TALK=path (or `npm run dev -- --talk path`)
    // presents another talk file instead of slides/talk.mdx.
    deckTalk({ talk: process.env.TALK }),
    react({ include: /\.(mdx|md|tsx|ts)$/ }),
    emojiSubset({ talk: process.env.TALK }),
    routePreload(),
    inlineFavicon(),
    // index.html carries the first render of the deck's first slide, the sandbox and the
    // exercise list, so a visitor sees them before the app's JavaScript has run.
    prerenderShells(fileURLToPath(import.meta.url)),
    // Last: it hashes the inline code the plugins above wrote into the page.
    contentSecurityPolicy(),
  ],
  optimizeDeps: {
    // Dependencies that only lazily loaded views or the exercise worker import: found late, they
    // would make the dev server re-bundle and reload the page in the middle of a session (losing
    // what a learner just typed). Bundled up front instead.
    include: [
      'sucrase',
      'diff',
      '@mdx-js/react',
      'codemirror',
      '@codemirror/lang-javascript',
      '@codemirror/state',
      '@codemirror/view',
      '@opentelemetry/api',
      '@opentelemetry/core',
      '@opentelemetry/resources',
      '@opentelemetry/sdk-trace-base',
      '@opentelemetry/sdk-trace-web',
      '@opentelemetry/otlp-transformer',
      'zustand',
      'zustand/vanilla',
    ],
  },
  build: {
    // The largest chunk is CodeMirror with its TypeScript support (about 500 KB, 170 KB gzip),
    // loaded only by the exercise page's editor, after the brief shows. Warn above that.
    chunkSizeWarningLimit: 600,
    // Every browser the site supports has <link rel="modulepreload">: no polyfill on the first
    // slide's path (half a kilobyte of its JavaScript budget).
    modulePreload: { polyfill: false },
    // The sandbox and exercises pages also have entries of their own, for working on them and for
    // their browser tests.
    rollupOptions: {
      input: { main: 'index.html', sandbox: 'sandbox.html', exercises: 'exercises.html' },
    },
  },
  test: {
    include: ['{e2e,sandbox,slides,app,exercises,scripts,bench}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Some tests start the CLIs as child processes; on a busy 2-core machine that takes seconds.
    testTimeout: 60_000,
  },
});
