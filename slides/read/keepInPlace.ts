/** What the reader does that means "I am moving on": the page stops holding its place then. */
const INPUTS = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;

/**
 * Holds `el` where it is in the view while the page around it settles, for a jump to a section:
 * panels above it whose code is still loading (a guided step, a question) grow when it arrives,
 * and the section would move away under the reader. Stops at the reader's next wheel, key, click
 * or touch, a second after `settled`, and after `limitMs` at most. Returns the stop function.
 */
export function keepInPlace(el: Element, settled: Promise<unknown>, limitMs = 10_000): () => void {
  const want = el.getBoundingClientRect().top;
  let done = false;
  const observer = new ResizeObserver(() => {
    const drift = el.getBoundingClientRect().top - want;
    if (!done && Math.abs(drift) > 1) scrollBy(0, drift);
  });
  const stop = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(limit);
    for (const e of INPUTS) removeEventListener(e, stop, true);
  };
  observer.observe(document.body);
  for (const e of INPUTS) addEventListener(e, stop, { capture: true, passive: true });
  const limit = setTimeout(stop, limitMs);
  void settled.then(() => setTimeout(stop, 1000));
  return stop;
}
