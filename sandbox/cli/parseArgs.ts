import { FAULTS, type Fault } from '../core/config.ts';
import { MODES, type PropagationMode } from '../core/propagation/index.ts';
import { SCENARIOS, type ScenarioName } from '../core/scenarios.ts';
import { FIXED_NONCE, NONCE_PATTERN } from '../telemetry/SeededIdGenerator.ts';
import { TALK_EPOCH_MS } from '../telemetry/simTime.ts';
import type { OtlpProtocol } from './otlpSender.ts';
import type { OutputFormat } from './otlpWriter.ts';

export interface SimulateArgs {
  mode: PropagationMode;
  requests: number;
  concurrency: number;
  seed: number;
  scenario: ScenarioName;
  faults: Fault[];
  out: string | null;
  format: OutputFormat;
  /** Unix ms of virtual time 0; null: the moment the run starts. */
  epochMs: number | null;
  /** Hex nonce mixed into ids; null: a fresh random one. */
  nonce: string | null;
  send: string | null;
  protocol: OtlpProtocol;
  timeoutSeconds: number;
  retries: number;
  /** Spans per batch (a JSON line, a POST). */
  batch: number;
  /** Jaeger UI's base URL, for "Open in Jaeger" links. */
  jaegerUi: string | null;
  /** Print the run's wall time and peak RSS to stderr (the benchmark reads them). */
  stats: boolean;
  help: boolean;
}

/** A mistake in the command line, worded for the person who typed it. */
export class UsageError extends Error {}

export const MAX_REQUESTS = 10_000_000;
/** What one request's 37 spans take in a JSON document, in KB: links mode, the largest (48 KB). */
export const DOCUMENT_KB_PER_REQUEST = 48;
/**
 * A single document past this many requests would pass 360 MB, near what a browser reads as one
 * string (V8's longest is 512 MiB: Jaeger UI's Upload, the sandbox's import). JSON Lines has no
 * limit. It was 10,000 until each span carried its box and message (simAttributes.ts).
 */
export const MAX_DOCUMENT_REQUESTS = 7_500;

export const USAGE = `Usage: npm run simulate -- [options]

Runs the simulated Smallcentrix backend to completion and streams its traces as OTLP/JSON.

Options:
  --mode <${MODES.join('|')}>   how trace context propagates (default: metadata)
  --requests <N>          simulated HTTP requests to send, 1 to ${MAX_REQUESTS} (default: 1)
  --concurrency <C>       requests in flight at once, 1 to 1000 (default: 1)
  --seed <S>              seed for timings and ids, an integer 0 to 4294967295 (default: 1)
  --scenario <${SCENARIOS.join('|')}>   (default: lab-order)
  --fault <NAME>          switch on a break scenario; repeatable: ${FAULTS.join(', ')}

Output:
  --out <FILE>            write here instead of stdout (with --send: write here as well)
  --format <jsonl|json>   jsonl (default): JSON Lines, one OTLP ExportTraceServiceRequest per
                          batch, as the OpenTelemetry Collector's otlpjsonfile receiver reads;
                          json: one document, for Jaeger UI's Upload (up to ${MAX_DOCUMENT_REQUESTS} requests)
  --batch <SPANS>         spans per batch, 1 to 100000 (default: 2048)

Times and ids:
  --epoch <WHEN>          when virtual time 0 is: now (default), talk (2018-04-17T17:00:00Z),
                          an ISO 8601 time or Unix milliseconds
  --nonce <HEX|random>    mixed into trace and span ids: random (default) keeps runs apart;
                          0 gives the ids of the seed alone
  --reproducible          --epoch talk --nonce 0: byte-identical output for one seed

Sending:
  --send <URL>            stream batches to an OTLP/HTTP receiver, e.g.
                          http://localhost:4318/v1/traces (a Collector, Jaeger)
  --protocol <json|protobuf>   OTLP/HTTP encoding (default: json)
  --timeout <SECONDS>     per attempt, 1 to 600 (default: 10)
  --retries <N>           on 429, 502, 503, 504, timeouts and dropped connections, with
                          exponential backoff, 0 to 20 (default: 5)
  --jaeger-ui <URL>       Jaeger UI's address (http://localhost:16686): print "Open in Jaeger" links
  --stats                 also print the run's wall time and peak memory (RSS) to stderr
  --help                  show this help

A one-line summary goes to stderr.`;

const FLAGS = new Set([
  'mode',
  'requests',
  'concurrency',
  'seed',
  'scenario',
  'fault',
  'out',
  'format',
  'batch',
  'epoch',
  'nonce',
  'reproducible',
  'send',
  'protocol',
  'timeout',
  'retries',
  'jaeger-ui',
  'stats',
  'help',
]);
/** Flags that take no value. */
const SWITCHES = new Set(['help', 'reproducible', 'stats']);

