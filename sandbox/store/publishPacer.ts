/**
 * How often the live scene publishes to the page (one store `set`, so every list, tree and
 * statistic re-renders). At a speaker's pace, every animation frame: bars grow smoothly. While
 * spans stream faster than anyone can read them, re-rendering 60 times a second costs most of
 * the main thread (lists, filters and problem scans over tens of thousands of spans) and shows
 * nothing a person can follow; then the page publishes at most `slowHz` times a second, and the
 * canvas drawers (the topology's messages in flight) draw at most `drawHz` times a second. The
 * simulation itself still runs every frame, so virtual time keeps its pace.
 */
export interface PacerOptions {
  /** Spans ended per second above which publishing slows down. */
  busySpansPerSecond: number;
  /** Publishes per second while busy. */
  slowHz: number;
  /** Canvas redraws per second while busy. */
  drawHz: number;
}

export const DEFAULT_PACER: PacerOptions = { busySpansPerSecond: 600, slowHz: 8, drawHz: 15 };

export class PublishPacer {
  private lastPublish = -Infinity;
  private lastDraw = -Infinity;
  private rateAt = -Infinity;
  private endedAt = 0;
  /** Spans ended per second, over the last completed quarter second. */
  rate = 0;

  constructor(private readonly opts: PacerOptions = DEFAULT_PACER) {}

  /** Every frame: measures the rate spans end at (frame time `t` in ms). */
  tick(t: number, spansEnded: number): void {
    if (t - this.rateAt < 250) return;
    if (Number.isFinite(this.rateAt))
      this.rate = ((spansEnded - this.endedAt) * 1000) / (t - this.rateAt);
    this.rateAt = t;
    this.endedAt = spansEnded;
  }

  /** Whether the page should hear about the changes now, at frame time `t`. */
  shouldPublish(t: number): boolean {
    if (this.busy && t - this.lastPublish < 1000 / this.opts.slowHz) return false;
    this.lastPublish = t;
    return true;
  }

  /** Whether the canvas drawers run at frame time `t`. */
  shouldDraw(t: number): boolean {
    if (this.busy && t - this.lastDraw < 1000 / this.opts.drawHz) return false;
    this.lastDraw = t;
    return true;
  }

  get busy(): boolean {
    return this.rate > this.opts.busySpansPerSecond;
  }

  /** A new run: its first frames publish at once. */
  reset(): void {
    this.lastPublish = -Infinity;
    this.lastDraw = -Infinity;
    this.rateAt = -Infinity;
    this.rate = 0;
  }
}
