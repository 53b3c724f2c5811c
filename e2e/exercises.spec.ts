import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { EXERCISES } from '../exercises/lib/catalog.ts';

// The workshop page through its own entry, exercises.html, against the built site (with its CSP).
const STORAGE_KEY = 'tracing-in-elixir:exercises';
const EXERCISES_DIR = join(import.meta.dirname, '..', 'exercises');
const EXERCISE_IDS = readdirSync(EXERCISES_DIR)
  .filter((d) => /^\d\d-/.test(d))
  .sort();

/**
 * Console errors and page errors, less two that are not this page's: the site CSP's `[::1]` source
 * (Chromium does not accept IPv6 hosts in a source list, and says so), and the inline style that
 * Chromium's own contenteditable editing tries to add when typing replaces a selection of several
 * lines (the CSP blocks it, and CodeMirror redraws those lines itself).
 */
const NOT_OURS = [
  /directive 'connect-src' contains an invalid source: 'http:\/\/\[::1\]:\*'/,
  /^Applying inline style violates the following Content Security Policy directive 'style-src 'self''/,
];

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !NOT_OURS.some((re) => re.test(m.text()))) errors.push(m.text());
  });
  return errors;
}

/** Waits for a check's verdict: a busy machine may take seconds to start a worker (no duration is asserted). */
const verdict = expect.configure({ timeout: 20_000 });

const editor = (page: Page) => page.locator('.cm-content');
const status = (page: Page) => page.getByTestId('run-status');

/** Replaces the editor's whole text, as a paste would. */
async function replaceCode(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

/** Selects the first `commanded.router.dispatch` span of the run's trace; its message details. */
async function routerSpanMessage(page: Page) {
  const trace = page.getByTestId('exercise-trace');
  await trace.getByRole('treegrid').getByText('commanded.router.dispatch').first().click();
  return trace.locator('.sbx-message');
}

test('exercise 3: the starter fails with its message; typing the fix passes and shows the trace', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/exercises.html#/exercises/3');
  // The built page carries the site's CSP: the worker and CodeMirror have to work under it.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
    'content',
    /style-src 'self';.*worker-src 'self'/,
  );
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(
    'Inject: context into command metadata',
  );
  await expect(page.getByTestId('goal')).toContainText('commanded.router.dispatch');
  // The Elixir the attendee will write on Monday, beside the statement.
  await expect(page.getByTestId('elixir-sketch')).toContainText('def before_dispatch(');

  await page.getByRole('button', { name: /Run check/ }).click();
  await verdict(status(page)).toContainText('✗ Not yet: 2 of 2 checks fail.');
  const failed = page.getByTestId('assertion').filter({ hasText: 'fails' }).first();
  await expect(failed).toContainText('every dispatched command carries trace_ctx fails');
  // What was expected, and what was found.
  await expect(failed).toContainText('PlaceLabOrder: metadata has request_id but no trace_ctx');
  await expect(page.getByTestId('assertion').filter({ hasText: 'passes' })).toHaveCount(0);
  // The run's own trace shows the command that crossed without context, and its metadata.
  const routerMessage = await routerSpanMessage(page);
  await expect(routerMessage).toContainText(
    'command PlaceLabOrder from Phoenix request to Router: carried no trace context',
  );
  await expect(routerMessage.getByLabel('Message metadata')).toContainText('"request_id"');
  await expect(routerMessage.getByLabel('Message metadata')).not.toContainText('trace_ctx');

  // Type the fix after the comment inside the function body; CodeMirror indents and closes brackets.
  await editor(page).getByText('command.metadata.trace_ctx, the key').click();
  // End goes to the next wrap point of a wrapped line: pressed thrice, it reaches the line's end.
  for (let i = 0; i < 3; i++) await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('const carrier: Record<string, string> = {};');
  await page.keyboard.press('Enter');
  await page.keyboard.type('propagation.inject(context.active(), carrier);');
  await page.keyboard.press('Enter');
  await page.keyboard.type('command.metadata.trace_ctx = carrier;');
  await page.keyboard.press('ControlOrMeta+Enter');

  await verdict(status(page)).toContainText('✓ Passed: all 2 checks pass.');
  await expect(page.getByTestId('assertion').filter({ hasText: 'fails' })).toHaveCount(0);
  await expect(page.getByTestId('solved-badge')).toBeVisible();
  await expect(page.getByTestId('progress-summary')).toContainText('1 of 11 solved');
  await expect(page.getByTestId('facilitator-line')).toHaveText(
    /^1\/11 done, next: 1: The Tracing Plug$/,
  );
  await expect(page.getByTestId('why-it-works')).toContainText(
    'propagation.inject wrote a W3C traceparent',
  );

  // The run's trace, in the sandbox's views: three requests, each one connected trace.
  const trace = page.getByTestId('exercise-trace');
  await expect(trace.getByTestId('trace-row')).toHaveCount(3);
  await expect(trace.locator('[data-testid="trace-row"][data-status="connected"]')).toHaveCount(3);
  await expect(trace.getByTestId('waterfall-meta')).toContainText('37 spans');
  await expect(trace.getByRole('treegrid')).toContainText('commanded.router.dispatch');
  // The same command now carries the context the learner injected.
  const carried = await routerSpanMessage(page);
  await expect(carried).toContainText('carried trace context');
  await expect(carried.getByLabel('Message metadata')).toContainText('"trace_ctx"');
  await expect(carried).toContainText(/traceparent: 00-[0-9a-f]{32}-[0-9a-f]{16}-01/);

  // After a pass the reference solution shows, as a diff against the learner's code, with the
  // Elixir beside it.
  await expect(page.getByTestId('solution-diff')).toBeVisible();
  await expect(page.getByTestId('elixir-solution')).toContainText(
    ':otel_propagator_text_map.inject([])',
  );

  // Progress and code survive a reload.
  await page.reload();
  await expect(page.getByTestId('progress-summary')).toContainText('1 of 11 solved');
  await expect(editor(page)).toContainText('propagation.inject(context.active(), carrier);');
  expect(errors).toEqual([]);
});

