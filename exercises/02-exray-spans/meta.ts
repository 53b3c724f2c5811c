import type { Exercise } from '../lib/Exercise.ts';
import { assertion, checked } from '../lib/check.ts';
import { referenceHint } from '../lib/hints.ts';
import { byRequest, serverSpanOf } from '../lib/rules.ts';
import { parentId, parentWords, spanId } from '../lib/traceQueries.ts';

const FUNCTIONS = ['Stuff.get_stuff/1', 'Stuff.update_stuff/2'];
const NO_SPANS = 'startSpan has not returned a span yet';

export const exercise: Exercise = {
  id: '02-exray-spans',
  number: 2,
  title: 'Nested spans in one process',
  statement: [
    "Alexander's proof of concept: `PUT /stuff/:id` in one Phoenix process, with ExRay's `@trace` on the functions it calls. Write ExRay's `pre:` and `post:` functions.",
    "`startSpan` opens a span for the call under the process's current span and makes it current; `finishSpan` ends it and makes the previous span current again. Together they keep a span stack per process.",
    'Both functions must end up children of the request span, side by side: if `finishSpan` forgets to pop, `update_stuff` nests inside `get_stuff`.',
  ],
  goal: `PUT /stuff/:id               SERVER
├─ Stuff.get_stuff/1         component=ExRay action=get
└─ Stuff.update_stuff/2      component=ExRay action=update`,
  hints: [
    "Ask yourself which context the new span should start from. The third argument of `startSpan` is its parent context; what is the process's current one?",
    'A stack has a push and a pop. Pushing is attaching a context that holds the new span; what undoes an attach?',
    'Order matters in `finishSpan`: the span is ended at `api.now()`, and the process must be back on its previous span before the next traced function starts.',
    referenceHint('02-exray-spans'),
  ],
  why: 'Each process has a stack of contexts. startSpan starts the span under the top of that stack and pushes a context holding it; finishSpan pops it. So when update_stuff starts, get_stuff is already popped and the request span is on top again: the two become siblings. This per-process stack is what Otter and Spandex kept in the process dictionary, and what OpenTelemetry.Ctx does today.',
  elixir: {
    sketch: `defmodule Stuff do
  use ExRay, pre: :before_fun, post: :after_fun
  require OpenTelemetry.Tracer, as: Tracer

  @trace kind: :get
  def get_stuff(id), do: ...

  # ExRay calls these around every @trace function:
  defp before_fun(ctx), do: # start a span under the current one, make it current
  defp after_fun(ctx, span, _result), do: # end it, restore the previous one
end`,
    solution: `defmodule Stuff do
  use ExRay, pre: :before_fun, post: :after_fun
  require OpenTelemetry.Tracer, as: Tracer

  defp before_fun(ctx) do
    span = Tracer.start_span("#{ctx.target}", %{attributes: %{component: "ExRay", action: ctx.meta[:kind]}})
    token = OpenTelemetry.Ctx.attach(Tracer.set_current_span(OpenTelemetry.Ctx.get_current(), span))
    {span, token}
  end

  defp after_fun(_ctx, {span, token}, _result) do
    OpenTelemetry.Span.end_span(span)
    OpenTelemetry.Ctx.detach(token)
  end
end

# Today the whole pair is one macro: Tracer.with_span "Stuff.get_stuff/1" do ... end`,
  },
  exports: ['exray'],
  run: { scenario: 'proof-of-concept', mode: 'process', requests: 2, concurrency: 2, seed: 202 },
  rules: [
    ({ spans }) => {
      const problems: string[] = [];
      for (const [request, group] of byRequest(spans)) {
        for (const name of FUNCTIONS) {
          const found = group.filter((s) => s.name === name);
          if (found.length === 0) {
            const others = group
              .filter((s) => s.attributes.component === 'ExRay')
              .map((s) => `"${s.name}"`);
            problems.push(
              `${request}: expected a span named "${name}"; found ${others.length > 0 ? `ExRay spans named ${[...new Set(others)].join(', ')}` : 'none: startSpan returned no span'}`,
            );
          } else if (found.length > 1)
            problems.push(
              `${request} has ${found.length} spans for ${name}; expected one per call`,
            );
        }
      }
      return assertion('every @trace function has a span', problems);
    },
    ({ spans }) => {
      const problems: string[] = [];
      let seen = 0;
      for (const [request, group] of byRequest(spans)) {
        const server = serverSpanOf(group);
        if (!server) continue;
        const get = group.find((s) => s.name === FUNCTIONS[0]);
        const update = group.find((s) => s.name === FUNCTIONS[1]);
        if (get || update) seen++;
        if (update && get && parentId(update) === spanId(get))
          problems.push(
            `${request}: expected \`Stuff.update_stuff/2\` beside \`Stuff.get_stuff/1\`; it is inside it: finishSpan did not pop what startSpan pushed`,
          );
        else
          for (const s of [get, update])
            if (s && parentId(s) !== spanId(server))
              problems.push(
                `${request}: expected \`${s.name}\` under the request span \`${server.name}\`; it ${parentWords(s, spans)}`,
              );
      }
      return checked(
        'function spans are children of the request span, side by side',
        seen,
        problems,
        NO_SPANS,
      );
    },
    ({ spans, openSpans }) => {
      const ours = spans.filter((s) => FUNCTIONS.includes(s.name));
      const problems =
        openSpans > 0
          ? [`${openSpans} span(s) never ended; expected finishSpan to end each one`]
          : [];
      const bad = ours.find((s) => s.attributes.component !== 'ExRay');
      if (bad)
        problems.push(
          `\`${bad.name}\` has component=${JSON.stringify(bad.attributes.component) ?? 'missing'}; expected component="ExRay"`,
        );
      const action = ours.find((s) => s.attributes.action === undefined);
      if (action)
        problems.push(`\`${action.name}\` has no \`action\` attribute; expected call.kind`);
      return checked(
        'every function span ends, with component="ExRay" and its action',
        ours.length + openSpans,
        problems,
        NO_SPANS,
      );
    },
  ],
};
