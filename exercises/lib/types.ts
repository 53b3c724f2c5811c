/**
 * The types exercise code is written against. Import them with `import type`: they vanish when
 * the code is compiled, so the same file runs in the browser and in Node.
 */
export type {
  Conn,
  CurrentSpanStore,
  Hooks,
  ProcessApi,
  TracedCall,
} from '../../sandbox/core/hooks.ts';
export type { CommandEnvelope, EventEnvelope } from '../../sandbox/core/domain.ts';
export type { Metadata } from '../../sandbox/core/envelope.ts';
export type { Sampler } from '@opentelemetry/sdk-trace-base';
