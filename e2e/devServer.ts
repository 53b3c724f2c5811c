import { join } from 'node:path';
import { test } from '@playwright/test';
import { createServer, type ViteDevServer } from 'vite';

export const ROOT = join(import.meta.dirname, '..');

/**
 * Starts a `npm run dev` server of the spec file's own for its tests, on a free port near
 * `port`, with its own dependency cache (a developer's running dev server keeps theirs), and
 * stops it after them. Returns a getter for the base URL.
 */
export function useDevServer(cacheName: string, port: number): () => string {
  let server: ViteDevServer | undefined;
  let base = '';
  test.beforeAll(async () => {
    server = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'silent',
      cacheDir: join(ROOT, 'node_modules', cacheName),
      server: { host: '127.0.0.1', port, strictPort: false },
    });
    await server.listen();
    base = server.resolvedUrls?.local[0] ?? '';
  });
  test.afterAll(async () => {
    await server?.close();
  });
  return () => base;
}
