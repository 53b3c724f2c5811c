import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { SERVICES } from '../sandbox/telemetry/tracerProviders.ts';
import {
  ensureJaeger,
  JAEGER_BUILD_TIMEOUT_MS,
  startJaeger,
  tag,
  type RunningJaeger,
} from './jaeger/jaeger.ts';

// The built sandbox sends from the browser to a real Jaeger, which must allow the site's origin
// (CORS); the tests read the traces back through Jaeger's query API.
test.describe('the sandbox against a real Jaeger', () => {
  let jaeger: RunningJaeger;
  // eslint-disable-next-line no-empty-pattern -- Playwright's hooks take fixtures first.
  test.beforeAll(async ({}, info) => {
    info.setTimeout(JAEGER_BUILD_TIMEOUT_MS);
    const origin = new URL(info.project.use.baseURL ?? '').origin;
    jaeger = await startJaeger(ensureJaeger(), origin);
  });
  // eslint-disable-next-line no-empty-pattern -- as above
  test.afterAll(async ({}, info) => {
    info.setTimeout(30_000);
    await jaeger?.stop();
  });

  /** Sends the page's run, and returns the trace ids its rows link to in Jaeger. */
  async function sendRun(page: Page) {
    await page.goto('/sandbox.html?mode=metadata&requests=2&speed=100&seed=3');
    await expect(page.getByTestId('trace-count').first()).toHaveText('2 traces, 2 requests');
    await expect(page.getByText('74 spans', { exact: true })).toBeVisible();
    await page.getByLabel('Send to an OTLP/HTTP endpoint').check();
    await page.getByLabel('Endpoint', { exact: true }).fill(jaeger.otlpUrl);
    await page.getByLabel('Jaeger UI', { exact: true }).fill(jaeger.queryUrl);
    await page.getByRole('button', { name: 'Send spans' }).click();
    await expect(page.getByTestId('send-result')).toHaveText(`Sent 74 spans to ${jaeger.otlpUrl}.`);
    const rowLinks = page.getByTestId('trace-row').getByTestId('open-in-jaeger');
    await expect(rowLinks).toHaveCount(2);
    const hrefs = await rowLinks.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    return hrefs.map((h) => {
      expect(h).toMatch(new RegExp(`^${jaeger.queryUrl}/trace/[0-9a-f]{32}$`));
      return h.slice(-32);
    });
  }

  test('sends a run, finds it in the last hour, and a second run shares no trace id', async ({
    page,
  }) => {
    const first = await sendRun(page);
    const links = page.getByRole('navigation', { name: 'Open in Jaeger' }).getByRole('link');
    await expect(links).toHaveText([
      'Search in Jaeger (service web, last hour)',
      ...first.map((t) => t.slice(0, 8)),
    ]);

    // Jaeger UI's own search: service web, the last hour. Each request is one trace of 37 spans.
    await expect
      .poll(
        async () =>
          (await jaeger.search('web', '1h')).filter((t) => first.includes(t.traceID)).length,
      )
      .toBe(2);
    for (const id of first) {
      const trace = await jaeger.trace(id);
      expect(trace?.spans).toHaveLength(37);
      expect(new Set(trace?.spans.map((s) => tag(s, 'sim.request.id'))).size).toBe(1);
      const serverSpan = trace?.spans.find((s) => s.references.length === 0);
      expect(trace?.processes[serverSpan?.processID ?? '']?.serviceName).toBe('web');
      // Wall-clock time: the run began within the last few minutes (Jaeger reports microseconds).
      expect(Math.abs(Date.now() - (serverSpan?.startTime ?? 0) / 1000)).toBeLessThan(600_000);
    }

    // The same seed again, as a second attendee would: fresh ids, no merged trees.
    const second = await sendRun(page);
    expect(second.filter((t) => first.includes(t))).toEqual([]);
    for (const id of second) expect((await jaeger.trace(id))?.spans).toHaveLength(37);
  });

  test('a broken run sent to Jaeger and downloaded back draws the same picture', async ({
    page,
  }) => {
    await page.goto('/sandbox.html?mode=process&requests=1&speed=100&seed=3');
    await expect(page.getByTestId('trace-count').first()).toHaveText('17 traces, 1 request');
    await expect(page.locator('.sbx-status[data-idle]').first()).toBeAttached();
    const hops = page.getByTestId('context-hops');
    const canvas = page.locator('.sbx-topology-canvas');
    // Each box's traces, as sets: the order follows the selection, which an import resets.
    const boxes = async () =>
      ((await canvas.getAttribute('data-node-traces')) ?? '')
        .split('|')
        .map((entry) => entry.split(/[,+]/).sort().join(','))
        .sort();
    const cut = await hops.getAttribute('data-cut-hops');
    const before = await boxes();
    expect(cut).toContain('RequestProcess>Router');

    // The run's trace ids, from its own export; then the same spans to Jaeger.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export OTLP JSON' }).click(),
    ]);
    const sent = await readFile(await download.path(), 'utf8');
    const ids = new Set([...sent.matchAll(/"traceId":"([0-9a-f]{32})"/g)].map((m) => m[1]));
    expect(ids.size).toBe(17);
    await page.getByLabel('Send to an OTLP/HTTP endpoint').check();
    await page.getByLabel('Endpoint', { exact: true }).fill(jaeger.otlpUrl);
    await page.getByRole('button', { name: 'Send spans' }).click();
    await expect(page.getByTestId('send-result')).toHaveText(`Sent 37 spans to ${jaeger.otlpUrl}.`);

    // What a learner downloads from Jaeger's search, service by service, as one file.
    let traces: unknown[] = [];
    await expect
      .poll(async () => {
        const found = new Map<string, unknown>();
        for (const service of SERVICES)
          for (const t of await jaeger.search(service, '1h'))
            if (ids.has(t.traceID)) found.set(t.traceID, t);
        traces = [...found.values()];
        return traces.length;
      })
      .toBe(17);
    await page.getByTestId('import-file').setInputFiles({
      name: 'jaeger-search.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ data: traces })),
    });
    await expect(page.getByText('imported: jaeger-search.json')).toBeVisible();
    await expect(page.getByTestId('trace-count').first()).toHaveText('17 traces, 1 request');
    await expect(hops).toHaveAttribute('data-cut-hops', cut ?? '');
    await expect.poll(boxes).toEqual(before);
  });
});
