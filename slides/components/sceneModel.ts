import type { SceneMode } from '../deck/deckMeta.ts';

/**
 * The traces a live scene illustrates, worked out from its settings alone (seeded, so every window
 * draws the same picture). It follows the story's backend: a Phoenix request dispatches a Commanded
 * command to an aggregate process; the event it emits reaches a projection and a process manager,
 * which dispatches a follow-up command.
 */
export interface IllustratedSpan {
  name: string;
  /** The simulated service (and Erlang process) the span ran in. */
  service: Service;
  /** Milliseconds from the start of its trace. */
  start: number;
  duration: number;
  depth: number;
  /** The span adopted another request's parent (a global "current span" under concurrency). */
  wrongParent?: boolean;
  /** Indexes into the scene's traces whose spans this one links to. */
  links?: number[];
}

export type Service = 'phoenix' | 'aggregate' | 'projection' | 'process manager';

export interface IllustratedTrace {
  /** 32 hex digits, like a W3C trace id. */
  traceId: string;
  /** Which request (1-based) caused it. */
  request: number;
  /** True when this trace began where a parent existed but its context was lost. */
  lostParent: boolean;
  /** Where it lost its parent, for the label. */
  hop?: string;
  spans: IllustratedSpan[];
}

export interface SceneIllustration {
  traces: IllustratedTrace[];
  /** Traces of earlier requests left out of the picture. */
  hidden: number;
  /** One line that says what the picture shows, in words (never only in colour). */
  verdict: string;
  connected: boolean;
}

export interface SceneInputs {
  mode: SceneMode;
  scenario?: string;
  requests: number;
  seed: number;
  faults: readonly string[];
}

/** Faults the illustration knows; the sandbox may know more. */
export const FAULTS = {
  noEventMetadata: 'no-event-metadata',
  handlerDropsMetadata: 'handler-drops-metadata',
} as const;

const MAX_TRACES = 5;

