import { context, trace } from '@opentelemetry/api';
import type { Exercise } from '../lib/Exercise.ts';
import { checked, record, type Seen } from '../lib/check.ts';
import { isContext, shortValue } from '../lib/carrierShape.ts';
import { referenceHint } from '../lib/hints.ts';
import { byRequest, oneTracePerRequest } from '../lib/rules.ts';
import { describeSpan, parentId, parentWords, spanId } from '../lib/traceQueries.ts';

/** What was handed over, and what the Task's current span was after inTask. */
interface Handoff {
  handed: string;
  /** The span id in the handed value, if it was a context or a span. */
  handedSpan: string | undefined;
  /** The handler's current span when beforeStart ran. */
  handlerSpan: string | undefined;
  /** The Task's current span once inTask returned. */
  taskSpan: string | undefined;
}

const isSpan = (v: unknown): v is { spanContext(): { spanId: string } } =>
  !!v && typeof (v as { spanContext?: unknown }).spanContext === 'function';

function describeHanded(v: unknown): { text: string; span: string | undefined } {
  if (v === undefined) return { text: 'nothing (undefined)', span: undefined };
  if (isContext(v)) {
    const span = trace.getSpanContext(v)?.spanId;
    return { text: span ? 'a context holding a span' : 'a context with no span in it', span };
  }
  if (isSpan(v)) return { text: 'a Span', span: v.spanContext().spanId };
  return { text: shortValue(v), span: undefined };
}

const handoffs = (seen: Seen) => (seen.handoff ?? []) as Handoff[];
const NOT_RUN = 'no Task has run yet';

export const exercise: Exercise = {
  id: '07-task-context',
  number: 7,
  title: 'A Task loses the context',
  statement: [
    'NotificationHandler texts the patient from a `Task`. A Task is a new process, and a new process starts with an empty process dictionary: no current context, so the SMS span `POST /messages` starts a trace of its own. No metadata crosses this hop; it is a plain function closure.',
    'Hand the context over yourself. `beforeStart` runs in NotificationHandler just before the Task is spawned; what it returns is given to `inTask`, the first thing the Task runs, before its span starts.',
  ],
  goal: `commanded.event.handle (NotificationHandler)
├─ POST /messages             CLIENT  in the Task's process
└─ commanded.application.dispatch MarkPatientNotified ...`,
  hints: [
    'Two processes, two moments: something must be captured while you are still in the handler, and put to use once you are in the Task. What does the handler have that the Task lacks?',
    "The handler's current context is `context.active()` there. Inside the Task, `context.active()` is the Task's own, empty one: calling it in inTask is too late.",
    'Handing a value over is not enough; the Task must make it its current context, the way the Tracing Plug did in exercise 1.',
    referenceHint('07-task-context'),
  ],
  why: "context.active() in beforeStart captured the handler's context while the code still ran in the handler's process; the closure carried it into the Task; api.attach made it the Task's current context before POST /messages started, so the span became a child of commanded.event.handle. In Elixir this is OpenTelemetry.Ctx.get_current() before Task.async and OpenTelemetry.Ctx.attach(ctx) inside it, which is what OpentelemetryProcessPropagator.Task does for you.",
  elixir: {
    sketch: `def handle(%SampleCollectionScheduled{} = event, _metadata) do
  Task.start(fn ->
    # a new process: OpenTelemetry.Ctx.get_current() here is empty
    Tracer.with_span "POST /messages", %{kind: :client} do
      SmsGateway.send(event.patient_id, "Your sample collection is scheduled")
    end
  end)
  :ok
end`,
    solution: `def handle(%SampleCollectionScheduled{} = event, _metadata) do
  ctx = OpenTelemetry.Ctx.get_current()   # still in the handler's process

  Task.start(fn ->
    OpenTelemetry.Ctx.attach(ctx)          # now in the Task's process
    Tracer.with_span "POST /messages", %{kind: :client} do
      SmsGateway.send(event.patient_id, "Your sample collection is scheduled")
    end
  end)
  :ok
end

# Or: OpentelemetryProcessPropagator.Task.start(fn -> ... end) does the same.`,
  },
  exports: ['taskHandoff'],
  run: {
    scenario: 'lab-order',
    mode: 'metadata',
    faults: ['task-loses-context'],
    requests: 3,
    concurrency: 2,
    seed: 707,
  },
  observe: (hooks, seen) => {
    const learner = hooks.taskHandoff!;
    const pending = new Map<unknown, { handlerSpan: string | undefined }>();
    return {
      ...hooks,
      taskHandoff: {
        beforeStart(api) {
          const handed = learner.beforeStart(api);
          const box = { value: handed };
          pending.set(box, { handlerSpan: trace.getSpan(context.active())?.spanContext().spanId });
          return box;
        },
        inTask(box, api) {
          const { value } = box as { value: unknown };
          const at = pending.get(box);
          learner.inTask(value, api);
          const { text, span } = describeHanded(value);
          record(seen, 'handoff', {
            handed: text,
            handedSpan: span,
            handlerSpan: at?.handlerSpan,
            taskSpan: trace.getSpan(context.active())?.spanContext().spanId,
          } satisfies Handoff);
        },
      },
    };
  },
  rules: [
    (_run, seen) => {
      const calls = handoffs(seen);
      const c = calls.find(
        (h) => h.handedSpan !== h.handlerSpan || h.handed !== 'a context holding a span',
      );
      const problems = c
        ? [
            c.handed === 'a Span'
              ? 'beforeStart handed the Task a Span; api.attach takes a Context: hand over the context that holds it'
              : `beforeStart handed the Task ${c.handed}; expected the handler's current context, which holds \`commanded.event.handle\``,
          ]
        : [];
      return checked(
        "beforeStart hands over the handler's context",
        calls.length,
        problems,
        NOT_RUN,
      );
    },
    ({ spans }, seen) => {
      const calls = handoffs(seen);
      const problems: string[] = [];
      const c = calls.find((h) => h.taskSpan !== h.handedSpan || !h.taskSpan);
      if (c)
        problems.push(
          c.taskSpan
            ? `after inTask the Task's current span is ${c.taskSpan}; expected the handed-over span ${c.handedSpan ?? '(none was handed over)'}`
            : 'after inTask the Task has no current span: attach what was handed over',
        );
      let sms = 0;
      for (const [request, group] of byRequest(spans)) {
        const task = group.find((s) => s.name === 'POST /messages');
        const handler = group.find(
          (s) =>
            s.name === 'commanded.event.handle' &&
            s.attributes['commanded.handler_name'] === 'NotificationHandler',
        );
        if (!task || !handler) continue;
        sms++;
        if (parentId(task) !== spanId(handler) && problems.length < 2)
          problems.push(
            `${request}: expected \`POST /messages\` under NotificationHandler's span; it ${parentWords(task, spans)}`,
          );
      }
      return checked(
        "the Task's span is a child of the handler's",
        calls.length && sms,
        problems,
        NOT_RUN,
      );
    },
    oneTracePerRequest(
      (root) =>
        `${describeSpan(root)} started a new trace: its process had no current context when the span started`,
    ),
  ],
};
