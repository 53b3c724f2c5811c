import type { Exercise } from '../lib/Exercise.ts';
import type { Context } from '@opentelemetry/api';
import { checked, record, type Seen } from '../lib/check.ts';
import { referenceHint } from '../lib/hints.ts';
import { noCrossRequestParents } from '../lib/rules.ts';

/** One get from a pid that had set something: what came back. */
interface Got {
  pid: string;
  ok: boolean;
  got: string;
  expected: string;
}

export const exercise: Exercise = {
  id: '11-global-state',
  number: 11,
  title: 'Stretch: global state',
  stretch: true,
  statement: [
    'Before he found the per-process stack, Alexander considered keeping the current span in global state, an ETS table. With one request at a time it works. With several, it does not.',
    'The store below is where every process keeps its current span. Run the check with four requests in flight, read which spans got parents from other requests, and fix the store so each process has its own.',
  ],
  goal: `Every request one trace, no parent from another request:
req-1  POST /lab-orders ... 37 spans, 1 trace
req-2  POST /lab-orders ... 37 spans, 1 trace
...`,
  hints: [
    'The store is asked with a pid every time, and the starter ignores it. Does it matter which process asks?',
    "Erlang keeps the current context in each process's own dictionary. What data structure gives every pid a slot of its own?",
    '"When to clean?": a process that sets nothing (undefined) has nothing left to keep.',
    referenceHint('11-global-state'),
  ],
  why: "With one slot per pid, a process only ever sees the context it set itself, however many requests interleave: exactly the process dictionary, where OpenTelemetry.Ctx keeps the current context under '$__current_otel_ctx'. One shared slot hands whichever context was set last to whoever asks next, so spans adopt parents from other requests.",
  elixir: {
    sketch: `# A node-wide table: one slot for the current span of... whom?
:ets.new(:current_span, [:named_table, :public])
def set(span_ctx), do: :ets.insert(:current_span, {:current, span_ctx})
def get, do: :ets.lookup(:current_span, :current)`,
    solution: `# Keyed by the caller: every process sees only its own entry
def set(span_ctx), do: :ets.insert(:current_span, {self(), span_ctx})
def get do
  case :ets.lookup(:current_span, self()) do
    [{_, span_ctx}] -> span_ctx
    [] -> :undefined
  end
end
# "When to clean?": delete the entry when the process exits (a monitor), or use
# the process dictionary, which dies with the process: what OpenTelemetry.Ctx does.`,
  },
  exports: ['currentSpanStore'],
  run: { scenario: 'lab-order', mode: 'metadata', requests: 6, concurrency: 4, seed: 707 },
  observe: (hooks, seen) => {
    const learner = hooks.currentSpanStore!;
    // What each pid last stored, and which pid stored each context.
    const lastSet = new Map<string, Context | undefined>();
    const setBy = new Map<Context, string>();
    return {
      ...hooks,
      currentSpanStore: {
        get(pid) {
          const ctx = learner.get(pid);
          if (lastSet.has(pid)) {
            const expected = lastSet.get(pid);
            record(seen, 'gets', {
              pid,
              ok: ctx === expected,
              got:
                ctx === undefined
                  ? 'undefined'
                  : `the context ${setBy.get(ctx) === pid ? 'it set before' : `set by ${setBy.get(ctx) ?? 'nobody'}`}`,
              expected: expected === undefined ? 'undefined' : 'the context it set last',
            } satisfies Got);
          }
          return ctx;
        },
        set(pid, ctx) {
          lastSet.set(pid, ctx);
          if (ctx) setBy.set(ctx, pid);
          learner.set(pid, ctx);
        },
      },
    };
  },
  rules: [
    noCrossRequestParents,
    (_run, seen: Seen) => {
      const gets = (seen.gets ?? []) as Got[];
      const wrong = gets.filter((g) => !g.ok);
      const problems = wrong
        .slice(0, 1)
        .map(
          (g) =>
            `get(${g.pid}) returned ${g.got}; expected ${g.expected}${wrong.length > 1 ? ` (${wrong.length} of ${gets.length} gets were wrong)` : ''}`,
        );
      return checked(
        'every process gets back what it set',
        gets.length,
        problems,
        'no process has used the store yet',
      );
    },
  ],
};
