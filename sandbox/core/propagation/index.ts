import type { PropagationMode, PropagationStrategy } from './PropagationStrategy.ts';
import { globalStrategy } from './globalStrategy.ts';
import { metadataStrategy } from './metadataStrategy.ts';
import { processStrategy } from './processStrategy.ts';

export {
  MODES,
  carriesContext,
  type PropagationMode,
  type PropagationStrategy,
} from './PropagationStrategy.ts';

/** A fresh strategy for one run (global mode keeps a table of its own). */
export function createStrategy(mode: PropagationMode): PropagationStrategy {
  switch (mode) {
    case 'global':
      return globalStrategy();
    case 'process':
      return processStrategy();
    case 'metadata':
      return metadataStrategy(false);
    case 'links':
      return metadataStrategy(true);
  }
}

/** One line per mode, for the CLI's help and the sandbox's mode picker. */
export const MODE_DESCRIPTIONS: Record<PropagationMode, string> = {
  global:
    'One shared "current span" table for the whole node (ExRay\'s ETS table): looks fine for one request, mixes concurrent ones.',
  process:
    'A span stack per process (Otter, Spandex): nesting is right, but every process hop starts a new trace.',
  metadata:
    'Inject W3C trace context into command and event metadata, extract it in each handler: one connected trace.',
  links:
    'Like metadata, but event handlers start their own trace with a link to the producer, as for batches.',
};