test('an endless loop is stopped with its message, and the page stays responsive', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/exercises.html#/exercises/4');
  await replaceCode(page, 'export function extractContext() {\n  for (;;) {}\n}\n');
  await page.getByRole('button', { name: /Run check/ }).click();
  await expect(status(page)).toContainText('Running the check');

  // While the worker spins, the page still answers: hints open, the editor takes input.
  await page.getByRole('button', { name: 'Show hint 1 of 4' }).click();
  await expect(page.getByTestId('hint')).toHaveCount(1);

  await verdict(status(page)).toContainText(
    'Your code did not finish within 1.5 s and was stopped. Is there an endless loop',
  );
  await expect(status(page)).toHaveAttribute('role', 'alert');

  // The next run works as usual.
  await replaceCode(page, "export function extractContext() { throw new Error('oops'); }\n");
  await page.keyboard.press('ControlOrMeta+Enter');
  await verdict(page.getByTestId('assertion').first()).toContainText(
    /no process crashed fails.*crashed: Error: oops/,
  );
  expect(errors).toEqual([]);
});

test('an untouched starter shows no tick: checks with nothing to look at say "not yet"', async ({
  page,
}) => {
  await page.goto('/exercises.html#/exercises/1');
  await page.getByRole('button', { name: /Run check/ }).click();
  await verdict(status(page)).toContainText(
    '✗ Not yet: 1 of 4 checks fails, 3 have nothing to check yet.',
  );
  await expect(page.locator('[data-testid="assertion"][data-status="pass"]')).toHaveCount(0);
  const waiting = page.locator('[data-testid="assertion"][data-status="not-yet"]');
  await expect(waiting).toHaveCount(3);
  await expect(waiting.first()).toContainText('not yet');
  await expect(waiting.first()).toContainText(
    'nothing to check yet: no request has a SERVER span yet',
  );
  await expect(page.getByTestId('facilitator-line')).toContainText(
    '0/11 done, stuck on 1: The Tracing Plug (every request has one SERVER span: req-1 has no SERVER span',
  );
});

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
] as const)
  test(`${width}x${height}: a failing check does not push the page down: the room line stays one line`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/exercises.html#/exercises/1');
    const header = page.locator('.exw-header');
    const before = await header.evaluate((h) => h.getBoundingClientRect().height);
    const line = page.getByTestId('facilitator-line');
    await expect(line).toContainText('next: 1: The Tracing Plug');
    await page.getByRole('button', { name: /Run check/ }).click();
    await expect(line).toContainText('stuck on 1: The Tracing Plug (every request has one SERVER');
    expect(await header.evaluate((h) => h.getBoundingClientRect().height)).toBe(before);
    // One line, cut with an ellipsis; the whole of it is the tooltip.
    const { lineHeight, height: lineBox } = await line.evaluate((p) => ({
      lineHeight: parseFloat(getComputedStyle(p).lineHeight) || 20,
      height: p.getBoundingClientRect().height,
    }));
    expect(lineBox).toBeLessThan(lineHeight * 1.5);
    await expect(line).toHaveAttribute('title', /found no span from the plug at all/);
  });

