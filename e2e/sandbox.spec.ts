import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MODES, type PropagationMode } from '../sandbox/core/propagation/index.ts';
import { runScenario } from '../sandbox/core/runScenario.ts';

// The sandbox page through its own entry, sandbox.html, against the built site.
const open = (page: Page, query: string) => page.goto(`/sandbox.html?${query}`);
const traceCount = (page: Page) => page.getByTestId('trace-count').first();

/** What the core produces for `requests` requests in a mode (seed 1): the page must show the same. */
function expectedRun(
  mode: PropagationMode,
  requests = 1,
  more: Omit<Parameters<typeof runScenario>[0] & object, 'mode' | 'requests'> = {},
) {
  const { spans, summary } = runScenario({ seed: 1, ...more, mode, requests });
  const parent = new Map(spans.map((s) => [s.spanContext().spanId, s.parentSpanContext?.spanId]));
  let depth = 0;
  for (const span of spans) {
    let d = 1;
    for (let p = parent.get(span.spanContext().spanId); p && parent.has(p); p = parent.get(p)) d++;
    depth = Math.max(depth, d);
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return {
    spans: summary.spans,
    traces: summary.traces,
    depth,
    count: `${plural(summary.traces, 'trace')}, ${plural(requests, 'request')}`,
  };
}

test.describe('sandbox: one request in each mode', () => {
  const expected = Object.fromEntries(MODES.map((m) => [m, expectedRun(m).count]));
  for (const [mode, text] of Object.entries(expected)) {
    test(`${mode}: ${text}`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await open(page, `mode=${mode}&requests=1&speed=100`);
      await expect(traceCount(page)).toHaveText(text);
      await expect(
        page.getByTestId('span-details').or(page.getByText('Select a span')),
      ).toBeVisible();
      if (mode === 'metadata' || mode === 'global') {
        // One connected trace holding every span of the request, as deep as the core made it.
        const run = expectedRun(mode);
        expect(run.traces).toBe(1);
        await expect(page.getByTestId('waterfall-meta')).toContainText(
          mode === 'metadata' ? `${run.spans} spans · depth ${run.depth}` : `${run.spans} spans`,
        );
        await expect(page.getByTestId('trace-row').first()).toHaveAttribute(
          'data-status',
          'connected',
        );
        await expect(
          page.locator('[role="treegrid"] [role="row"][aria-level="3"]').first(),
        ).toBeVisible();
      }
      if (mode === 'process') {
        // The list is virtualized: only the rows in view are in the DOM, all of them broken.
        await expect(
          page.locator('[data-testid="trace-row"][data-status="connected"]'),
        ).toHaveCount(0);
        await expect(
          page.locator('[data-testid="trace-row"][data-status="broken"]').first(),
        ).toBeVisible();
        await page.getByTestId('trace-row').nth(1).click();
        const flagged = page.locator('[data-testid="span-row"][data-flags~="new-trace"]').first();
        await flagged.click();
        await expect(page.getByTestId('span-details')).toContainText(
          /New trace started here: the message from the [\w ()]+ carried no trace context\./,
        );
        await expect(page.getByTestId('span-details')).toContainText('carried no trace context');
      }
      if (mode === 'links') {
        // One trace per process hop: the first connected, each later one linked to the last.
        const { traces } = expectedRun('links');
        await expect(page.locator('[data-testid="trace-row"][data-status="linked"]')).toHaveCount(
          traces - 1,
        );
        await page.getByLabel('Group by request').check();
        await expect(page.getByTestId('request-group')).toHaveText(
          `req-1: ${traces} traces, 1 request`,
        );
      }
      expect(errors).toEqual([]);
    });
  }

  test('global mode flags parents that belong to another request', async ({ page }) => {
    await open(page, 'mode=global&requests=4&speed=100');
    await expect(traceCount(page)).toHaveText(/traces?, 4 requests/);
    const rows = page.getByTestId('trace-row');
    await expect(rows.first()).toBeVisible();
    const flags = page.locator('[data-testid="span-row"][data-flags~="cross-request"]');
    for (let i = 0; i < (await rows.count()) && (await flags.count()) === 0; i++)
      await rows.nth(i).click();
    await flags.first().click();
    await expect(page.getByTestId('span-details')).toContainText(
      /Wrong parent: this span works for req-\d/,
    );
  });

  for (const [width, height] of [
    [1280, 720],
    [390, 844],
  ] as const)
    test(`${width}x${height}: the proof of concept's mixed-up requests are named on the picture`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await open(page, 'mode=global&scenario=proof-of-concept&requests=3&speed=100');
      await expect(traceCount(page)).toHaveText(
        expectedRun('global', 3, { scenario: 'proof-of-concept' }).count,
      );
      // The scene controller's focus and the topology shared a cached answer, and the first to
      // ask (the controller, without the processes' boxes) won: the sandbox drew no pill at all.
      const canvas = page.locator('canvas.sbx-topology-canvas');
      await expect(canvas).toHaveAttribute(
        'data-pills',
        /\u26a0 Stuff\.update_stuff\/2: req-\d under req-\d\u2019s span\|/,
      );
      // On a phone each pill takes two lines, so both fit beside each other's and the boxes.
      await expect(canvas).toHaveAttribute('data-covering-pills', '0');
    });

  test('a fault breaks the trace and turning it off fixes it', async ({ page }) => {
    await open(page, 'mode=metadata&requests=1&speed=100&faults=drop-metadata');
    await expect(traceCount(page)).toHaveText(
      expectedRun('metadata', 1, { faults: ['drop-metadata'] }).count,
    );
    await page.getByRole('checkbox', { name: /drop-metadata/ }).uncheck();
    await expect(traceCount(page)).toHaveText('1 trace, 1 request');
    await expect(page).toHaveURL(/mode=metadata/);
    expect(page.url()).not.toContain('faults=');
  });
});

