import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { PropagationStrategy } from './PropagationStrategy.ts';
import { extractFrom, injectInto } from './carrier.ts';
import { popSpan, processActive, pushContext, pushSpan, setExtracted } from './processStack.ts';

/**
 * `metadata`: the fix. The per-process stack stays, and every producer injects the current
 * context into the command or event metadata; every consumer extracts it and continues the trace.
 * This is what Alexander did by hand, and what opentelemetry_commanded does today.
 *
 * `links` is the same, except that event consumers start a trace of their own with a link to the
 * producer, as the messaging conventions recommend for batches.
 */
export function metadataStrategy(useLinks = false): PropagationStrategy {
  return {
    mode: useLinks ? 'links' : 'metadata',
    active: processActive,
    started: (proc, span, parent) => pushSpan(proc, span, parent),
    ended: (proc) => popSpan(proc),
    attach: pushContext,
    detach: popSpan,
    inject: (proc, metadata) => injectInto(processActive(proc), metadata),
    consume(proc, metadata, kind) {
      const extracted = extractFrom(metadata);
      if (!extracted) return { parent: ROOT_CONTEXT, links: [], carried: false };
      // Only a links-mode event consumer needs the producer's span context on its own.
      const producer = useLinks && kind === 'event' ? trace.getSpanContext(extracted) : undefined;
      if (producer) return { parent: ROOT_CONTEXT, links: [{ context: producer }], carried: true };
      setExtracted(proc, extracted);
      return { parent: extracted, links: [], carried: true };
    },
    requestDone: () => {},
    lingering: () => 0,
  };
}