test('learner code cannot reach the page: it runs in a worker with no DOM', async ({ page }) => {
  await page.goto('/exercises.html#/exercises/3');
  await replaceCode(
    page,
    "export function beforeDispatch() {}\ndocument.body.innerHTML = 'pwned';\n",
  );
  await page.keyboard.press('ControlOrMeta+Enter');
  await verdict(page.getByTestId('assertion').first()).toContainText(
    /the code compiles and loads fails.*ReferenceError: document is not defined/,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Workshop exercises');
});

test('hints come one at a time, reset restores the starter, and the solution shows on request', async ({
  page,
}) => {
  await page.goto('/exercises.html#/exercises/2');
  for (const n of [1, 2, 3, 4]) {
    await page.getByRole('button', { name: `Show hint ${n} of 4` }).click();
    await expect(page.getByTestId('hint')).toHaveCount(n);
  }
  await expect(page.getByRole('button', { name: /Show hint/ })).toHaveCount(0);

  await replaceCode(page, '// mine\n');
  await page.getByRole('button', { name: 'Show solution' }).click();
  await expect(page.getByTestId('solution-diff')).toContainText('solution only: ');
  await page.getByRole('button', { name: 'Reset to starter' }).click();
  await expect(editor(page)).toContainText('export const exray');
  await page.getByRole('button', { name: 'Undo reset' }).click();
  await expect(editor(page)).toHaveText('// mine');
});

test('corrupt saved progress: the page says so, and keeps working', async ({ page }) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, '{"version":2,"exercises":{');
      sessionStorage.setItem('seeded', '1');
    }
  }, STORAGE_KEY);
  await page.goto('/exercises.html#/exercises');
  await expect(page.getByTestId('notice')).toContainText(
    'Your saved progress was damaged (it is not valid JSON)',
  );
  await expect(page.getByTestId('exercise-card')).toHaveCount(11);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('notice')).toHaveCount(0);
});

test('full storage: the page says so and keeps the code in memory', async ({ page }) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.goto('/exercises.html#/exercises/3');
  await replaceCode(page, '// kept in memory\nexport function beforeDispatch() {}\n');
  await expect(page.getByTestId('notice')).toContainText(
    'The browser storage is full, so progress is kept only while this page is open.',
  );
  await page.getByRole('link', { name: /4\. Extract/ }).click();
  await page.getByRole('link', { name: /3\. Inject/ }).click();
  await expect(editor(page)).toContainText('// kept in memory');
  await page.keyboard.press('ControlOrMeta+Enter');
  await verdict(status(page)).toContainText('Not yet');
  expect(errors).toEqual([]);
});

