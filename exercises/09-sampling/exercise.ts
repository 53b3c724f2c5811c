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
    // Your code here: today this records every span, whatever
    // its parent decided.
    return { decision: SamplingDecision.RECORD_AND_SAMPLED };
  },
  toString: () => 'DownstreamSampler',
};
