import type { RunState, TutorialSetup } from './setup.ts';
import { count, shortId, type RunFacts } from './runFacts.ts';
import type { Fault } from '../../../sandbox/core/config.ts';
import { nodeLabel } from '../../../sandbox/core/topology.ts';

/**
 * A guided step: the text asks the reader to do something in the scene beside it, waits until
 * the simulation shows it happened, then explains the reader's own run with its numbers.
 */
export interface GuideLesson {
  id: string;
  setup: TutorialSetup;
  /** What the reader is asked to do. */
  task: string;
  /** Shown while the step waits. */
  waiting: string;
  /** A fault the reader is asked to switch on, offered as a checkbox beside the scene. */
  faultToggle?: { fault: Fault; label: string };
  /** Whether the run shows the step was done (and has finished). */
  done(run: RunState): boolean;
  /** Paragraphs about this run (`code` in backticks). */
  explain(facts: RunFacts): string[];
}

const oneRequestDone = (run: RunState) => run.idle && run.sent >= 1 && run.facts.requests >= 1;

export const GUIDES: readonly GuideLesson[] = [
  {
    id: 'proof-of-concept',
    setup: { mode: 'global', scenario: 'proof-of-concept', faults: [] },
    task: 'Send one request to Alexander’s proof of concept: press “Send a request” under the scene.',
    waiting: 'Waiting for one request to run to its end…',
    done: oneRequestDone,
    explain: (f) => {
      const t = f.first;
      if (!t) return ['The run produced no spans yet.'];
      const children = t.names.filter((n) => n !== t.root);
      return [
        `Your request became ${count(f.traces, 'trace')} of ${count(t.spans, 'span')}, ${t.durationMs} ms long (seed ${f.seed}). The root span is \`${t.root}\`; beneath it sit ${children.map((n) => `\`${n}\``).join(' and ')}, the spans ExRay’s \`@trace\` hooks opened.`,
        'All of them ran in one Erlang process, one after another. ExRay’s table always held the span that was open, so each new span found its parent there. That is why the proof of concept looked finished.',
      ];
    },
  },
  {
    id: 'global-state',
    setup: { mode: 'global', scenario: 'proof-of-concept', faults: [] },
    task: 'Now press “Two at once”: two requests reach the same node together, and both use ExRay’s one shared table.',
    waiting: 'Waiting for two requests that ran at the same time…',
    done: (run) => run.idle && run.facts.requests >= 2,
    explain: (f) => {
      const mix = f.mixed[0];
      if (!mix)
        return [
          `This time your ${count(f.requests, 'request')} made ${count(f.traces, 'trace')} and no span got a wrong parent (seed ${f.seed}): they did not overlap. Press “Two at once” again.`,
        ];
      return [
        `Your ${count(f.requests, 'request')} made ${count(f.traces, 'trace')}, and ${count(f.mixed.length, 'span')} got the wrong parent (seed ${f.seed}). \`${mix.span}\` works for ${mix.request}, but its parent \`${mix.parent}\` belongs to ${mix.parentRequest}.`,
        `The table has one “current span” per node, not per request. While ${mix.parentRequest} had its span open, ${mix.request} looked up the current span and got that one. Jaeger would show one request doing the other’s work, and nothing would look broken.`,
      ];
    },
  },
  {
    id: 'process-stacks',
    setup: { mode: 'process', scenario: 'lab-order', faults: [] },
    task: 'This scene keeps a span stack per process, as Otter does. Send one request: press “Send a request”.',
    waiting: 'Waiting for the request to reach every process…',
    done: oneRequestDone,
    explain: (f) => {
      const b = f.firstBreak;
      return [
        `Your one request became ${count(f.traces, 'trace')} holding ${count(f.spans, 'span')}; from the first span to the last took ${f.durationMs} ms (seed ${f.seed}).`,
        b
          ? `The first break is between ${nodeLabel(b.from)} and ${nodeLabel(b.to)}: the ${b.message} carried no trace context, so \`${b.span}\` in ${b.service} started a new trace of its own (${count(b.spansAfter, 'span')}).`
          : 'No break was flagged in this run.',
        'Inside each process the nesting is right, because each process keeps its own stack in its process dictionary. A message to another process carries none of it, and the receiver starts with an empty dictionary: no current span, so no parent.',
      ];
    },
  },
  {
    id: 'metadata',
    setup: { mode: 'metadata', scenario: 'lab-order', faults: [] },
    task: 'Here every command and event carries the trace context in its metadata. Send one request.',
    waiting: 'Waiting for the request to finish…',
    done: oneRequestDone,
    explain: (f) => {
      const tp = f.traceparent;
      return [
        `Your request is ${count(f.traces, 'trace')} now: ${count(f.spans, 'span')} from ${count(f.services.length, 'service')}, ${f.durationMs} ms end to end (seed ${f.seed}).`,
        tp
          ? `The first message to carry it was the ${tp.message} from ${nodeLabel(tp.from)} to ${nodeLabel(tp.to)}. Its metadata held \`trace_ctx\` with \`traceparent: ${tp.value}\`. ${nodeLabel(tp.to)} read it and started \`${tp.childSpan}\` as a child of ${tp.parentSpan ? `\`${tp.parentSpan}\`` : 'the sender’s span'}. The table below takes that value apart.`
          : 'No message in this run carried a traceparent.',
      ];
    },
  },
  {
    id: 'fault',
    setup: { mode: 'metadata', scenario: 'lab-order', faults: [] },
    faultToggle: {
      fault: 'drop-metadata',
      label: 'NotificationHandler dispatches with fresh metadata',
    },
    task: 'Switch on the fault “NotificationHandler dispatches with fresh metadata”, then send one request.',
    waiting: 'Waiting for the fault to be on and a request to finish…',
    done: (run) => run.faults.includes('drop-metadata') && oneRequestDone(run),
    explain: (f) => {
      const b = f.firstBreak;
      return [
        `With the fault on, your request became ${count(f.traces, 'trace')} again (seed ${f.seed}).`,
        b
          ? `The break is between ${nodeLabel(b.from)} and ${nodeLabel(b.to)}: the ${b.message} left with new metadata and no \`trace_ctx\`, so \`${b.span}\` began a trace of ${count(b.spansAfter, 'span')} that nobody will find from the request.`
          : 'No break was flagged in this run.',
        'Commanded copies metadata from a command to its events, and a process manager passes it on. A plain event handler that dispatches a command builds that command’s metadata itself. If it does not pass the event’s metadata on, the context stops there.',
      ];
    },
  },
  {
    id: 'links',
    setup: { mode: 'links', scenario: 'lab-order', faults: [] },
    task: 'In this scene every event handler starts its own trace and links it to the producer. Send one request.',
    waiting: 'Waiting for the request and its handlers to finish…',
    done: oneRequestDone,
    explain: (f) => {
      const l = f.linkedRoots[0];
      return [
        `Your request made ${count(f.traces, 'trace')} (seed ${f.seed}): ${f.connected} connected, ${f.linked} linked and ${f.broken} broken.`,
        l
          ? `\`${l.span}\` in ${l.service} starts a trace of its own with a link to span ${shortId(l.linkedSpan)} in trace ${shortId(l.linkedTrace)}, the span that appended its event. Nothing is lost: a viewer follows the link.`
          : 'No trace in this run started with a link.',
        'Links are how messaging conventions connect a consumer to its producer when one parent does not fit: a batch of messages from many requests, or work that outlives the request.',
      ];
    },
  },
];

export const guideById = (id: string) => GUIDES.find((g) => g.id === id);