test('partly damaged progress keeps its valid parts', async ({ page }) => {
  await page.addInitScript((key) => {
    localStorage.setItem(
      key,
      JSON.stringify({
        version: 2,
        exercises: {
          '01-tracing-plug': { code: null, passed: true, hintsShown: 9, solvedAt: null },
          '02-exray-spans': 'garbage',
        },
      }),
    );
  }, STORAGE_KEY);
  await page.goto('/exercises.html');
  await expect(page.getByTestId('notice')).toContainText('the valid parts were kept');
  await expect(page.getByTestId('progress-summary')).toContainText('1 of 11 solved');
  await expect(page.getByTestId('exercise-card').first()).toContainText('Solved');
});

test('progress exports to a file and imports again; a bad file changes nothing', async ({
  page,
}) => {
  await page.addInitScript((key) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(
        key,
        JSON.stringify({
          version: 2,
          exercises: {
            '01-tracing-plug': { code: null, passed: true, hintsShown: 1, solvedAt: null },
          },
        }),
      );
      sessionStorage.setItem('seeded', '1');
    }
  }, STORAGE_KEY);
  await page.goto('/exercises.html');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('tracing-in-elixir-exercises.json');
  const path = await download.path();

  await page.evaluate((key) => localStorage.removeItem(key), STORAGE_KEY);
  await page.reload();
  await expect(page.getByTestId('progress-summary')).toContainText('0 of 11 solved');

  const input = page.getByTestId('import-progress');
  await input.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"nope": true}'),
  });
  await expect(page.getByTestId('notice')).toContainText(
    'That file is not an exercise progress export from this site; your progress is unchanged.',
  );
  await expect(page.getByTestId('progress-summary')).toContainText('0 of 11 solved');

  await input.setInputFiles(path);
  await expect(page.getByTestId('notice').last()).toContainText(
    'Progress imported: 1 of 11 exercises solved.',
  );
  await expect(page.getByTestId('progress-summary')).toContainText('1 of 11 solved');
});

test('1280x720: a goal note that wraps keeps its arrow with its word, a short note whole and a long one breaks after commas', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/exercises.html#/exercises/3');
  const goal = page.getByTestId('goal');
  await expect(goal).toBeVisible();
  const lines = (text: string) =>
    goal.locator('.exw-goal-word', { hasText: text }).evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
  // At this width both notes wrap below their span's name; each still reads as one piece.
  expect(await lines('→ trace_ctx')).toBe(1);
  expect(await lines('Router process')).toBe(1);

  // A long note breaks after its comma ('batch of' over '3)' before), and a list of link
  // targets draws every target alike (the first as a note, the others bold as spans, before).
  await page.goto('/exercises.html#/exercises/8');
  await expect(goal).toBeVisible();
  expect(await lines('batch of 3)')).toBe(1);
  const weights = await goal.evaluate((el) =>
    [...el.querySelectorAll('span')]
      .filter((s) => !s.querySelector('span') && /^-> commanded/.test(s.textContent ?? ''))
      .map((s) => getComputedStyle(s).fontWeight),
  );
  expect(weights).toHaveLength(3);
  expect(new Set(weights).size).toBe(1);
});