function seeded(seed: number) {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

function hex(rand: () => number, digits: number): string {
  let out = '';
  while (out.length < digits) out += Math.floor(rand() * 16).toString(16);
  return out;
}

export function illustrateScene(input: SceneInputs): SceneIllustration {
  const rand = seeded(input.seed);
  const jitter = (ms: number) => Math.round(ms * (0.85 + 0.3 * rand()));
  const requests = Math.max(1, Math.min(input.requests, 50));
  if (input.scenario === 'poc') return proofOfConcept(requests, rand, jitter);

  const traces: IllustratedTrace[] = [];
  const noEventMeta = input.faults.includes(FAULTS.noEventMetadata);
  const handlerDrops = input.faults.includes(FAULTS.handlerDropsMetadata);
  const projectionSpans: { trace: number }[] = [];

  for (let r = 1; r <= requests; r++) {
    const id = () => hex(rand, 32);
    const http = jitter(60);
    const command = jitter(20);
    const projection = jitter(58);
    const pm = jitter(12);
    const followUp = jitter(14);
    const request: IllustratedSpan = {
      name: 'HTTP PUT /stuff/:id',
      service: 'phoenix',
      start: 0,
      duration: http,
      depth: 0,
    };
    const dispatch: IllustratedSpan = {
      name: 'dispatch UpdateStuff',
      service: 'phoenix',
      start: 2,
      duration: command + 4,
      depth: 1,
    };
    const cmd: IllustratedSpan = {
      name: 'COMMAND: UpdateStuff',
      service: 'aggregate',
      start: 4,
      duration: command,
      depth: 2,
    };
    const proj: IllustratedSpan = {
      name: 'PROJECTION: StuffProjection',
      service: 'projection',
      start: 24,
      duration: projection,
      depth: 3,
    };
    const manager: IllustratedSpan = {
      name: 'PROCESS MANAGER: StuffNotifier',
      service: 'process manager',
      start: 26,
      duration: pm,
      depth: 3,
    };
    const follow: IllustratedSpan = {
      name: 'COMMAND: NotifyOwner',
      service: 'aggregate',
      start: 27 + pm,
      duration: followUp,
      depth: 4,
    };

    const root = (spans: IllustratedSpan[], hop: string): IllustratedTrace => {
      const offset = spans[0]?.start ?? 0;
      const depth = spans[0]?.depth ?? 0;
      return {
        traceId: id(),
        request: r,
        lostParent: true,
        hop,
        spans: spans.map((s) => ({ ...s, start: s.start - offset, depth: s.depth - depth })),
      };
    };

    if (input.mode === 'process') {
      traces.push({ traceId: id(), request: r, lostParent: false, spans: [request, dispatch] });
      traces.push(root([cmd], 'Phoenix → aggregate process'));
      traces.push(root([proj], 'aggregate → projection process'));
      traces.push(root([manager, follow], 'aggregate → process manager'));
    } else if (input.mode === 'global') {
      // Everything in one trace while one request runs; concurrency is where it goes wrong.
      traces.push({
        traceId: id(),
        request: r,
        lostParent: false,
        spans: [request, dispatch, cmd, proj, manager, follow],
      });
    } else if (input.mode === 'links') {
      traces.push({
        traceId: id(),
        request: r,
        lostParent: false,
        spans: [request, dispatch, cmd],
      });
      projectionSpans.push({ trace: traces.length - 1 });
    } else {
      const main: IllustratedSpan[] = [request, dispatch, cmd];
      const t: IllustratedTrace = { traceId: id(), request: r, lostParent: false, spans: main };
      traces.push(t);
      if (noEventMeta) {
        traces.push(root([proj], 'event without trace ids → projection'));
        traces.push(root([manager, follow], 'event without trace ids → process manager'));
      } else {
        main.push(proj, manager);
        if (handlerDrops) traces.push(root([follow], 'handler dispatched without metadata'));
        else main.push(follow);
      }
    }
  }

  if (input.mode === 'links') {
    traces.push({
      traceId: hex(rand, 32),
      request: requests,
      lostParent: false,
      spans: [
        {
          name: `PROJECTION: batch of ${projectionSpans.length}`,
          service: 'projection',
          start: 0,
          duration: jitter(40 + 10 * projectionSpans.length),
          depth: 0,
          links: projectionSpans.map((p) => p.trace),
        },
      ],
    });
  }

  if (input.mode === 'global' && requests > 1) {
    // Two requests at once share ExRay's global table: the second one's spans hang off the first.
    const [a, b] = [traces[traces.length - 2], traces[traces.length - 1]];
    if (a && b) {
      const stolen = b.spans
        .splice(2)
        .map((s) => ({ ...s, start: s.start + 7, wrongParent: true }));
      a.spans.push(...stolen);
    }
  }

  const hidden = Math.max(0, traces.length - MAX_TRACES);
  const shown = traces.slice(hidden).map((t) => ({
    ...t,
    spans: t.spans.map((s) =>
      s.links ? { ...s, links: s.links.map((l) => l - hidden).filter((l) => l >= 0) } : s,
    ),
  }));
  const lost = traces.filter((t) => t.lostParent).length;
  const wrong = traces.some((t) => t.spans.some((s) => s.wrongParent));
  const verdict =
    input.mode === 'links'
      ? `${requests} request trace${requests === 1 ? '' : 's'}, one batch span that links to each`
      : wrong
        ? 'Spans of one request hang in another request’s trace'
        : lost > 0
          ? `${lost} trace${lost === 1 ? '' : 's'} lost ${lost === 1 ? 'its' : 'their'} parent at a process hop`
          : `One connected trace per request: ${requests} request${requests === 1 ? '' : 's'}`;
  return { traces: shown, hidden, verdict, connected: lost === 0 && !wrong };
}

function proofOfConcept(
  requests: number,
  rand: () => number,
  jitter: (ms: number) => number,
): SceneIllustration {
  const traces: IllustratedTrace[] = [];
  for (let r = 1; r <= requests; r++) {
    const total = jitter(38);
    traces.push({
      traceId: hex(rand, 32),
      request: r,
      lostParent: false,
      spans: [
        {
          name: 'HTTP PUT Stuff /stuff/2',
          service: 'phoenix',
          start: 0,
          duration: total,
          depth: 0,
        },
        { name: 'Stuff.get_stuff(2)', service: 'phoenix', start: 3, duration: jitter(9), depth: 1 },
        {
          name: 'Stuff.update_stuff(%Stuff{}, attrs)',
          service: 'phoenix',
          start: 15,
          duration: jitter(18),
          depth: 1,
        },
      ],
    });
  }
  if (requests > 1) {
    const [a, b] = [traces[traces.length - 2], traces[traces.length - 1]];
    if (a && b)
      a.spans.push(
        ...b.spans.splice(2).map((s) => ({ ...s, start: s.start + 5, wrongParent: true })),
      );
  }
  const hidden = Math.max(0, traces.length - MAX_TRACES);
  const wrong = requests > 1;
  return {
    traces: traces.slice(hidden),
    hidden,
    verdict: wrong
      ? 'Two requests at once: the global table gave one request’s span to the other'
      : 'One request, one trace, 3 spans: it works',
    connected: !wrong,
  };
}
