import { expect, test, type Page } from '@playwright/test';
import { runScenario } from '../sandbox/core/runScenario.ts';
import { alignRuns } from '../sandbox/model/alignRuns.ts';

// Reading traces in the sandbox (issue 11): URL state, find, the break, the waterfall, batches.
const open = (page: Page, query: string) => page.goto(`/sandbox.html?${query}`);
const traceCount = (page: Page) => page.getByTestId('trace-count').first();
const filterCount = (page: Page) => page.getByTestId('filter-count');
const settle = (page: Page) =>
  expect(page.locator('.sbx-status[data-idle]').first()).toBeAttached();

test('Back and Forward apply the URL: mode, requests, and the selected trace', async ({ page }) => {
  await open(page, 'mode=metadata&requests=1&speed=100');
  await expect(traceCount(page)).toHaveText('1 trace, 1 request');
  await page.locator('body').press('2');
  await expect(page).toHaveURL(/mode=process/);
  const process = runScenario({ seed: 1, mode: 'process', requests: 1 }).summary.traces;
  await expect(traceCount(page)).toHaveText(`${process} traces, 1 request`);
  await page.goBack();
  await expect(page.getByRole('radio', { name: /metadata/ })).toBeChecked();
  await expect(traceCount(page)).toHaveText('1 trace, 1 request');
  await expect(page).toHaveURL(/mode=metadata/);
  await page.goForward();
  await expect(page.getByRole('radio', { name: /process/ })).toBeChecked();
  await expect(traceCount(page)).toHaveText(`${process} traces, 1 request`);
});

test('an edited hash applies on the site route (#/sandbox?…)', async ({ page }) => {
  await page.goto('/#/sandbox?mode=links&requests=1&speed=100');
  await expect(page.getByRole('radio', { name: /links/ })).toBeChecked();
  await page.evaluate(() => {
    window.location.hash = '#/sandbox?mode=global&requests=2&speed=100&seed=5';
  });
  await expect(page.getByRole('radio', { name: /global/ })).toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'Seed' })).toHaveValue('5');
  const expected = runScenario({ seed: 5, mode: 'global', requests: 2 }).summary.traces;
  await expect(traceCount(page)).toHaveText(`${expected} traces, 2 requests`);
});

test('a link to a span replays the scene and selects that span', async ({ page }) => {
  // The first span that started a new trace in process mode. Ids are fresh per run; a link names
  // its run's nonce (`ids=`), and the core makes the same ids from the seed and that nonce.
  const nonce = '5eed0fca11ed';
  const { spans } = runScenario({ seed: 1, mode: 'process', requests: 1, idNonce: nonce });
  const broken = spans
    .filter((s) => !s.parentSpanContext && s.name === 'commanded.router.dispatch')
    .sort((a, b) => a.startTime[1] - b.startTime[1])[0];
  expect(broken).toBeTruthy();
  const spanId = broken?.spanContext().spanId ?? '';
  await open(page, `mode=process&requests=1&speed=100&span=${spanId}&ids=${nonce}`);
  await expect(page.locator(`[data-testid="span-row"][data-span-id="${spanId}"]`)).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByTestId('span-details')).toContainText('New trace started here');
  await expect(page).toHaveURL(new RegExp(`span=${spanId}&ids=${nonce}`));
});