test('390x844: every goal tree shows its names whole, without a sideways scroll', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const n of EXERCISE_IDS.map((_, i) => i + 1)) {
    await page.goto(`/exercises.html#/exercises/${n}`);
    const goal = page.getByTestId('goal');
    await expect(goal).toBeVisible();
    // Measured once the tree has fitted itself to its width.
    await expect
      .poll(() => goal.evaluate((el) => el.scrollWidth - el.clientWidth), { message: `goal ${n}` })
      .toBeLessThanOrEqual(0);
    const cut = await goal.evaluate((el) => {
      const right =
        el.getBoundingClientRect().right - parseFloat(getComputedStyle(el).paddingRight);
      // Each word's own box: a name that wraps ends its line with a space, which may hang over.
      const words = (name: Element) =>
        [...name.childNodes]
          .filter((t) => t.nodeType === Node.TEXT_NODE)
          .flatMap((t) =>
            [...(t.textContent ?? '').matchAll(/\S+/g)].map((m) => {
              const range = document.createRange();
              range.setStart(t, m.index);
              range.setEnd(t, m.index + m[0].length);
              return range;
            }),
          );
      return [...el.querySelectorAll('.exw-goal-name')]
        .filter((name) =>
          words(name).some((w) => [...w.getClientRects()].some((r) => r.right > right + 0.5)),
        )
        .map((name) => name.textContent);
    });
    expect(cut, `goal ${n}`).toEqual([]);
  }
});

test("390x844: the editor's wrapped comment lines hang under the comment's text, and a click still puts the cursor where it points", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/exercises.html#/exercises/7');
  const line = page.locator('.cm-line', { hasText: '// NotificationHandler texts' });
  await expect(line).toBeVisible();
  const rows = await line.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    const tops = [...new Set(rects.map((r) => Math.round(r.top)))];
    const leftOf = (top: number) =>
      Math.min(...rects.filter((r) => Math.round(r.top) === top).map((r) => r.left));
    const ch = parseFloat(getComputedStyle(el).fontSize) * 0.6;
    return { lefts: tops.map(leftOf), ch };
  });
  // It wraps at this width; each continuation starts three columns in, past the '// '.
  expect(rows.lefts.length).toBeGreaterThan(1);
  const [first = 0, ...rest] = rows.lefts;
  for (const left of rest) expect(Math.abs(left - first - 3 * rows.ch)).toBeLessThan(rows.ch);
  // A click at the start of the second row puts the cursor before that row's first character.
  const target = await line.evaluate((el) => {
    const text = el.textContent ?? '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let offset = 0;
    let firstTop: number | undefined;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.textContent ?? '';
      for (let k = 0; k < t.length; k++, offset++) {
        const range = document.createRange();
        range.setStart(n, k);
        range.setEnd(n, k + 1);
        const r = range.getBoundingClientRect();
        if (r.width === 0) continue;
        firstTop ??= r.top;
        if (r.top > firstTop + 2) return { text, offset, x: r.left + 1, y: r.top + r.height / 2 };
      }
    }
    throw new Error('the line did not wrap');
  });
  await page.mouse.click(target.x, target.y);
  await page.keyboard.type('Q');
  await expect(line).toHaveText(
    target.text.slice(0, target.offset) + 'Q' + target.text.slice(target.offset),
  );
});

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
] as const)
  test(`${width}x${height}: the starter's comments read as written, no line broken in two`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    // Exercise 10 opens with the longest comment of all the starters.
    await page.goto('/exercises.html#/exercises/10');
    await expect(page.locator('.cm-line').first()).toBeVisible();
    const comments = await page.locator('.cm-line').evaluateAll((lines) =>
      lines
        .filter((el) => /^\s*\/\//.test(el.textContent ?? ''))
        .map((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0);
          return { text: el.textContent, rows: new Set(rects.map((r) => Math.round(r.top))).size };
        }),
    );
    expect(comments.length).toBeGreaterThan(8);
    expect(comments.filter((c) => c.rows !== 1)).toEqual([]);
  });

