import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXERCISES, findExercise } from './catalog.ts';
import { checkSource } from './checkSource.ts';

const ROOT = join(import.meta.dirname, '..');
const solution = (id: string) => readFileSync(join(ROOT, id, 'solution.ts'), 'utf8');

/** The reference solution with one typical mistake made in it. */
function mistake(id: string, from: string | RegExp, to: string): string {
  const source = solution(id);
  const changed = source.replace(from, to);
  if (changed === source) throw new Error(`${id}: the mistake's text was not found in solution.ts`);
  return changed;
}

interface WrongAnswer {
  id: string;
  what: string;
  source: () => string;
  /** What the failed assertions must say: the mistake as found, in the learner's terms. */
  says: RegExp;
}

/** At least two typical wrong answers per exercise, each with the words that name what was found. */
const WRONG: WrongAnswer[] = [
  {
    id: '01-tracing-plug',
    what: 'an INTERNAL span instead of a SERVER span',
    source: () => mistake('01-tracing-plug', 'kind: SpanKind.SERVER,', 'kind: SpanKind.INTERNAL,'),
    says: /expected a SERVER span; found `POST \/lab-orders` of kind INTERNAL/,
  },
  {
    id: '01-tracing-plug',
    what: 'the span is never attached',
    source: () =>
      mistake('01-tracing-plug', 'api.attach(trace.setSpan(context.active(), span));', '').replace(
        'api.detach();',
        '',
      ),
    says: /expected `LabOrderController\.create` under the SERVER span; it has no parent: it starts a trace of its own/,
  },
  {
    id: '01-tracing-plug',
    what: 'no status at the end',
    source: () =>
      mistake(
        '01-tracing-plug',
        "span.setAttribute('http.response.status_code', conn.status ?? 500);",
        '',
      ),
    says: /http\.response\.status_code is missing; expected 201, set in beforeSend/,
  },
  {
    id: '02-exray-spans',
    what: 'finishSpan forgets to pop',
    source: () => mistake('02-exray-spans', /\n\s*api\.detach\(\);/, ''),
    says: /expected `Stuff\.update_stuff\/2` beside `Stuff\.get_stuff\/1`; it is inside it/,
  },
  {
    id: '02-exray-spans',
    what: 'no component attribute',
    source: () => mistake('02-exray-spans', "component: 'ExRay', ", ''),
    says: /`Stuff\.get_stuff\/1` has component=missing; expected component="ExRay"/,
  },
  {
    id: '02-exray-spans',
    what: 'the span is started under ROOT_CONTEXT',
    source: () =>
      mistake(
        '02-exray-spans',
        /\n\s*context\.active\(\),\n\s*\);/,
        '\n      ROOT_CONTEXT,\n    );',
      ).replace('import { context,', 'import { ROOT_CONTEXT, context,'),
    says: /expected `Stuff\.get_stuff\/1` under the request span `PUT \/stuff\/:id`; it has no parent/,
  },
  {
    id: '03-inject',
    what: 'the traceparent straight into the metadata',
    source: () =>
      mistake(
        '03-inject',
        'command.metadata.trace_ctx = carrier;',
        'Object.assign(command.metadata, carrier);',
      ),
    says: /metadata has a top-level `traceparent`; the carrier goes under `trace_ctx`/,
  },
  {
    id: '03-inject',
    what: 'injecting ROOT_CONTEXT',
    source: () =>
      mistake(
        '03-inject',
        'propagation.inject(context.active(), carrier);',
        'propagation.inject(ROOT_CONTEXT, carrier);',
      ).replace('import { context,', 'import { ROOT_CONTEXT, context,'),
    says: /metadata\.trace_ctx is an empty map: propagation\.inject wrote nothing/,
  },
  {
    id: '03-inject',
    what: 'the traceparent as a string',
    source: () =>
      mistake(
        '03-inject',
        'command.metadata.trace_ctx = carrier;',
        'command.metadata.trace_ctx = carrier.traceparent;',
      ),
    says: /metadata\.trace_ctx is the string "00-[0-9a-f-]+"; expected a map of headers/,
  },
  {
    id: '04-extract',
    what: 'extracting from the whole metadata',
    source: () => mistake('04-extract', '(metadata.trace_ctx ?? {})', 'metadata'),
    says: /extractContext returned ROOT_CONTEXT unchanged \(propagation\.extract gives back the context it was given when the carrier holds no traceparent\); expected a context holding that span/,
  },
  {
    id: '04-extract',
    what: "the handler's own current context",
    source: () =>
      mistake(
        '04-extract',
        /return propagation\.extract\([^;]+;/,
        'return context.active();',
      ).replace('import { ROOT_CONTEXT,', 'import { ROOT_CONTEXT, context,'),
    says: /extractContext returned (ROOT_CONTEXT unchanged|a context with no span in it).*; expected a context holding that span/,
  },
  {
    id: '05-own-carrier',
    what: 'the live Context object as the carrier',
    source: () =>
      mistake(
        '05-own-carrier',
        /const headers: Record<string, string> = \{\};\n\s*propagation\.inject\(context\.active\(\), headers\);\n\s*metadata\[KEY\] = headers;/,
        'metadata[KEY] = context.active();',
      ).replace(
        /const headers = metadata\[KEY\];[\s\S]*?return propagation[^;]+;/,
        'return (metadata[KEY] as Context) ?? ROOT_CONTEXT;',
      ),
    says: /inject put a Context object under `otel`; the EventStore keeps metadata as JSON, where it comes back as \{/,
  },
  {
    id: '05-own-carrier',
    what: 'extract reads a different key than inject writes',
    source: () =>
      mistake(
        '05-own-carrier',
        'const headers = metadata[KEY];',
        "const headers = metadata['trace_ctx'];",
      ),
    says: /extract was given \{.*"otel":\{"traceparent".* and returned a context with no span/,
  },
  {
    id: '06-command-to-command',
    what: 'metadata copied, correlation and causation not',
    source: () =>
      mistake(
        '06-command-to-command',
        /\s*command\.causationId = event\.eventId;\n\s*command\.correlationId = event\.correlationId;/,
        '',
      ),
    says: /correlation_id [0-9a-f-]+, a new conversation; expected the event's [0-9a-f-]+; MarkPatientNotified has causation_id null; expected the id of the event/,
  },
  {
    id: '06-command-to-command',
    what: "the event's causation id instead of its id",
    source: () =>
      mistake(
        '06-command-to-command',
        'command.causationId = event.eventId;',
        'command.causationId = event.causationId;',
      ),
    says: /has causation_id [0-9a-f-]+ \(what caused the event, not the event\); expected the id of the event that caused it/,
  },
  {
    id: '06-command-to-command',
    what: 'the carrier alone, as the metadata',
    source: () =>
      mistake(
        '06-command-to-command',
        'command.metadata = { ...event.metadata };',
        'command.metadata = { ...(event.metadata.trace_ctx as object) };',
      ),
    says: /MarkPatientNotified: metadata has a top-level `traceparent`; the carrier goes under `trace_ctx`/,
  },
  {
    id: '07-task-context',
    what: "the Task's own context, taken inside the Task",
    source: () =>
      mistake('07-task-context', 'api.attach(handed as Context);', 'api.attach(context.active());'),
    says: /after inTask the Task has no current span|`POST \/messages` under NotificationHandler's span; it has no parent/,
  },
  {
    id: '07-task-context',
    what: 'the Span handed over instead of a Context',
    source: () =>
      mistake(
        '07-task-context',
        'return context.active();',
        'return trace.getSpan(context.active());',
      )
        .replace('import { context,', 'import { context, trace,')
        .replace(
          'api.attach(handed as Context);',
          'api.attach(trace.setSpan(context.active(), handed as Span));',
        )
        .replace('type Context }', 'type Context, type Span }'),
    says: /beforeStart handed the Task a Span; api\.attach takes a Context/,
  },
  {
    id: '08-batch-links',
    what: 'a link to the first event only',
    source: () =>
      mistake(
        '08-batch-links',
        'for (const event of events) {',
        'for (const event of events.slice(0, 1)) {',
      ),
    says: /handled 2 events in a batch; expected 2 links, found 1/,
  },
  {
    id: '08-batch-links',
    what: "links to the batch's own current span",
    source: () =>
      mistake(
        '08-batch-links',
        'const producer = trace.getSpanContext(propagation.extract(ROOT_CONTEXT, carrier));',
        'const producer = trace.getSpanContext(context.active()) ?? trace.getSpanContext(propagation.extract(ROOT_CONTEXT, { traceparent: `00-${"1".repeat(32)}-${"2".repeat(16)}-01` }));',
      ).replace('import { ROOT_CONTEXT,', 'import { ROOT_CONTEXT, context,'),
    says: /links to span 2222222222222222, which is not in the run; expected the span that published the event/,
  },
  {
    id: '09-sampling',
    what: 'isRecording() of the parent instead of its flag',
    source: () =>
      mistake(
        '09-sampling',
        'const sampled = (parent.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED;',
        'const sampled = trace.getSpan(parentContext)?.isRecording() === true;',
      ),
    says: /whose remote parent is sampled \(flag 01\), the sampler decided NOT_RECORD; expected RECORD_AND_SAMPLED/,
  },
  {
    id: '09-sampling',
    what: 'a new ratio decision in every service',
    source: () =>
      mistake(
        '09-sampling',
        'const sampled = (parent.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED;',
        "const sampled = parseInt(traceId.slice(-2), 16) % 2 === 0 || spanName === '';",
      ),
    says: /whose (remote )?parent is (not sampled \(flag 00\), the sampler decided RECORD_AND_SAMPLED|sampled \(flag 01\), the sampler decided NOT_RECORD)/,
  },
  {
    id: '10-find-the-bug',
    what: 'the untouched colleague code',
    source: () => readFileSync(join(ROOT, '10-find-the-bug', 'exercise.ts'), 'utf8'),
    says: /`commanded\.router\.dispatch` \(LabOrder, MarkPatientNotified\) starts a new trace in 3 of 3 requests/,
  },
  {
    id: '10-find-the-bug',
    what: 'a "fix" that forwards the wrong key',
    source: () =>
      mistake('10-find-the-bug', "'tenant', 'trace_ctx'];", "'tenant', 'traceparent'];"),
    says: /`commanded\.router\.dispatch` \(LabOrder, MarkPatientNotified\) starts a new trace in 3 of 3 requests/,
  },
  {
    id: '11-global-state',
    what: 'one shared slot (the starter)',
    source: () => readFileSync(join(ROOT, '11-global-state', 'exercise.ts'), 'utf8'),
    says: /get\(<0\.\d+\.0>\) returned the context set by <0\.\d+\.0>; expected the context it set last/,
  },
  {
    id: '11-global-state',
    what: 'a store that forgets',
    source: () => mistake('11-global-state', 'return byPid.get(pid);', 'return undefined;'),
    says: /get\(<0\.\d+\.0>\) returned undefined; expected the context it set last/,
  },
];

describe('typical wrong answers get a message that names what was found', () => {
  it('cover every exercise at least twice', () => {
    for (const e of EXERCISES)
      expect(WRONG.filter((w) => w.id === e.id).length).toBeGreaterThanOrEqual(2);
  });

  it.each(WRONG.map((w) => [`${w.id}: ${w.what}`, w] as const))('%s', (_name, w) => {
    const report = checkSource(findExercise(w.id)!, w.source());
    expect(report.passed).toBe(false);
    const failed = report.assertions.filter((a) => a.status === 'fail').map((a) => a.message);
    expect(failed.join('\n')).toMatch(w.says);
  });
});
