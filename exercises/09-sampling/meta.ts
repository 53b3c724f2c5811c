import { SamplingDecision, TraceFlags, trace } from '@opentelemetry/api';
import type { Exercise } from '../lib/Exercise.ts';
import { checked, record, type Seen } from '../lib/check.ts';
import { referenceHint } from '../lib/hints.ts';
import { describeSpan, parentId, requestIdOf, spanId } from '../lib/traceQueries.ts';

/** One decision the learner's sampler made for a span with a parent. */
interface Decision {
  span: string;
  parentSampled: boolean;
  parentRemote: boolean;
  decision: SamplingDecision;
}

const DECISIONS: Record<number, string> = {
  [SamplingDecision.NOT_RECORD]: 'NOT_RECORD',
  [SamplingDecision.RECORD]: 'RECORD',
  [SamplingDecision.RECORD_AND_SAMPLED]: 'RECORD_AND_SAMPLED',
};

export const exercise: Exercise = {
  id: '09-sampling',
  number: 9,
  title: 'Sampling: a trace with holes',
  statement: [
    "Traces cost money, so the web tier keeps half of them: its sampler decides at the root and writes the decision into the traceparent's sampled flag (`-01` kept, `-00` dropped). Every other service uses the sampler in this file, and it records everything.",
    'So for the half the web tier dropped, the router, the aggregates and the handlers still record spans whose parents nobody will ever see: traces with holes, and a bill for them. Make the downstream sampler parent-based: follow the decision the parent already made, and decide only for a span that has no parent.',
  ],
  goal: `req-1  sampled at the web tier  -> recorded whole
req-2  dropped at the web tier  -> nothing recorded
req-3  sampled                  -> recorded whole ...`,
  hints: [
    'A sampler is asked once per span, before the span exists, with the context it will start from. The parent, if any, is in that context.',
    "The parent's decision travels in its span context's `traceFlags`: one bit, `TraceFlags.SAMPLED`. It is there for a parent from another process too, because it rode in the traceparent.",
    'A parent span from another process is not a recording span here, even when it was sampled there: ask the flag, not the span.',
    referenceHint('09-sampling'),
  ],
  why: "The web tier decided once, at the root, and the decision rode along in every traceparent's sampled flag. Your sampler read that flag in every service and followed it, so each trace is now recorded whole or not at all: no span is kept whose parent was dropped. A trace has holes when services decide independently; that is why OpenTelemetry's default is parent-based, and why the decision belongs at the edge.",
  elixir: {
    sketch: `# config/runtime.exs: how does each service decide which spans to record?
config :opentelemetry,
  sampler: # ...`,
    solution: `# config/runtime.exs, in every service
config :opentelemetry,
  sampler: {:parent_based, %{root: {:trace_id_ratio_based, 0.5}}}

# :parent_based follows the sampled flag of a local or remote parent, and asks
# the root sampler only for a span with no parent. (It is the default, with root :always_on.)
# A custom sampler implements the :otel_sampler behaviour: setup/1, description/1, should_sample/7.`,
  },
  exports: ['sampler'],
  run: {
    scenario: 'lab-order',
    mode: 'metadata',
    faults: ['unsampled-parent'],
    requests: 6,
    concurrency: 2,
    seed: 8,
  },
  observe: (hooks, seen) => {
    const learner = hooks.sampler!;
    return {
      ...hooks,
      sampler: {
        shouldSample(ctx, traceId, name, kind, attributes, links) {
          const result = learner.shouldSample(ctx, traceId, name, kind, attributes, links);
          const parent = trace.getSpanContext(ctx);
          if (parent)
            record(seen, 'decisions', {
              span: name,
              parentSampled: (parent.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED,
              parentRemote: parent.isRemote === true,
              decision: result?.decision,
            } satisfies Decision);
          return result;
        },
        toString: () => learner.toString(),
      },
    };
  },
  rules: [
    (_run, seen: Seen) => {
      const decisions = (seen.decisions ?? []) as Decision[];
      const wrong = decisions.filter(
        (d) =>
          (d.decision === SamplingDecision.RECORD_AND_SAMPLED) !== d.parentSampled ||
          d.decision === SamplingDecision.RECORD,
      );
      const problems: string[] = [];
      for (const sampled of [false, true]) {
        const d = wrong.find((w) => w.parentSampled === sampled);
        if (!d) continue;
        const count = wrong.filter((w) => w.parentSampled === sampled).length;
        problems.push(
          `for \`${d.span}\`, whose ${d.parentRemote ? 'remote ' : ''}parent is ${sampled ? 'sampled (flag 01)' : 'not sampled (flag 00)'}, the sampler decided ${DECISIONS[d.decision] ?? String(d.decision)}; expected ${sampled ? 'RECORD_AND_SAMPLED' : 'NOT_RECORD'}${count > 1 ? ` (${count} such spans)` : ''}`,
        );
      }
      return checked(
        "the sampler follows the parent's decision",
        decisions.length,
        problems,
        'no span with a parent has been sampled downstream',
      );
    },
    ({ spans }) => {
      const ids = new Set(spans.map(spanId));
      const downstream = spans.filter((s) => s.resource.attributes['service.name'] !== 'web');
      const holes = downstream.filter((s) => parentId(s) && !ids.has(parentId(s)!));
      const requests = [...new Set(holes.map(requestIdOf))];
      const problems = requests.slice(0, 2).map((request) => {
        const recorded = downstream.filter((s) => requestIdOf(s) === request).length;
        const first = holes.find((s) => requestIdOf(s) === request)!;
        return `${request}: the web tier dropped its root, yet ${recorded} spans were recorded downstream, starting at ${describeSpan(first)} whose parent was never recorded; expected none`;
      });
      if (requests.length > 2) problems.push(`the same in ${requests.length - 2} more requests`);
      return checked(
        'no trace has holes',
        downstream.length,
        problems,
        'no span was recorded downstream of the web tier',
      );
    },
  ],
};