test('each filter narrows the trace list, computed from the run', async ({ page }) => {
  const run = runScenario({ seed: 1, mode: 'process', requests: 3 });
  const total = run.summary.traces;
  const tracesOf = (pred: (s: (typeof run.spans)[number]) => boolean) =>
    new Set(run.spans.filter(pred).map((s) => s.spanContext().traceId)).size;
  await open(page, 'mode=process&requests=3&speed=100');
  await expect(traceCount(page)).toHaveText(`${total} traces, 3 requests`);
  await settle(page);
  const filter = page.getByTestId('trace-filter');
  const cases: [string, number][] = [
    ['req:req-2', tracesOf((s) => s.attributes['sim.request.id'] === 'req-2')],
    ['service:lab_orders', tracesOf((s) => s.resource.attributes['service.name'] === 'lab_orders')],
    ['op:INSERT', tracesOf((s) => s.name.includes('INSERT'))],
    ['kind:server', tracesOf((s) => s.kind === 1)],
    ['sim.request.id=req-3', tracesOf((s) => s.attributes['sim.request.id'] === 'req-3')],
    ['status:connected', 0],
    ['status:broken', total],
  ];
  for (const [query, n] of cases) {
    await filter.fill(query);
    await expect(filterCount(page), query).toHaveText(`${n} of ${total} traces`);
  }
  await filter.fill('dur>1s');
  await expect(filterCount(page)).toHaveText(`0 of ${total} traces`);
  await expect(page.getByText('No trace matches the filter.')).toBeVisible();
  await filter.fill('dur<1s');
  await expect(filterCount(page)).toHaveText(`${total} of ${total} traces`);
  await filter.fill('colour:red');
  await expect(page.getByRole('alert')).toContainText('"colour:" is not a filter');
  // The status picker edits the same line; Escape clears it; / focuses it.
  await filter.fill('req:req-1');
  await page.getByTestId('status-filter').selectOption('broken');
  await expect(filter).toHaveValue('status:broken req:req-1');
  await filter.press('Escape');
  await expect(filter).toHaveValue('');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(filter).toBeFocused();
});

test('opening a broken trace lands on its break; [ and ] and the buttons step through problems', async ({
  page,
}) => {
  await open(page, 'mode=process&requests=2&speed=100');
  await settle(page);
  await page.getByTestId('trace-row').nth(2).click();
  const selected = page.locator('[data-testid="span-row"][aria-selected="true"]');
  await expect(selected).toHaveAttribute('data-flags', /new-trace/);
  await expect(page.getByTestId('span-details')).toContainText('carried no trace context');
  const first = await selected.getAttribute('data-span-id');
  await page.locator('body').press(']');
  await expect(selected).not.toHaveAttribute('data-span-id', first ?? '');
  await expect(selected).toHaveAttribute('data-flags', /new-trace/);
  await page.locator('body').press('[');
  await expect(selected).toHaveAttribute('data-span-id', first ?? '');
  await page.getByTestId('next-problem').click();
  await expect(selected).not.toHaveAttribute('data-span-id', first ?? '');
  await expect(page.getByTestId('problem-count')).toHaveText(/^problem \d+ of \d+$/);
});

test('a global-mode mix-up is a mixed trace, and the filter finds it', async ({ page }) => {
  await open(page, 'mode=global&requests=4&speed=100');
  await settle(page);
  await page.getByTestId('trace-filter').fill('status:mixed');
  await expect(page.getByTestId('trace-row').first()).toHaveAttribute('data-status', 'mixed');
  await page.getByTestId('trace-row').first().click();
  await expect(page.getByTestId('span-details')).toContainText('Wrong parent');
});

test('the critical path is drawn, and find-in-trace highlights and steps', async ({ page }) => {
  await open(page, 'mode=metadata&requests=1&speed=100');
  await settle(page);
  await expect(page.getByTestId('critical-path')).toContainText(/ms/);
  await expect(page.getByTestId('critical-path')).toContainText('after the reply');
  expect(await page.locator('[data-testid="span-row"][data-critical]').count()).toBeGreaterThan(0);
  const find = page.getByTestId('find-in-trace');
  await page.locator('body').press('f');
  await expect(find).toBeFocused();
  await find.fill('INSERT');
  await expect(page.getByTestId('find-count')).toHaveText(/^\d+ matches$/);
  await find.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  await expect(page.locator('[data-testid="span-row"][aria-selected="true"]')).toHaveAttribute(
    'data-match',
    'true',
  );
  await find.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText(/^2 of \d+$/);
  await expect(page.getByTestId('span-details')).toContainText('INSERT');
});