/**
 * An epoch as --epoch takes it: "now" (null: the moment the run starts), "talk"
 * (2018-04-17T17:00:00Z), an ISO 8601 time, or Unix milliseconds; undefined when it is none.
 */
function parseEpoch(raw: string): number | null | undefined {
  if (raw === 'now') return null;
  if (raw === 'talk') return TALK_EPOCH_MS;
  if (/^\d{1,15}$/.test(raw)) return Number(raw);
  if (!/^\d{4}-\d\d-\d\d/.test(raw)) return undefined;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

function intArg(name: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw))
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max)
    throw new UsageError(`--${name} must be from ${min} to ${max}, not ${raw}`);
  return n;
}

function oneOf<T extends string>(name: string, raw: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new UsageError(`--${name} "${raw}" is not one of: ${choices.join(', ')}`);
}

function httpUrl(name: string, raw: string, example: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--${name} "${raw}" is not a URL; for example ${example}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--${name} must be an http:// or https:// URL, not "${raw}"`);
  return url.href;
}

export const DEFAULTS: SimulateArgs = {
  mode: 'metadata',
  requests: 1,
  concurrency: 1,
  seed: 1,
  scenario: 'lab-order',
  faults: [],
  out: null,
  format: 'jsonl',
  epochMs: null,
  nonce: null,
  send: null,
  protocol: 'json',
  timeoutSeconds: 10,
  retries: 5,
  batch: 2048,
  jaegerUi: null,
  stats: false,
  help: false,
};

/** Parses the simulate CLI's flags; throws UsageError with a message that names the valid choices. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs {
  const args: SimulateArgs = { ...DEFAULTS, faults: [] };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (!token.startsWith('--'))
      throw new UsageError(`unexpected argument "${token}"; options start with --`);
    const [name, inline] = token.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    let value = inline;
    if (!FLAGS.has(name))
      throw new UsageError(
        `unknown option --${name}; valid options: ${[...FLAGS].map((f) => `--${f}`).join(', ')}`,
      );
    if (SWITCHES.has(name)) {
      if (name === 'help') args.help = true;
      else if (name === 'stats') args.stats = true;
      else {
        args.epochMs = TALK_EPOCH_MS;
        args.nonce = FIXED_NONCE;
      }
      continue;
    }
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    apply(args, name, value);
  }
  if (args.format === 'json' && args.requests > MAX_DOCUMENT_REQUESTS)
    throw new UsageError(
      `--format json writes one document, and ${args.requests} requests would make it about ${Math.round((args.requests * DOCUMENT_KB_PER_REQUEST) / 1000)} MB: past what a browser reads as one string (Jaeger UI's Upload, the sandbox's import), so the limit is ${MAX_DOCUMENT_REQUESTS} requests. Leave out --format for JSON Lines (no limit; the Collector's otlpjsonfile receiver reads it), or use --send.`,
    );
  return args;
}

function apply(args: SimulateArgs, name: string, value: string): void {
  switch (name) {
    case 'mode':
      args.mode = oneOf(name, value, MODES);
      break;
    case 'scenario':
      args.scenario = oneOf(name, value, SCENARIOS);
      break;
    case 'fault': {
      const fault = oneOf(name, value, FAULTS);
      if (!args.faults.includes(fault)) args.faults.push(fault);
      break;
    }
    case 'requests':
      args.requests = intArg(name, value, 1, MAX_REQUESTS);
      break;
    case 'concurrency':
      args.concurrency = intArg(name, value, 1, 1000);
      break;
    case 'seed':
      args.seed = intArg(name, value, 0, 4_294_967_295);
      break;
    case 'out':
      if (value.trim() === '') throw new UsageError('--out needs a file name');
      args.out = value;
      break;
    case 'format':
      args.format = oneOf(name, value, ['jsonl', 'json'] as const);
      break;
    case 'batch':
      args.batch = intArg(name, value, 1, 100_000);
      break;
    case 'epoch': {
      const ms = parseEpoch(value);
      if (ms === undefined)
        throw new UsageError(
          `--epoch "${value}" is not now, talk, an ISO 8601 time (2026-05-01T18:00:00Z) or Unix milliseconds`,
        );
      args.epochMs = ms;
      break;
    }
    case 'nonce':
      if (value !== 'random' && !NONCE_PATTERN.test(value))
        throw new UsageError(`--nonce must be random or 1 to 32 hex digits, not "${value}"`);
      args.nonce = value === 'random' ? null : value.toLowerCase();
      break;
    case 'send':
      args.send = httpUrl(name, value, 'http://localhost:4318/v1/traces');
      break;
    case 'protocol':
      args.protocol = oneOf(name, value, ['json', 'protobuf'] as const);
      break;
    case 'timeout':
      args.timeoutSeconds = intArg(name, value, 1, 600);
      break;
    case 'retries':
      args.retries = intArg(name, value, 0, 20);
      break;
    case 'jaeger-ui':
      args.jaegerUi = httpUrl(name, value, 'http://localhost:16686');
      break;
  }
}
