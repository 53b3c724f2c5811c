import type { Tracer } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOnSampler,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type IdGenerator,
  type Sampler,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { WebTracerProvider } from '@opentelemetry/sdk-trace-web';

/** The simulated services. Each gets its own provider, so each span carries the right service.name. */
export const SERVICES = [
  'web',
  'commanded',
  'lab_orders',
  'sample_collection',
  'event_store',
  'projections',
  'notifications',
] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface ProviderOptions {
  idGenerator: IdGenerator;
  processor: SpanProcessor;
  /**
   * The "unsampled parent" fault: the web tier samples half of all traces, and downstream
   * services sample on their own instead of following the parent's decision.
   */
  unsampledParent: boolean;
  /** A sampler of someone else's for every service but the web tier (the sampling exercise). */
  downstreamSampler?: Sampler;
}

function samplerFor(service: ServiceName, unsampledParent: boolean): Sampler {
  if (!unsampledParent) return new ParentBasedSampler({ root: new AlwaysOnSampler() });
  return service === 'web' ? new TraceIdRatioBasedSampler(0.5) : new AlwaysOnSampler();
}

/** One WebTracerProvider per service, HotROD-style: several services in one runtime. */
export function createTracers(opts: ProviderOptions): Record<ServiceName, Tracer> {
  const tracers = {} as Record<ServiceName, Tracer>;
  for (const service of SERVICES) {
    const provider = new WebTracerProvider({
      // A full resource of our own: the SDK's default would differ between Node and browsers.
      resource: resourceFromAttributes({
        'service.name': service,
        'service.namespace': 'smallcentrix',
        'telemetry.sdk.name': 'opentelemetry',
        'telemetry.sdk.language': 'webjs',
        'deployment.environment.name': 'simulation',
      }),
      idGenerator: opts.idGenerator,
      sampler:
        opts.downstreamSampler && service !== 'web'
          ? opts.downstreamSampler
          : samplerFor(service, opts.unsampledParent),
      spanProcessors: [opts.processor],
    });
    tracers[service] = provider.getTracer('smallcentrix-sim', '1.0.0');
  }
  return tracers;
}