/** What a reader would see wrong in the trace graph: names out of boxes, labels on boxes, a cut picture. */
function graphProblems(graph: Locator): Promise<string[]> {
  return graph.evaluate((el) => {
    const svg = el.querySelector('svg') as SVGSVGElement;
    const boxes = [...svg.querySelectorAll('rect')].map((r) => r.getBBox());
    const inside = (a: DOMRect, b: DOMRect) =>
      a.x >= b.x &&
      a.y >= b.y &&
      a.x + a.width <= b.x + b.width &&
      a.y + a.height <= b.y + b.height;
    const overlaps = (a: DOMRect, b: DOMRect) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    const out: string[] = [];
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBBox();
      if (text.classList.contains('sbx-graph-label')) {
        if (boxes.some((b) => overlaps(box, b))) out.push(`label over a box: ${text.textContent}`);
      } else if (!boxes.some((b) => inside(box, b)))
        out.push(`name out of its box: ${text.textContent}`);
    }
    // The whole picture is in view: nothing to scroll to sideways.
    const panel = el.getBoundingClientRect();
    const picture = svg.getBoundingClientRect();
    if (picture.right > panel.right + 0.5 || el.scrollWidth > el.clientWidth)
      out.push(
        `picture ${Math.round(picture.width)} px wide in a ${Math.round(panel.width)} px panel`,
      );
    return out;
  });
}

test('the trace graph names every process inside its box and every lost hop beside its arrow', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, 'mode=metadata&requests=1&speed=100&faults=handlers-ignore-metadata');
  await expect(traceCount(page)).toHaveText(
    expectedRun('metadata', 1, { faults: ['handlers-ignore-metadata'] }).count,
  );
  // A handler's own trace: it starts where the event store's context was not read.
  await page.getByTestId('trace-row').filter({ hasText: 'commanded.event.handle' }).first().click();
  await page.getByRole('tab', { name: 'Trace graph' }).click();
  const graph = page.getByTestId('trace-graph');
  await expect(graph.getByRole('list', { name: 'Hops' })).toContainText('context not read');
  expect(await graphProblems(graph)).toEqual([]);
  // The request's own trace: four hops out of the event store, each cut, each labelled.
  await page.getByTestId('trace-row').filter({ hasText: 'POST /lab-orders' }).click();
  await expect(graph.locator('[data-state="cut"] text')).toHaveCount(4);
  expect(await graphProblems(graph)).toEqual([]);
});

for (const [width, height, direction] of [
  [1920, 1080, 'across'],
  [390, 844, 'down'],
] as const)
  test(`the trace graph shows a whole 37-span trace at ${width}x${height}, without scrolling sideways`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await open(page, 'mode=metadata&requests=1&speed=100');
    await expect(traceCount(page)).toHaveText('1 trace, 1 request');
    await page.getByTestId('trace-row').first().click();
    await page.getByRole('tab', { name: 'Trace graph' }).click();
    const graph = page.getByTestId('trace-graph');
    await expect(graph).toHaveAttribute('data-direction', direction);
    // Every process the request went through, at full size on the projector.
    await expect(graph.locator('svg rect')).toHaveCount(10);
    if (width === 1920) await expect(graph).toHaveAttribute('data-scale', '1.00');
    expect(await graphProblems(graph)).toEqual([]);
  });

test('keyboard shortcuts send requests and switch modes', async ({ page }) => {
  await open(page, 'mode=metadata&speed=100');
  await expect(traceCount(page)).toHaveText('0 traces, 0 requests');
  await page.locator('body').press('s');
  await expect(traceCount(page)).toHaveText('1 trace, 1 request');
  await page.locator('body').press('2');
  await expect(page.getByRole('radio', { name: /process/ })).toBeChecked();
  await expect(traceCount(page)).toHaveText(expectedRun('process').count);
  await page.getByRole('button', { name: /Send request/ }).focus();
  await expect(page.getByRole('button', { name: /Send request/ })).toBeFocused();
});