test('the waterfall: name column resizes by keyboard and is remembered; ticks never overlap; zoom; fold all', async ({
  page,
}) => {
  // 1920: at 1280 the trace panel stacks its rows (waterfallColumns.ts), and has no name column.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, 'mode=metadata&requests=1&speed=100');
  await settle(page);
  const handle = page.getByTestId('name-column-resizer');
  const before = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await handle.press('ArrowLeft');
  await handle.press('ArrowLeft');
  await expect(handle).toHaveAttribute('aria-valuenow', String(before - 32));
  await page.reload();
  await expect(page.getByTestId('name-column-resizer')).toHaveAttribute(
    'aria-valuenow',
    String(before - 32),
  );
  // The reloaded page runs its request again: the axis is read once the run has settled, not
  // while the trace is still growing and the ticks move with it.
  await settle(page);
  const boxes = await page
    .getByTestId('axis-ticks')
    .locator('span')
    .evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((r) => [r.left, r.right] as const),
    );
  expect(boxes.length).toBeGreaterThan(1);
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0]).toBeGreaterThan(boxes[i - 1]![1]);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.getByTestId('minimap')).toHaveAttribute('data-zoom', /of/);
  await page.getByRole('button', { name: 'Whole trace' }).click();
  await expect(page.getByTestId('minimap')).not.toHaveAttribute('data-zoom', /./);
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(page.getByTestId('span-row')).toHaveCount(1);
  await page.getByRole('button', { name: 'Expand all' }).click();
  expect(await page.getByTestId('span-row').count()).toBeGreaterThan(3);
});

test('statistics come from the run: traces per request and broken hops', async ({ page }) => {
  const run = runScenario({ seed: 1, mode: 'process', requests: 2 });
  await open(page, 'mode=process&requests=2&speed=100');
  await settle(page);
  await page.getByRole('tab', { name: 'Statistics' }).click();
  await expect(page.getByTestId('run-stats')).toContainText(
    `2 requests became ${run.summary.traces} traces`,
  );
  // What the ratio should be, in words: it read "one is whole".
  await expect(page.getByTestId('run-stats')).toContainText(
    `${(run.summary.traces / 2).toFixed(1)} per request; a request traced end to end makes 1`,
  );
  await expect(page.getByTestId('broken-hops')).toContainText('Phoenix request → Router');
  // Per operation: the root trace's POST span, counted once, its total its own duration.
  const root = run.spans.find((s) => s.name === 'POST /lab-orders');
  expect(root).toBeTruthy();
  await page.getByTestId('trace-row').first().click();
  await page.getByRole('tab', { name: 'Statistics' }).click();
  const row = page.getByTestId('trace-stats').getByRole('row', { name: /POST \/lab-orders/ });
  await expect(row).toContainText('web');
  await expect(row.getByRole('cell').nth(2)).toHaveText('1');
});

test('compare runs aligns one request by the simulation step, not span id', async ({ page }) => {
  const steps = alignRuns({
    scenario: 'lab-order',
    seed: 1,
    requests: 1,
    requestId: 'req-1',
    a: { mode: 'metadata', faults: [] },
    b: { mode: 'process', faults: [] },
  });
  const differs = steps.filter((s) => s.differs).length;
  expect(differs).toBeGreaterThan(0);
  await open(page, 'mode=metadata&requests=1&speed=100');
  await settle(page);
  await page.getByRole('tab', { name: 'Compare runs' }).click();
  await page.getByRole('combobox', { name: 'Mode B' }).selectOption('process');
  await expect(page.getByTestId('compare-summary')).toContainText(
    `${steps.length} steps; ${differs} hops connect in one run and break in the other`,
  );
  await expect(page.locator('[data-testid="compare-step"][data-differs]')).toHaveCount(differs);
  const first = steps.find((s) => s.differs);
  await expect(
    page.locator('[data-testid="compare-step"][data-differs]').first().getByRole('cell').first(),
  ).toContainText(first?.step ?? '');
});

