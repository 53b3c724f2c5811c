/**
 * The words the tutorial leans on, each in two or three sentences. Reader text links a word here
 * with `<Term id="span">spans</Term>`; the reading mode lists them all at the end.
 */
export interface GlossaryEntry {
  id: string;
  term: string;
  text: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'trace',
    term: 'Trace',
    text: 'Everything one request caused, as a tree of spans that share one trace id. A viewer such as Jaeger draws it as a waterfall: one row per span, indented under its parent.',
  },
  {
    id: 'span',
    term: 'Span',
    text: 'One timed operation: a name, a start and an end, attributes such as the HTTP route or the command’s name, and the ids of its trace, itself and its parent.',
  },
  {
    id: 'parent',
    term: 'Parent',
    text: 'The span that caused this one. A span names its parent by id; a span without a parent is the root of a new trace.',
  },
  {
    id: 'span-kind',
    term: 'Span kind',
    text: 'What role a span plays: SERVER for a request received, CLIENT for a request made, PRODUCER for a message sent, CONSUMER for a message handled, INTERNAL for work inside a process.',
  },
  {
    id: 'context',
    term: 'Context',
    text: 'What a process knows about the trace it is working in: the trace id, the id of the current span, and the sampling decision. A new span takes the current span as its parent.',
  },
  {
    id: 'propagation',
    term: 'Propagation',
    text: 'Carrying the context from one process to the next with the work: the sender injects it into the message, the receiver extracts it and continues the trace.',
  },
  {
    id: 'carrier',
    term: 'Carrier',
    text: 'The part of a message the context rides in: HTTP headers between services, and in Commanded the metadata map of a command or event (under "trace_ctx" with opentelemetry_commanded).',
  },
  {
    id: 'traceparent',
    term: 'traceparent',
    text: 'The W3C Trace Context header that carries a context as text: version, 32 hex digits of trace id, 16 of parent span id and 2 of flags, joined by dashes, as in 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01.',
  },
  {
    id: 'process-dictionary',
    term: 'Process dictionary',
    text: 'A key-value store private to each Erlang process. OpenTelemetry for Erlang keeps the current context there; a newly spawned process starts with an empty one, so with no current span.',
  },
  {
    id: 'link',
    term: 'Link',
    text: 'A reference from a span to another span, possibly in another trace, that is not its parent. Used when one parent does not fit: a batch of messages, or work that outlives its request.',
  },
  {
    id: 'sampling',
    term: 'Sampling',
    text: 'Deciding which traces to record. The decision travels in the context’s flags; a parent-based sampler follows it, so a trace is kept or dropped whole.',
  },
];

export const glossaryEntry = (id: string) => GLOSSARY.find((e) => e.id === id);
export const glossaryAnchor = (id: string) => `glossary-${id}`;