test('the URL state survives a round trip', async ({ page }) => {
  await open(page, 'mode=links&scenario=proof-of-concept&seed=42&speed=2&requests=2');
  await expect(page.getByRole('radio', { name: /links/ })).toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('42');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('2');
  await expect(page.getByRole('combobox', { name: 'Scenario' })).toHaveValue('proof-of-concept');
  await expect(traceCount(page)).toHaveText(
    expectedRun('links', 2, { scenario: 'proof-of-concept', seed: 42 }).count,
  );
  await expect(page).toHaveURL(/mode=links&scenario=proof-of-concept&seed=42&speed=2&requests=2/);
  await page.getByRole('radio', { name: /global/ }).check();
  await page.getByRole('button', { name: /Next seed/ }).click();
  await expect(page).toHaveURL(/mode=global&scenario=proof-of-concept&seed=43&speed=2&requests=2/);
  await page.reload();
  await expect(page.getByRole('radio', { name: /global/ })).toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('43');
  await expect(traceCount(page)).toHaveText(
    expectedRun('global', 2, { scenario: 'proof-of-concept', seed: 43 }).count,
  );
});

test('after a run each box names the traces its spans went to: one everywhere, or one per box', async ({
  page,
}) => {
  const shown = async () => {
    await expect(page.locator('.sbx-status[data-idle]').first()).toBeAttached();
    const canvas = page.locator('.sbx-topology-canvas');
    await expect(canvas).toHaveAttribute('data-node-traces', /Task \(SMS\):/);
    const data = (await canvas.getAttribute('data-node-traces')) ?? '';
    return new Map(data.split('|').map((e) => e.split(':') as [string, string]));
  };
  await open(page, 'mode=metadata&requests=1&speed=100');
  const connected = await shown();
  expect(connected.size).toBe(10);
  expect(new Set(connected.values()).size).toBe(1);
  await open(page, 'mode=process&requests=1&speed=100');
  const split = await shown();
  const request = split.get('RequestProcess') ?? '';
  expect(request).toMatch(/^[0-9a-f]{6}$/);
  expect(split.get('Router')).not.toContain(request);
  expect(split.get('LabOrder')).not.toContain(request);
  // The same in words: an idle box's traces, as the box shows them.
  await expect(page.getByRole('list', { name: 'Live span stacks' })).toContainText(
    `Phoenix request (web): idle; its spans went to trace ${request}`,
  );
  // Select the first trace the LabOrder aggregate made (not its latest): its box names it first.
  await page
    .locator('[data-testid="trace-row"]', { hasText: 'commanded.aggregate.execute' })
    .first()
    .click();
  const grid = page.locator('[aria-label^="Spans of trace "]');
  const selected = ((await grid.getAttribute('aria-label')) ?? '').slice(15, 21);
  expect(selected).toMatch(/^[0-9a-f]{6}$/);
  expect(split.get('LabOrder')?.startsWith(selected)).toBe(false);
  await expect(page.locator('.sbx-topology-canvas')).toHaveAttribute(
    'data-node-traces',
    new RegExp(`LabOrder:${selected}`),
  );
});

test('export then re-import gives the same traces', async ({ page }) => {
  await open(page, 'mode=process&requests=2&speed=100');
  await expect(traceCount(page)).toHaveText(expectedRun('process', 2).count);
  // Every trace has started; export once every span has also ended.
  await expect(page.locator('.sbx-status[data-idle]').first()).toBeAttached();
  const spans = await page
    .getByText(/^\d+ spans$/)
    .first()
    .textContent();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export OTLP JSON' }).click(),
  ]);
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  const json = JSON.parse(text);
  expect(Array.isArray(json.resourceSpans)).toBe(true);
  // The picture: where context was lost, and the traces each box's spans went to.
  const hops = page.getByTestId('context-hops');
  const canvas = page.locator('.sbx-topology-canvas');
  const cut = await hops.getAttribute('data-cut-hops');
  const boxes = await canvas.getAttribute('data-node-traces');
  expect(cut).toContain('RequestProcess>Router');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(traceCount(page)).toHaveText('0 traces, 0 requests');
  await page.getByTestId('import-file').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByText(`imported: ${download.suggestedFilename()}`)).toBeVisible();
  await expect(traceCount(page)).toHaveText(expectedRun('process', 2).count);
  await expect(page.getByText(/^\d+ spans$/).first()).toHaveText(spans ?? '');
  await expect(
    page.locator('[data-testid="trace-row"][data-status="broken"]').first(),
  ).toBeVisible();
  // The mode buttons belong to the live run, and say so: the file's mode is not known.
  await expect(page.getByTestId('mode-description')).toContainText(
    `Showing ${download.suggestedFilename()}: the mode and the faults set up the live run, not the file`,
  );
  // Imported, the run draws the same picture: the file names each span's box and message.
  await expect(hops).toHaveAttribute('data-cut-hops', cut ?? '');
  await expect(canvas).toHaveAttribute('data-node-traces', boxes ?? '');
});

test('an invalid import shows its message and keeps the view', async ({ page }) => {
  await open(page, 'mode=metadata&requests=1&speed=100');
  await expect(traceCount(page)).toHaveText('1 trace, 1 request');
  await page.getByTestId('import-file').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(page.getByRole('alert')).toContainText('Import failed, nothing changed.');
  await expect(page.getByRole('alert')).toContainText('no "resourceSpans" list');
  await expect(traceCount(page)).toHaveText('1 trace, 1 request');
});

