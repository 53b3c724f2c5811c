import type { TutorialSetup } from './setup.ts';
import { placeIn, type TutorialOrder } from './TutorialContext.ts';
import { count, type RunFacts } from './runFacts.ts';
import { nodeLabel } from '../../../sandbox/core/topology.ts';

export interface Choice {
  id: string;
  text: string;
}

/**
 * Predict, then see: a question asked before a scene runs. Which answer is right is read from the
 * reader's run, never stored, and the feedback quotes that run.
 */
export interface Prediction {
  id: string;
  question: string;
  choices: readonly Choice[];
  setup: TutorialSetup;
  /** Requests the scene sends when the reader asks to see. */
  requests: number;
  /** The choice the run proves right. */
  answer(facts: RunFacts): string;
  /** Why, from the run: follows the verdict. */
  explain(facts: RunFacts, chosen: Choice): string;
}

/** The choice whose number matches `n`, by its id. */
const nearest = (choices: readonly Choice[], n: number) =>
  choices.find((c) => Number(c.id) === n)?.id ?? 'other';

const traceChoices = (ns: number[]): Choice[] =>
  ns.map((n) => ({ id: String(n), text: count(n, 'trace') }));

export const PREDICTIONS: readonly Prediction[] = [
  {
    id: 'global-two',
    question:
      'Two requests reach ExRay’s global table at the same moment. What happens to their spans?',
    choices: [
      { id: 'clean', text: 'Each request gets its own clean trace' },
      { id: 'mixed', text: 'Some spans get the other request’s span as their parent' },
      { id: 'one', text: 'Both requests end up in one trace' },
    ],
    setup: { mode: 'global', scenario: 'proof-of-concept', faults: [] },
    requests: 2,
    answer: (f) => (f.mixed.length > 0 ? 'mixed' : f.traces === 1 ? 'one' : 'clean'),
    explain: (f) => {
      const m = f.mixed[0];
      return m
        ? `Your run made ${count(f.traces, 'trace')} for ${count(f.requests, 'request')}, and ${count(f.mixed.length, 'span')} took a parent from the other request: \`${m.span}\` of ${m.request} hangs under \`${m.parent}\` of ${m.parentRequest}. The run took ${f.durationMs} ms (seed ${f.seed}).`
        : `Your run made ${count(f.traces, 'trace')} for ${count(f.requests, 'request')} with no mix-up: the requests did not overlap this time (seed ${f.seed}, ${f.durationMs} ms).`;
    },
  },
  {
    id: 'process-traces',
    question:
      'One request in process mode, where each process keeps its own span stack. How many traces?',
    choices: traceChoices([1, 3, 17]),
    setup: { mode: 'process', scenario: 'lab-order', faults: [] },
    requests: 1,
    answer: (f) => nearest(traceChoices([1, 3, 17]), f.traces),
    explain: (f) =>
      `Your run made ${count(f.traces, 'trace')} of ${count(f.spans, 'span')} for one request, over ${f.durationMs} ms (seed ${f.seed}). Every message to another process started a new trace, because no message carried the context.`,
  },
  {
    id: 'first-break',
    question: 'Same scene: where does the request’s trace stop first?',
    choices: [
      { id: 'Client→RequestProcess', text: 'Between the HTTP client and the request process' },
      { id: 'RequestProcess→Router', text: 'Between the request process and the router' },
      {
        id: 'EventStore→PatientTimelineProjection',
        text: 'Between the event store and the first projection',
      },
    ],
    setup: { mode: 'process', scenario: 'lab-order', faults: [] },
    requests: 1,
    answer: (f) => (f.firstBreak ? `${f.firstBreak.from}→${f.firstBreak.to}` : 'none'),
    explain: (f) => {
      const b = f.firstBreak;
      return b
        ? `In your run the first break is the ${b.message} from ${nodeLabel(b.from)} to ${nodeLabel(b.to)}: \`${b.span}\` started a trace of ${count(b.spansAfter, 'span')} (seed ${f.seed}, ${f.durationMs} ms in all). The HTTP request itself is fine: the plug’s span is the root of the first trace.`
        : `Your run flagged no break (seed ${f.seed}).`;
    },
  },
  {
    id: 'metadata-traces',
    question:
      'Now the trace context rides in every command’s and event’s metadata. One request: how many traces?',
    choices: traceChoices([1, 7, 17]),
    setup: { mode: 'metadata', scenario: 'lab-order', faults: [] },
    requests: 1,
    answer: (f) => nearest(traceChoices([1, 7, 17]), f.traces),
    explain: (f) =>
      `Your run made ${count(f.traces, 'trace')} of ${count(f.spans, 'span')} from ${count(f.services.length, 'service')}, ${f.durationMs} ms long (seed ${f.seed}). Every consumer extracted the context from the metadata and started its span as a child.`,
  },
  {
    id: 'handlers-ignore',
    question:
      'Alexander’s first step: the command carries the context, but event handlers never read it. How many traces for one request?',
    choices: traceChoices([1, 2, 7, 17]),
    setup: { mode: 'metadata', scenario: 'lab-order', faults: ['handlers-ignore-metadata'] },
    requests: 1,
    answer: (f) => nearest(traceChoices([1, 2, 7, 17]), f.traces),
    explain: (f) =>
      `Your run made ${count(f.traces, 'trace')} (seed ${f.seed}). The first holds the request and its command, ${count(f.first?.spans ?? 0, 'span')}; each event handler started one of its own, because it ignored the \`trace_ctx\` its event carried.`,
  },
  {
    id: 'fault-traces',
    question:
      'Everything carries context, except that NotificationHandler dispatches its command with fresh metadata. How many traces?',
    choices: traceChoices([1, 2, 17]),
    setup: { mode: 'metadata', scenario: 'lab-order', faults: ['drop-metadata'] },
    requests: 1,
    answer: (f) => nearest(traceChoices([1, 2, 17]), f.traces),
    explain: (f) => {
      const b = f.firstBreak;
      return `Your run made ${count(f.traces, 'trace')} (seed ${f.seed}, ${f.durationMs} ms).${b ? ` The ${b.message} from ${nodeLabel(b.from)} started a trace of ${count(b.spansAfter, 'span')}: one hop without metadata cuts off everything after it.` : ''}`;
    },
  },
  {
    id: 'links-broken',
    question:
      'In links mode each event handler starts its own trace, with a link back to the producer. Are those traces broken?',
    choices: [
      { id: 'broken', text: 'Yes: a new trace means the context was lost' },
      { id: 'linked', text: 'No: they are linked, by design' },
    ],
    setup: { mode: 'links', scenario: 'lab-order', faults: [] },
    requests: 1,
    answer: (f) => (f.broken > 0 ? 'broken' : 'linked'),
    explain: (f) =>
      `Your run made ${count(f.traces, 'trace')}: ${f.connected} connected, ${f.linked} linked, ${f.broken} broken (seed ${f.seed}, ${f.durationMs} ms). A linked trace carries the producer’s trace and span id in its link, so nothing is lost; it is a choice, not an accident.`,
  },
];

export const predictionById = (id: string) => PREDICTIONS.find((p) => p.id === id);

/** The verdict and explanation the reader sees, for the choice they made. */
export function feedback(p: Prediction, facts: RunFacts, chosenId: string): string[] {
  const chosen = p.choices.find((c) => c.id === chosenId);
  const right = p.choices.find((c) => c.id === p.answer(facts));
  if (!chosen) return [p.explain(facts, p.choices[0] ?? { id: '', text: '' })];
  const verdict =
    chosen.id === right?.id
      ? `You said “${chosen.text}”, and your run agrees.`
      : right
        ? `You said “${chosen.text}”; your run says “${right.text}”.`
        : `You said “${chosen.text}”; your run gave none of the answers offered.`;
  return [verdict, p.explain(facts, chosen)];
}

/** Where question `id` stands among the talk's questions ("question 2 of 7"). */
export function questionPlace(order: TutorialOrder, id: string): { number: number; total: number } {
  return placeIn(
    order.questions,
    PREDICTIONS.map((p) => p.id),
    id,
  );
}