test('390x844: the Elixir sketch wraps under its own indentation, between words, and copies as written', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [i, exercise] of EXERCISES.entries()) {
    await page.goto(`/exercises.html#/exercises/${i + 1}`);
    const sketch = page.getByTestId('elixir-sketch');
    await expect(sketch).toBeVisible();
    // What a copy takes: the code itself, one newline per line, no extra blank lines.
    expect((await sketch.innerText()).replace(/\n$/, ''), exercise.id).toBe(
      exercise.elixir.sketch.replace(/\n$/, ''),
    );
    const faults = await sketch.evaluate((pre) => {
      // Every character's place, line by line of the code: where each line wraps, and where its
      // rows start.
      const lines: { ch: string; top: number; left: number }[][] = [[]];
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode())
        for (let k = 0; k < (t.textContent ?? '').length; k++) {
          const ch = t.textContent?.[k] ?? '';
          if (ch === '\n') {
            lines.push([]);
            continue;
          }
          const range = document.createRange();
          range.setStart(t, k);
          range.setEnd(t, k + 1);
          const r = range.getClientRects()[0];
          if (r) lines.at(-1)?.push({ ch, top: r.top, left: r.left });
        }
      const found: string[] = [];
      for (const chars of lines) {
        const text = chars.map((c) => c.ch).join('');
        const first = chars.find((c) => /\S/.test(c.ch));
        for (let k = 1; k < chars.length; k++) {
          const [before, at] = [chars[k - 1]!, chars[k]!];
          if (at.top <= before.top + 1) continue;
          if (!/[\s.([{]/.test(before.ch) && !/\s/.test(at.ch))
            found.push(`broke mid-word at "${before.ch}|${at.ch}" in ${text}`);
          // A continuation starts right of where its line's code starts.
          if (first && at.left <= first.left + 1)
            found.push(`continues at or left of its line's start: ${text}`);
        }
      }
      return found;
    });
    expect(faults, exercise.id).toEqual([]);
  }
});

test('the list shows every exercise in story order, reachable by keyboard', async ({ page }) => {
  await page.goto('/exercises.html#/exercises');
  const cards = page.getByTestId('exercise-card');
  await expect(cards).toHaveCount(11);
  await expect(cards.first()).toContainText('Not started');
  // Nobody is stuck before they begin: the room's line says what comes next.
  await expect(page.getByTestId('facilitator-line')).toHaveText(
    '0/11 done, next: 1: The Tracing Plug',
  );
  await cards.nth(2).getByRole('link').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/exercises\/3$/);
  await expect(page.getByRole('heading', { level: 2 })).toBeFocused();
});

test('from nothing to the last exercise: every reference solution passes in the browser', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/exercises.html');
  await page.getByRole('link', { name: /Start with exercise 1/ }).click();
  for (const n of EXERCISE_IDS.map((_, i) => i + 1)) {
    const id = EXERCISE_IDS[n - 1]!;
    await expect(page).toHaveURL(new RegExp(`#/exercises/${n}$`));
    // The goal tree wraps its long lines: nothing of it hides past the column's edge.
    const goal = page.getByTestId('goal');
    expect(await goal.evaluate((e) => e.scrollWidth - e.clientWidth), `exercise ${n}`).toBe(0);
    await replaceCode(page, readFileSync(join(EXERCISES_DIR, id, 'solution.ts'), 'utf8'));
    await page.keyboard.press('ControlOrMeta+Enter');
    await verdict(status(page)).toContainText('✓ Passed');
    await expect(page.getByTestId('progress-summary')).toContainText(`${n} of 11 solved`);
    await expect(page.getByTestId('why-it-works')).toBeVisible();
    await expect(page.getByTestId('exercise-trace').getByTestId('trace-row').first()).toBeVisible();
    if (n < EXERCISE_IDS.length)
      await page.getByRole('link', { name: new RegExp(`^Next: exercise ${n + 1}`) }).click();
  }
  await page.getByRole('link', { name: 'Workshop exercises' }).click();
  await expect(page.getByText('All solved. Well done.')).toBeVisible();
  await expect(page.getByTestId('facilitator-line')).toHaveText('11/11 done, all solved');
  await expect(page.locator('[data-testid="exercise-card"][data-status="solved"]')).toHaveCount(11);
  expect(errors).toEqual([]);
});
