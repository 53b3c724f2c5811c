import { ROOT_CONTEXT } from '@opentelemetry/api';
import type { PropagationStrategy } from './PropagationStrategy.ts';
import { popSpan, processActive, pushContext, pushSpan } from './processStack.ts';

/**
 * `process`: a span stack per process, in its process dictionary, as Otter and Spandex keep it.
 * Nesting inside one process is right; nothing crosses a process boundary, because Otter has no
 * carriers, so every hop starts a new root trace.
 */
export function processStrategy(): PropagationStrategy {
  return {
    mode: 'process',
    active: processActive,
    started: (proc, span, parent) => pushSpan(proc, span, parent),
    ended: (proc) => popSpan(proc),
    attach: pushContext,
    detach: popSpan,
    inject: () => {},
    consume: () => ({ parent: ROOT_CONTEXT, links: [], carried: false }),
    requestDone: () => {},
    lingering: () => 0,
  };
}