test('a trace downloaded from a real backend’s Jaeger shows where its context was lost', async ({
  page,
}) => {
  await open(page, 'mode=metadata');
  // Jaeger's JSON of a Commanded app's request: the HTTP trace, and a second trace that the
  // aggregate started because the command's metadata carried no context. The correlation id
  // (as opentelemetry_commanded records it) says both are one request.
  const t0 = Date.UTC(2026, 0, 5, 9) * 1000;
  const correlation = { key: 'commanded.correlation_id', type: 'string', value: '7d1c0e5a-1b2c' };
  const process = { p1: { serviceName: 'my_app', tags: [] } };
  const file = {
    data: [
      {
        traceID: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        processes: process,
        spans: [
          {
            spanID: '1111111111111111',
            operationName: 'POST /orders',
            startTime: t0,
            duration: 900,
            references: [],
            tags: [{ key: 'span.kind', type: 'string', value: 'server' }],
          },
          {
            spanID: '2222222222222222',
            operationName: 'commanded.application.dispatch',
            startTime: t0 + 100,
            duration: 700,
            references: [
              {
                refType: 'CHILD_OF',
                traceID: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
                spanID: '1111111111111111',
              },
            ],
            tags: [{ key: 'span.kind', type: 'string', value: 'producer' }, correlation],
          },
        ].map((s) => ({
          traceID: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
          processID: 'p1',
          logs: [],
          ...s,
        })),
      },
      {
        traceID: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
        processes: process,
        spans: [
          {
            traceID: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
            spanID: '3333333333333333',
            operationName: 'commanded.aggregate.execute',
            startTime: t0 + 300,
            duration: 200,
            references: [],
            processID: 'p1',
            logs: [],
            tags: [{ key: 'span.kind', type: 'string', value: 'consumer' }, correlation],
          },
        ],
      },
    ],
  };
  await page.getByTestId('import-file').setInputFiles({
    name: 'jaeger-trace.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(traceCount(page)).toHaveText('2 traces, 1 request');
  await expect(page.getByTestId('import-note')).toContainText(
    'these spans are not from the simulation; breaks are read from parent ids and correlation ids.',
  );
  // No picture of the simulated backend's modules over another backend's spans.
  await expect(page.getByTestId('foreign-import')).toContainText(
    'jaeger-trace.json comes from another backend',
  );
  await expect(page.locator('.sbx-topology-canvas')).toHaveCount(0);
  // Instead, the request as the traces it was cut into; nothing in the file says after which span.
  await expect(page.getByTestId('foreign-import')).toContainText(
    'Request 7d1c0e5a…: 2 traces, context lost at 1 hop',
  );
  await expect(page.getByTestId('foreign-import')).toContainText(
    '✗ context lost: the file does not say after which span',
  );
  const broken = page.locator('[data-testid="trace-row"][data-status="broken"]');
  await expect(broken).toHaveCount(2);
  await broken.filter({ hasText: 'commanded.aggregate.execute' }).click();
  await page.getByTestId('span-row').first().click();
  await expect(page.getByTestId('span-details')).toContainText(
    'New trace started here, although its correlation id 7d1c0e5a… is already traced in 1 other trace(s): the context did not reach this span.',
  );
  await expect(page.getByTestId('span-details')).toContainText(
    'A CONSUMER span handles a message or a request; the file does not say what it carried.',
  );
  // Its graph does not claim that one process did all the work: the file does not say.
  await page.getByRole('tab', { name: 'Trace graph' }).click();
  await expect(page.getByTestId('trace-graph')).toContainText(
    'This file does not record which process ran each span',
  );
});

test('a lost hop in a real backend\u2019s file is pinned to the span that had the message', async ({
  page,
}) => {
  await open(page, 'mode=metadata');
  // opentelemetry_commanded's spans of one command: the dispatch in the request's trace, the
  // aggregate in a trace of its own. Both record the command and its causation id.
  const t0 = Date.UTC(2026, 0, 5, 9) * 1000;
  const tags = (kind: string, extra: Record<string, string>) => [
    { key: 'span.kind', type: 'string', value: kind },
    ...Object.entries({ 'commanded.correlation_id': 'corr-42', ...extra }).map(([key, value]) => ({
      key,
      type: 'string',
      value,
    })),
  ];
  const command = { 'commanded.command': 'Shop.PlaceOrder', 'commanded.causation_id': 'cause-7' };
  const processes = { p1: { serviceName: 'shop', tags: [] } };
  const one = (traceID: string, spanID: string, name: string, start: number, t: object[]) => ({
    traceID,
    spanID,
    operationName: name,
    startTime: t0 + start,
    duration: 400,
    processID: 'p1',
    logs: [],
    references: [] as object[],
    tags: t,
  });
  const a = 'a'.repeat(32);
  const b = 'b'.repeat(32);
  const http = one(a, '1'.repeat(16), 'POST /orders', 0, tags('server', {}));
  const dispatch = one(
    a,
    '2'.repeat(16),
    'commanded.application.dispatch',
    50,
    tags('consumer', command),
  );
  dispatch.references = [{ refType: 'CHILD_OF', traceID: a, spanID: http.spanID }];
  const execute = one(
    b,
    '3'.repeat(16),
    'commanded.aggregate.execute',
    200,
    tags('consumer', command),
  );
  const file = {
    data: [
      { traceID: a, processes, spans: [http, dispatch] },
      { traceID: b, processes, spans: [execute] },
    ],
  };
  await page.getByTestId('import-file').setInputFiles({
    name: 'shop.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(traceCount(page)).toHaveText('2 traces, 1 request');
  await page
    .locator('[data-testid="trace-row"]')
    .filter({ hasText: 'commanded.aggregate.execute' })
    .click();
  await page.getByTestId('span-row').first().click();
  const details = page.getByTestId('span-details');
  await expect(details).toContainText(
    'The same command Shop.PlaceOrder (commanded.causation_id cause-7) is in trace aaaaaaaa, at commanded.application.dispatch: the context was lost between that span and this one.',
  );
  await expect(details).toContainText(
    'The file records the command Shop.PlaceOrder this span worked on, but not the message\u2019s metadata',
  );
  const split = page.getByTestId('foreign-import');
  await expect(split).toContainText('Request corr-42: 2 traces, context lost at 1 hop');
  await expect(split.locator('li[data-start="lost"]')).toContainText(
    '✗ context lost after commanded.application.dispatch (trace 1)',
  );
  await expect(split.locator('li[data-selected]')).toContainText('2. commanded.aggregate.execute');
  await expect(split).toContainText('What carries the context across such a hop');
  await details.getByTestId('related-span').click();
  await expect(details.locator('h3')).toHaveText('commanded.application.dispatch');
  await expect(details.locator('dd').first()).toHaveText(a);
  // The list follows the selection: the request's first trace is selected now.
  await expect(split.locator('li[data-selected]')).toContainText('1. POST /orders');
  await split.getByRole('button', { name: 'commanded.aggregate.execute' }).click();
  await expect(details.locator('h3')).toHaveText('commanded.aggregate.execute');
  // The statistics count the hop by the spans on either side, not "None: context crossed…".
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByTestId('broken-hops')).toContainText(
    'commanded.application.dispatch → commanded.aggregate.execute',
  );
  await expect(page.getByTestId('run-stats')).toContainText('1 request became 2 traces');
});

test('imported names and attribute keys stay text, never markup', async ({ page }) => {
  await open(page, 'mode=metadata');
  const evil = '<img src=x onerror="window.__pwned=1">';
  const file = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: evil } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: '00112233445566778899aabbccddeeff',
                spanId: '0011223344556677',
                name: evil,
                kind: 2,
                startTimeUnixNano: '1523984400000000000',
                endTimeUnixNano: '1523984400001000000',
                attributes: [{ key: evil, value: { stringValue: evil } }],
              },
            ],
          },
        ],
      },
    ],
  };
  await page.getByTestId('import-file').setInputFiles({
    name: 'evil.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(traceCount(page)).toHaveText('1 trace, 0 requests');
  await page.getByTestId('span-row').first().click();
  await expect(
    page.getByTestId('span-details').getByRole('rowheader', { name: evil }),
  ).toBeVisible();
  expect(await page.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('compare runs the same requests under two modes side by side', async ({ page }) => {
  await open(page, 'mode=metadata&compare=process&requests=1&speed=100');
  const sides = page.getByTestId('sandbox');
  await expect(sides).toHaveCount(2);
  await expect(sides.nth(0).getByTestId('trace-count')).toHaveText('1 trace, 1 request');
  await expect(sides.nth(1).getByTestId('trace-count')).toHaveText(expectedRun('process').count);
  await page.getByRole('button', { name: 'Send request to both' }).click();
  await expect(sides.nth(0).getByTestId('trace-count')).toHaveText(
    expectedRun('metadata', 2).count,
  );
  await expect(sides.nth(1).getByTestId('trace-count')).toHaveText(expectedRun('process', 2).count);
});

test.describe('OTLP/HTTP send', () => {
  // The built site's CSP allows its own origin only; a deployment that sends to a collector widens
  // connect-src. The test stands in for that with bypassCSP.
  test.use({ bypassCSP: true });
  let server: Server;
  let received: unknown[] = [];
  test.beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Headers', 'content-type');
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('sends a valid ExportTraceServiceRequest, and explains a failure', async ({ page }) => {
    received = [];
    const { port } = server.address() as AddressInfo;
    await open(page, 'mode=metadata&requests=1&speed=100');
    await expect(traceCount(page)).toHaveText('1 trace, 1 request');
    const { spans: sent } = expectedRun('metadata');
    await expect(page.getByText(`${sent} spans`, { exact: true })).toBeVisible();
    await expect(page.getByLabel('Endpoint', { exact: true })).toHaveCount(0); // off by default
    await page.getByLabel('Send to an OTLP/HTTP endpoint').check();
    await page.getByLabel('Endpoint', { exact: true }).fill(`http://127.0.0.1:${port}/v1/traces`);
    await page.getByRole('button', { name: 'Send spans' }).click();
    await expect(page.getByTestId('send-result')).toHaveText(
      `Sent ${sent} spans to http://127.0.0.1:${port}/v1/traces.`,
    );
    expect(received).toHaveLength(1);
    const payload = received[0] as {
      resourceSpans: { scopeSpans: { spans: { traceId: string; spanId: string }[] }[] }[];
    };
    const spans = payload.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    expect(spans).toHaveLength(sent);
    for (const s of spans) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
    }

    await page.getByLabel('Endpoint', { exact: true }).fill('http://127.0.0.1:9/v1/traces');
    await page.getByRole('button', { name: 'Send spans' }).click();
    await expect(page.getByTestId('send-result')).toContainText(
      'Could not reach http://127.0.0.1:9/v1/traces',
    );
    await expect(page.getByTestId('send-result')).toContainText('Nothing was lost');
    await expect(traceCount(page)).toHaveText('1 trace, 1 request');
  });
});

test.describe('layout', () => {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    test(`${width}x${height}: the break's pill names its boxes as the boxes read`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await open(page, 'mode=metadata&faults=task-loses-context&requests=1&speed=100');
      await expect(traceCount(page)).toHaveText('2 traces, 1 request');
      const canvas = page.locator('canvas.sbx-topology-canvas');
      await expect(canvas).toHaveAttribute('data-break-pill', /→ SMS Task/);
      const pill = (await canvas.getAttribute('data-break-pill')) ?? '';
      const boxes = ((await canvas.getAttribute('data-box-names')) ?? '').split('|');
      const [, from, to] = /^\S+ (.+) → (.+?): /.exec(pill) ?? [];
      // At 1280 the handler's box has room only for 'Notifier'; the pill said 'NotificationHandler'.
      expect(boxes, pill).toContain(from);
      expect(boxes, pill).toContain(to);
    });
  }

  test('390x844: span attribute keys break between their parts, never inside a word', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, 'mode=metadata&requests=1&speed=100');
    await page.getByTestId('trace-row').first().click();
    await page.getByTestId('span-row').first().click();
    const keys = page.locator('.sbx-attrs th');
    await expect(keys.first()).toBeVisible();
    // Where each key's text moves to a new line, and the character before that break.
    const breaks = await keys.evaluateAll((ths) =>
      ths.flatMap((th) => {
        const text = th.textContent ?? '';
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        const chars: { ch: string; top: number }[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          for (let i = 0; i < (n.textContent ?? '').length; i++) {
            const range = document.createRange();
            range.setStart(n, i);
            range.setEnd(n, i + 1);
            chars.push({ ch: n.textContent?.[i] ?? '', top: range.getBoundingClientRect().top });
          }
        return chars.flatMap((c, i) =>
          i > 0 && c.top > (chars[i - 1]?.top ?? 0) + 2 ? [`${text}@${chars[i - 1]?.ch}`] : [],
        );
      }),
    );
    // At 390 'http.request.method' read 'http.request.met' over 'hod'.
    expect(breaks.length).toBeGreaterThan(0);
    for (const b of breaks) expect(b).toMatch(/@[._]$/);
  });

  test("390x844: the break's pill takes lines to find a free place, and leaves every box's name in view", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, 'mode=metadata&faults=task-loses-context&requests=1&speed=100');
    await expect(traceCount(page)).toHaveText('2 traces, 1 request');
    const canvas = page.locator('canvas.sbx-topology-canvas');
    await expect(canvas).toHaveAttribute('data-layout', 'tall');
    await expect(canvas).toHaveAttribute('data-break-pill', /→ SMS Task/);
    // The tall picture has no gap as wide as the pill's one line: it used to cover 'SMS Task', the
    // box it names, then a box at least. In three lines ('✕ Notifier', '→ SMS Task:', 'no trace
    // context') it fits a gap beside the boxes.
    await expect(canvas).toHaveAttribute('data-covering-pills', '0');
    await expect(canvas).toHaveAttribute('data-pills-over-names', '0');
  });

  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    test(`${width}x${height}: the topology and the traces are in view together`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await open(page, 'mode=process&requests=2&speed=100');
      await expect(traceCount(page)).toHaveText(expectedRun('process', 2).count);
      const canvas = await page.locator('canvas.sbx-topology-canvas').boundingBox();
      const list = await page.getByRole('listbox', { name: 'Traces' }).boundingBox();
      const tree = await page.getByRole('treegrid').boundingBox();
      expect(canvas && list && tree).toBeTruthy();
      if (!canvas || !list || !tree) return;
      expect(canvas.y + canvas.height).toBeLessThanOrEqual(height);
      // At least three trace rows and three span rows show without scrolling the page.
      expect(list.y + 3 * 48).toBeLessThanOrEqual(height);
      expect(tree.y + 3 * 32).toBeLessThanOrEqual(height);
      // No process's name is cut on the topology ("Patient Timeline pr…" was, at both sizes).
      await expect(page.locator('canvas.sbx-topology-canvas')).toHaveAttribute(
        'data-cut-labels',
        '0',
      );
      await expect(page.locator('canvas.sbx-topology-canvas')).toHaveAttribute(
        'data-layout',
        'wide',
      );
      // Where context was lost reads whole in the waterfall, and each trace's root span and
      // request in the list (at 1280 they read "⚠ cont…", "commanded.router.dispa…" and
      // "1 of 7 tr").
      await page
        .getByTestId('trace-row')
        .filter({ hasText: 'commanded.router.dispatch' })
        .first()
        .click();
      const flag = page.locator('[data-testid="span-row"][data-flags~="new-trace"] .sbx-flag');
      await expect(flag.first()).toContainText(/context lost/);
      const subs = page.locator('[data-testid="trace-row"] .sbx-trace-sub');
      const names = page.locator('[data-testid="trace-row"] .sbx-trace-name strong');
      // And the flagged span's own name beside its flag (at 1280, "commanded.ro…" beside
      // "⚠ context lost", before the panel stacked its rows).
      const spanName = page.locator(
        '[data-testid="span-row"][data-flags~="new-trace"] .sbx-span-label',
      );
      for (const texts of [flag, subs, names, spanName])
        expect(
          await texts.evaluateAll(
            (els) => els.filter((el) => el.scrollWidth > el.clientWidth).length,
          ),
        ).toBe(0);
    });
  }

  test('1280x720: the controls leave room for five trace rows beside the whole topology', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, 'mode=process&requests=2&speed=100');
    await expect(traceCount(page)).toHaveText(expectedRun('process', 2).count);
    const canvas = await page.locator('canvas.sbx-topology-canvas').boundingBox();
    const list = await page.getByRole('listbox', { name: 'Traces' }).boundingBox();
    expect(canvas && list).toBeTruthy();
    if (!canvas || !list) return;
    expect(canvas.y + canvas.height).toBeLessThanOrEqual(720);
    // The list (its own scroll box) shows five rows of 48 px, within the first screen.
    expect(list.height).toBeGreaterThanOrEqual(5 * 48);
    expect(list.y + 5 * 48).toBeLessThanOrEqual(720);
  });

  test('1280x720: a big mixed trace gets five rows of waterfall, the list gives up rows for them', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open(page, 'mode=global&requests=10&speed=100');
    await expect(traceCount(page)).toHaveText(/^\d+ traces?, 10 requests$/);
    await expect(page.getByRole('treegrid')).toBeVisible();
    // The list kept five rows (244 px) and the selected trace, hundreds of spans, showed two.
    const tree = page.getByRole('treegrid');
    const row = await tree
      .locator('[data-testid="span-row"]')
      .first()
      .evaluate((el) => (el as HTMLElement).offsetHeight);
    expect(await tree.evaluate((el) => el.clientHeight)).toBeGreaterThanOrEqual(5 * row - 1);
    const list = page.getByRole('listbox', { name: 'Traces' });
    expect(await list.evaluate((el) => el.clientHeight)).toBeGreaterThanOrEqual(2.5 * 48);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(720);
  });

  for (const [width, height, rows] of [
    [1920, 1080, 15],
    [1280, 720, 7],
  ] as const)
    test(`${width}x${height}: a run of one trace leaves the list's room to its waterfall`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await open(page, 'mode=metadata&requests=1&speed=100');
      await expect(traceCount(page)).toHaveText('1 trace, 1 request');
      // The list is as tall as its one row; before, it kept room for five (1280) or two fifths of
      // the column (1920), and the 37-span trace below showed 2.6 rows at 1280, 10.6 at 1920.
      const list = page.getByRole('listbox', { name: 'Traces' });
      expect(await list.evaluate((el) => el.clientHeight)).toBe(48);
      const shown = await page
        .getByRole('treegrid')
        .evaluate(
          (el) =>
            el.clientHeight /
            el.querySelector<HTMLElement>('[data-testid="span-row"]')!.offsetHeight,
        );
      expect(shown).toBeGreaterThanOrEqual(rows);
      // The page is the window's height: its padding made it 22 px taller, the waterfall's foot
      // below the window.
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(height);
      // Scrolled to its end, the waterfall draws its last rows: its scroll listener was attached
      // at mount, before the trace (and its scroller) existed, and rows 25 to 36 never came.
      const tree = page.getByRole('treegrid');
      await tree.evaluate((el) => (el.scrollTop = el.scrollHeight));
      const last = page.locator('[data-testid="span-row"][data-index="36"]');
      await expect(last).toBeVisible();
      const box = await last.boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(height);
    });

  test('390x844: no sideways scrolling, traces before the picture', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, 'mode=process&requests=1&speed=100');
    await expect(traceCount(page)).toHaveText(expectedRun('process').count);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    const list = await page.getByRole('listbox', { name: 'Traces' }).boundingBox();
    const canvas = await page.locator('canvas.sbx-topology-canvas').boundingBox();
    expect(list && canvas && list.y < canvas.y && list.y < 844).toBe(true);
    await expect(page.locator('canvas.sbx-topology-canvas')).toHaveAttribute('data-layout', 'tall');
    // Every status word fits its badge ("connected" lost its last letter in a narrower column),
    // and every trace's request ("req-1 · 1 of 17 tr" did, beside a column for the badge; a
    // long service tag gives way first).
    const cut = await page
      .locator(
        '.sbx-status-badge, [data-testid="trace-row"] .sbx-trace-sub, [data-testid="trace-row"] strong',
      )
      .evaluateAll((els) =>
        els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent),
      );
    expect(cut).toEqual([]);
    // A root span's name too wide for its row drops namespaces from the left, as on the picture
    // (`commanded.aggregate.exec…` was cut at its end); the whole name stays for screen readers.
    const names = await page.locator('[data-testid="trace-row"] strong').evaluateAll((els) =>
      els.map((el) => ({
        shown: el.querySelector('[aria-hidden="true"]')?.textContent ?? el.textContent ?? '',
        full: el.querySelector('.sr-only')?.textContent ?? el.textContent ?? '',
      })),
    );
    const fitted = names.filter((n) => n.shown !== n.full);
    expect(fitted.map((n) => n.full)).toContain('commanded.aggregate.execute');
    for (const n of fitted) {
      expect(n.shown.startsWith('\u2026')).toBe(true);
      expect(n.full.endsWith(n.shown.slice(1))).toBe(true);
    }
    // The waterfall is as tall as the selected trace's rows: the one-span trace the run selects
    // left a 420 px panel, 380 px of it empty, between its row and the span's details.
    const tree = page.getByRole('treegrid');
    await expect(page.locator('[data-testid="span-row"]')).toHaveCount(1);
    const [client, content] = await tree.evaluate((el) => [el.clientHeight, el.scrollHeight]);
    expect(client).toBe(content);
    expect(client).toBeLessThan(100);
  });

  test('390x844: the waterfall stacks its rows, and every flag of a mixed trace reads whole', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, 'mode=global&requests=3&speed=100');
    await expect(traceCount(page)).toHaveText(expectedRun('global', 3).count);
    await page.locator('[data-testid="trace-row"][data-status="mixed"]').first().click();
    const waterfall = page.locator('.sbx-waterfall');
    await expect(waterfall).toHaveAttribute('data-stacked', 'true');
    const tree = page.getByRole('treegrid');
    // Side by side, the names had 243 px and the bars 109: 7 of this trace's 9 flags read
    // "⚠ wro…". Every row of the tree is visited: the list is virtualized.
    const seen = new Map<
      string,
      { flag: string; cut: boolean; bar: number; name: string; shown: string; nameCut: boolean }
    >();
    const height = await tree.evaluate((el) => el.scrollHeight);
    for (let top = 0; top < height; top += 200) {
      // Scrolled, the waterfall draws other rows: wait for them, not the rows it is replacing.
      await tree.evaluate(
        (el, y) =>
          new Promise((done) => {
            el.scrollTop = y;
            requestAnimationFrame(() => requestAnimationFrame(done));
          }),
        top,
      );
      const rows = await page.locator('[data-testid="span-row"]').evaluateAll((els) =>
        els.map((row) => {
          const flag = row.querySelector<HTMLElement>('.sbx-flag');
          const bar = row.querySelector<HTMLElement>('.sbx-bar');
          const label = row.querySelector<HTMLElement>('.sbx-span-label')!;
          return {
            id: row.getAttribute('data-span-id') ?? '',
            flag: flag?.textContent ?? '',
            cut: flag ? flag.scrollWidth > flag.clientWidth : false,
            bar: bar?.getBoundingClientRect().width ?? 0,
            name: label.querySelector('.sr-only')?.textContent ?? label.textContent ?? '',
            shown: label.querySelector('[aria-hidden]')?.textContent ?? label.textContent ?? '',
            nameCut: label.scrollWidth > label.clientWidth,
          };
        }),
      );
      for (const { id, ...row } of rows) seen.set(id, row);
    }
    const flagged = [...seen.values()].filter((r) => r.flag);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.filter((r) => r.cut).map((r) => r.flag)).toEqual([]);
    expect(flagged.some((r) => r.flag.includes('wrong parent'))).toBe(true);
    // Beside its flag, a name too long drops namespaces from the left (`…router.dispatch`);
    // CSS cut it at the end before (`commanded.router.dis…`). A name with no namespace keeps its
    // start, where its detail is (`POST /mes…`, 52 levels deep: fitSpanName). These deep rows
    // were never drawn before: the waterfall did not follow its scroller.
    const fitted = (r: { name: string; shown: string }) =>
      r.name.includes('.')
        ? r.shown.startsWith('…') && r.name.endsWith(r.shown.slice(1))
        : r.shown.endsWith('…') && r.name.startsWith(r.shown.slice(0, -1));
    const badNames = [...seen.values()].filter(
      (r) => r.nameCut || (r.shown !== r.name && !fitted(r)),
    );
    expect(badNames.map((r) => `${r.name} as ${r.shown}`)).toEqual([]);
    expect([...seen.values()].some((r) => r.shown !== r.name)).toBe(true);
    // Each row still draws its bar, on the row's whole width.
    expect([...seen.values()].filter((r) => r.bar < 2)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  });

  for (const [width, height] of [
    [1100, 560],
    [700, 500],
  ] as const) {
    test(`<Sandbox compact> fills a ${width}x${height} stage box without overflowing`, async ({
      page,
    }) => {
      await open(page, `embed=${width}x${height}&mode=metadata&requests=1&speed=100`);
      await expect(traceCount(page)).toHaveText('1 trace, 1 request');
      const box = page.getByTestId('embed-box');
      const size = await box.evaluate((el) => [el.scrollWidth, el.scrollHeight]);
      expect(size[0]).toBeLessThanOrEqual(width);
      expect(size[1]).toBeLessThanOrEqual(height);
      await expect(page.getByRole('treegrid')).toBeVisible();
    });
  }
});
