import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

export type SpanListener = (phase: 'start' | 'end', span: ReadableSpan) => void;

/**
 * Streams span starts and ends out of the SDK as they happen, so that a view can draw spans while
 * they are still open. The SDK's own Simple/Batch processors only see spans once they end.
 */
export class StreamingSpanProcessor implements SpanProcessor {
  constructor(
    private readonly listener: SpanListener,
    /** Adds attributes every span gets, whoever started it (simulation code or learner code). */
    private readonly stamp?: (span: Span) => void,
  ) {}

  onStart(span: Span, _parentContext: Context): void {
    this.stamp?.(span);
    this.listener('start', span);
  }

  onEnd(span: ReadableSpan): void {
    this.listener('end', span);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
