import type { Exercise } from '../lib/Exercise.ts';
import { assertion } from '../lib/check.ts';
import { byRequest, serverSpanOf } from '../lib/rules.ts';
import { parentId, spanId } from '../lib/traceQueries.ts';

const FUNCTIONS = ['Stuff.get_stuff/1', 'Stuff.update_stuff/2'];

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
    'A child of the current span: pass `context.active()` as the third argument of `api.tracer.startSpan`.',
    'Push with `api.attach(trace.setSpan(context.active(), span))`; pop with `api.detach()`.',
    'startSpan: start, attach, return the span. finishSpan: `api.detach()` then `span?.end(api.now())`.',
  ],
  exports: ['exray'],
  run: { scenario: 'proof-of-concept', mode: 'process', requests: 2, concurrency: 2, seed: 202 },
  rules: [
    ({ spans }) => {
      const problems: string[] = [];
      for (const [request, group] of byRequest(spans)) {
        for (const name of FUNCTIONS) {
          const found = group.filter((s) => s.name === name);
          if (found.length === 0)
            problems.push(`${request} has no span for ${name}: startSpan/2 returned none`);
          else if (found.length > 1)
            problems.push(`${request} has ${found.length} spans for ${name}`);
        }
      }
      return assertion('every @trace function has a span', problems);
    },
    ({ spans }) => {
      const problems: string[] = [];
      for (const [request, group] of byRequest(spans)) {
        const server = serverSpanOf(group);
        if (!server) continue;
        const get = group.find((s) => s.name === FUNCTIONS[0]);
        const update = group.find((s) => s.name === FUNCTIONS[1]);
        if (update && get && parentId(update) === spanId(get))
          problems.push(
            `${request}: \`Stuff.update_stuff/2\` is a child of \`Stuff.get_stuff/1\`: finishSpan must detach what startSpan attached`,
          );
        else
          for (const s of [get, update])
            if (s && parentId(s) !== spanId(server))
              problems.push(
                `${request}: \`${s.name}\` is not a child of the request span: start it under context.active()`,
              );
      }
      return assertion('function spans are children of the request span, side by side', problems);
    },
    ({ spans, openSpans }) => {
      const problems =
        openSpans > 0 ? [`${openSpans} span(s) never ended: end the span in finishSpan/4`] : [];
      const bad = spans.filter(
        (s) => FUNCTIONS.includes(s.name) && s.attributes.component !== 'ExRay',
      );
      if (bad.length > 0)
        problems.push(`\`${bad[0]!.name}\` lacks the attribute component="ExRay"`);
      return assertion('every function span ends, with component="ExRay"', problems);
    },
  ],
};
