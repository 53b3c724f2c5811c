/**
 * Time-axis ticks at round values (1, 2 or 5 × 10ⁿ µs) spaced so that no two labels overlap:
 * at most one tick per `minGapPx` of axis. Returns offsets from the start of the range, in µs.
 */
export function niceTicks(rangeUs: number, widthPx: number, minGapPx = 72): number[] {
  if (!(rangeUs > 0) || !(widthPx > 0)) return [0];
  const most = Math.max(1, Math.floor(widthPx / minGapPx));
  const raw = rangeUs / most;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? 10 * pow;
  const ticks: number[] = [];
  for (let t = 0; t <= rangeUs + 1e-9; t += step) ticks.push(t);
  return ticks;
}
