import { existsSync } from 'node:fs';
import { build, preview, type PreviewServer } from 'vite';

/**
 * Serves the built site (what a speaker ships) on a free port, building it first when dist/ is
 * missing or `rebuild` is set. Scripts that drive Chromium use it; close it when done.
 */
export async function startPreview(
  rebuild = false,
): Promise<{ url: string; close: () => Promise<void> }> {
  if (rebuild || !existsSync('dist/index.html')) await build({ logLevel: 'warn' });
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string')
    throw new Error('vite preview has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => server.close(),
  };
}
