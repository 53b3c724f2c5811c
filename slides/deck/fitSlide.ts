/**
 * Makes a rendered slide fit its stage, as Deckset does, after every render:
 * 1. `[.code-highlight]`: dims the lines the current build does not highlight;
 * 2. `# [fit]` headings grow or shrink to the slide's width;
 * 3. `[.autoscale: true]` shrinks the slide's text until it fits;
 * 4. code blocks shrink to fit the width and the height left, down to a floor below which the
 *    block is cut at the slide's edge and says how many lines were cut;
 * 5. inline pictures shrink to the height left.
 * Sizes are set in cqw (a share of the stage's width), so the result holds at any window size.
 */

/** The smallest share of its normal size code may shrink to: about 17 px at 1920x1080. */
export const CODE_FLOOR = 0.45;

/** The largest a `[fit]` heading may grow, in cqw: a short word still leaves room below it. */
const FIT_MAX_CQW = 24;

export function fitSlide(slide: HTMLElement, opts: { autoscale: boolean; step: number }): void {
  const body = slide.querySelector<HTMLElement>('.slide-body');
  slide.style.removeProperty('--autoscale');
  if (!body) return;
  const cqw = slide.clientWidth / 100;
  if (cqw <= 0) return;
  const overflow = () => body.scrollHeight - body.clientHeight;

  highlightLines(body, opts.step);
  fitHeadings(body, cqw, overflow);
  if (opts.autoscale) autoscale(slide, overflow);
  fitCode(body, cqw, overflow);
  fitImages(body, cqw, overflow);
}

/**
 * The largest text scale at which the slide fits, by bisection: wrapping makes height a step
 * function of the scale, so a ratio would overshoot and leave the slide half empty.
 */
function autoscale(slide: HTMLElement, overflow: () => number): void {
  slide.style.setProperty('--autoscale', '1');
  if (overflow() <= 1) return;
  let lo = 0.2;
  let hi = 1;
  for (let i = 0; i < 7; i++) {
    const mid = (lo + hi) / 2;
    slide.style.setProperty('--autoscale', mid.toFixed(3));
    if (overflow() <= 1) lo = mid;
    else hi = mid;
  }
  slide.style.setProperty('--autoscale', lo.toFixed(3));
}

type LinePlan = { at: number; lines: number[] | 'all' | 'none' }[];

function highlightLines(body: HTMLElement, step: number): void {
  // Steps of a slide without highlights change nothing here: one query, no layout.
  for (const pre of body.querySelectorAll<HTMLElement>('pre[data-highlights]')) {
    let plan: LinePlan;
    try {
      plan = JSON.parse(pre.dataset.highlights ?? '[]') as LinePlan;
    } catch {
      continue;
    }
    const active = plan.filter((p) => p.at <= step).pop() ?? plan[0];
    const lines = active?.lines ?? 'all';
    for (const line of pre.querySelectorAll<HTMLElement>('.line[data-line]')) {
      const n = Number(line.dataset.line);
      const on = lines === 'all' || (lines !== 'none' && lines.includes(n));
      if (on) delete line.dataset.dim;
      else line.dataset.dim = 'true';
    }
  }
}

function fitHeadings(body: HTMLElement, cqw: number, overflow: () => number): void {
  const headings = [...body.querySelectorAll<HTMLElement>('.deck-fit')];
  if (headings.length === 0) return;
  for (const h of headings) {
    h.style.removeProperty('font-size');
    const box = h.parentElement?.clientWidth ?? body.clientWidth;
    const width = h.scrollWidth;
    if (width <= 0 || box <= 0) continue;
    const size = Number.parseFloat(getComputedStyle(h).fontSize) / cqw;
    const fitted = Math.min(FIT_MAX_CQW, (size * box * 0.98) / width);
    h.style.fontSize = `${fitted.toFixed(2)}cqw`;
  }
  // Several `[fit]` lines may be too tall together: shrink them alike until they fit.
  const over = overflow();
  const total = headings.reduce((n, h) => n + h.offsetHeight, 0);
  if (over > 1 && total > 0) {
    const factor = Math.max(0.2, (total - over) / total) * 0.98;
    for (const h of headings) {
      const size = Number.parseFloat(h.style.fontSize);
      h.style.fontSize = `${(size * factor).toFixed(2)}cqw`;
    }
  }
}

function fitCode(body: HTMLElement, cqw: number, overflow: () => number): void {
  const pres = [...body.querySelectorAll<HTMLElement>('pre')];
  if (pres.length === 0) return;
  const scales = new Map<HTMLElement, number>();
  const setScale = (pre: HTMLElement, s: number) => {
    scales.set(pre, s);
    pre.style.setProperty('--code-scale', s.toFixed(3));
  };
  for (const pre of pres) {
    pre.style.removeProperty('--code-scale');
    pre.style.removeProperty('max-height');
    delete pre.dataset.cut;
    delete pre.dataset.cutLines;
    // Width: the longest line fits.
    const wide = pre.scrollWidth / Math.max(1, pre.clientWidth);
    setScale(pre, Math.max(CODE_FLOOR, Math.min(1, 0.99 / wide)));
  }
  // Height: shrink every block by the share of the overflow its height explains.
  for (let i = 0; i < 6; i++) {
    const over = overflow();
    if (over <= 1) break;
    const total = pres.reduce((n, p) => n + p.offsetHeight, 0);
    if (total <= 0) break;
    const factor = Math.max(0, (total - over) / total) * 0.98;
    let moved = false;
    for (const pre of pres) {
      const s = scales.get(pre) ?? 1;
      const next = Math.max(CODE_FLOOR, s * factor);
      if (next < s - 0.001) moved = true;
      setScale(pre, next);
    }
    if (!moved) break;
  }
  for (const pre of pres) {
    if (pre.scrollWidth > pre.clientWidth + 2) pre.dataset.cut = 'right';
  }
  // Still too tall at the floor: cut the last block at the slide's edge and say so.
  const over = overflow();
  const last = pres[pres.length - 1];
  if (over > 1 && last) {
    const keep = Math.max(last.offsetHeight * 0.3, last.offsetHeight - over);
    last.style.maxHeight = `${(keep / cqw).toFixed(2)}cqw`;
    const bottom = last.getBoundingClientRect().top + keep;
    const hidden = [...last.querySelectorAll<HTMLElement>('.line')].filter(
      (l) => l.getBoundingClientRect().bottom > bottom - 1,
    ).length;
    last.dataset.cut = 'bottom';
    last.dataset.cutLines = String(hidden || '');
  }
}

function fitImages(body: HTMLElement, cqw: number, overflow: () => number): void {
  const images = [
    ...body.querySelectorAll<HTMLElement>(
      '.deck-image[data-place="inline"], .deck-image:not([data-place])',
    ),
  ];
  if (images.length === 0) return;
  for (const img of images) img.style.removeProperty('max-height');
  for (let i = 0; i < 4; i++) {
    const over = overflow();
    if (over <= 1) break;
    for (const img of images) {
      const h = img.offsetHeight;
      if (h <= 0) continue;
      img.style.maxHeight = `${(Math.max(2 * cqw, h - over) / cqw).toFixed(2)}cqw`;
    }
  }
}
