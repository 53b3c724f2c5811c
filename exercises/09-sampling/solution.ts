// Exercise 9: sampling, and why a trace can have holes.
//
// The web tier keeps half of all traces: its sampler decides at
// the root, and writes the decision into the traceparent's
// sampled flag. Every other service uses the sampler below,
// which records everything. So for the half the web tier
// dropped, the backend still records spans whose parent nobody
// will ever see. Make this sampler respect the decision the
// trace already carries.
import {
  SamplingDecision,
  TraceFlags,
  trace,
  type Attributes,
  type Context,
  type Link,
  type SamplingResult,
  type SpanKind,
} from '@opentelemetry/api';

export const sampler = {
  shouldSample(
    parentContext: Context,
    traceId: string,
    spanName: string,
    spanKind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    const parent = trace.getSpanContext(parentContext);
    // No parent: this span starts a trace, and the decision is
    // ours to make. Keep it.
    if (!parent) return { decision: SamplingDecision.RECORD_AND_SAMPLED };
    // A parent, local or from another process: its decision is
    // in the sampled flag. Follow it, so that a trace is
    // recorded whole or not at all.
    const sampled = (parent.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED;
    return {
      decision: sampled ? SamplingDecision.RECORD_AND_SAMPLED : SamplingDecision.NOT_RECORD,
    };
  },
  toString: () => 'DownstreamSampler',
};
