import { ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';
import type { CurrentSpanStore } from '../hooks.ts';
import type { SimProcess } from '../process.ts';
import type { PropagationStrategy } from './PropagationStrategy.ts';
import { injectInto } from './carrier.ts';
import { extractedOf } from './processStack.ts';

const PREVIOUS_KEY = '$store_previous';

/**
 * Metadata propagation, but the current context lives in a store that someone else wrote: the
 * workshop's global-state exercise. A store keyed by pid behaves like the process dictionary;
 * one shared slot behaves like ExRay's ETS table and mixes concurrent requests.
 */
export function storeStrategy(
  store: CurrentSpanStore,
  inner: PropagationStrategy,
): PropagationStrategy {
  const previous = (proc: SimProcess): (Context | undefined)[] => {
    let stack = proc.dict.get(PREVIOUS_KEY) as (Context | undefined)[] | undefined;
    if (!stack) proc.dict.set(PREVIOUS_KEY, (stack = []));
    return stack;
  };
  const active = (proc: SimProcess): Context =>
    store.get(proc.pid) ?? extractedOf(proc) ?? ROOT_CONTEXT;
  const push = (proc: SimProcess, ctx: Context) => {
    previous(proc).push(store.get(proc.pid));
    store.set(proc.pid, ctx);
  };
  const pop = (proc: SimProcess) => store.set(proc.pid, previous(proc).pop());
  return {
    ...inner,
    active,
    // The hook's store gets a real context at once: its code may read it any time.
    started: (proc, span, parent) => push(proc, trace.setSpan(parent, span)),
    ended: (proc) => pop(proc),
    attach: push,
    detach: pop,
    inject: (proc, metadata) => injectInto(active(proc), metadata),
  };
}
