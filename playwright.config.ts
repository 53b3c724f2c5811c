import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium.ts';
import { findFreePortSync } from './e2e/freePort.ts';

// Never a fixed port: 4173 is `npm run preview`'s, and several checkouts may test at once. The
// port is chosen once, in the main process; its workers inherit it through the environment.
process.env.E2E_PORT ??= String(findFreePortSync());
const PORT = Number(process.env.E2E_PORT);

// Browser tests run against the built site (vite preview), the same files a speaker ships.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `npm run build && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