test('with 20 requests a batch is flagged with its requests, and traces that lost a span say so', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, 'mode=metadata&requests=20&speed=100&faults=batch-projection');
  await expect(traceCount(page)).toHaveText('20 traces, 20 requests');
  await settle(page);
  await page.getByTestId('trace-filter').fill('status:mixed');
  await expect(filterCount(page)).not.toHaveText(/^0 of/);
  // A trace that lost its span into another request's batch is not "connected".
  const lost = page.getByTestId('lost-spans');
  for (let i = 0; i < 20 && !(await lost.isVisible()); i++)
    await page.getByTestId('trace-row').nth(i).click();
  await expect(lost).toContainText(
    /req-\d+.s .* span is missing here\. It went into req-\d+.s batch/,
  );
  await lost.getByRole('button', { name: 'Show that batch span' }).click();
  const batch = page.locator('[data-testid="span-row"][aria-selected="true"]');
  await expect(batch).toHaveAttribute('data-flags', /batch/);
  await expect(batch).toContainText(/batch: req-\d+, req-\d+/);
  await expect(page.getByTestId('batch-requests')).toContainText(
    /This batch handled events of \d+ requests: req-\d+, req-\d+/,
  );
});

test('an import with repeated span ids keeps every span and says how many', async ({ page }) => {
  await open(page, 'mode=metadata');
  const span = (traceId: string, spanId: string, name: string, parentSpanId?: string) => ({
    traceId,
    spanId,
    parentSpanId,
    name,
    kind: 1,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000005000000',
  });
  const a = 'a'.repeat(32);
  const b = 'b'.repeat(32);
  const file = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
        scopeSpans: [
          {
            spans: [
              span(a, '1111111111111111', 'root a'),
              span(a, '2222222222222222', 'child a', '1111111111111111'),
              span(b, '1111111111111111', 'root b'),
              span(b, '2222222222222222', 'child b', '1111111111111111'),
              span(b, '2222222222222222', 'child b', '1111111111111111'),
            ],
          },
        ],
      },
    ],
  };
  await page.getByTestId('import-file').setInputFiles({
    name: 'repeats.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  await expect(traceCount(page)).toHaveText('2 traces, 0 requests');
  await expect(page.getByText(/^4 spans$/)).toBeVisible();
  await expect(page.getByTestId('import-note')).toContainText(
    '2 spans reused a span id that another trace already had',
  );
  await expect(page.getByTestId('import-note')).toContainText('1 exact repeat of a span');
});

test('a run with nothing broken opens on the first hop that carried context, and says what carried it', async ({
  page,
}) => {
  await open(page, 'mode=metadata&requests=1&speed=100');
  await settle(page);
  // The run's first carried hop, from the run itself: the span the Router started for the command.
  const run = runScenario({ seed: 1, mode: 'metadata', requests: 1 });
  const first = run.spans
    .filter((s) => s.name === 'commanded.router.dispatch')
    .sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1])[0]!;
  const parent = run.spans.find((s) => s.spanContext().spanId === first.parentSpanContext?.spanId)!;
  // Nothing was selected, and the details said "Select a span in the waterfall".
  const details = page.getByTestId('span-details');
  await expect(details.locator('h3')).toHaveText('commanded.router.dispatch');
  await expect(page.getByTestId('carried-note')).toHaveText(
    `✓ Context carried here: the command PlaceLabOrder from Phoenix request brought its trace context in its metadata, so this span continues the trace as a child of ${parent.name}.`,
  );
  // A broken hop's span gets its break explained instead, never this note.
  await page.locator('body').press('2');
  await expect(page).toHaveURL(/mode=process/);
  await settle(page);
  await expect(page.getByTestId('span-details').getByRole('note').first()).toContainText('⚠');
  await expect(page.getByTestId('carried-note')).toHaveCount(0);
  // One request in global mode is connected too, but not by a carrier: its note says so, and
  // never that the message carried the context.
  await page.locator('body').press('1');
  await expect(page).toHaveURL(/mode=global/);
  await settle(page);
  await expect(page.getByTestId('shared-note')).toContainText(
    'the command PlaceLabOrder from Phoenix request carried no trace context',
  );
  await expect(page.getByTestId('shared-note')).toContainText('one request runs at a time');
  await expect(page.getByTestId('carried-note')).toHaveCount(0);
});
