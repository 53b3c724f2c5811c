/**
 * The headless CLI: `npm run simulate -- --mode links --requests 10 --concurrency 3 --out t.jsonl`.
 * OTLP/JSON streams to --out or stdout (and with --send to an OTLP/HTTP receiver), a batch at a
 * time; a one-line summary goes to stderr.
 */
import { createWriteStream, openSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { jaegerSearchUrl, jaegerTraceUrl } from '../model/jaegerLinks.ts';
import { freshNonce } from '../telemetry/SeededIdGenerator.ts';
import { shiftSpans } from '../telemetry/shiftSpans.ts';
import { shiftTo } from '../telemetry/simTime.ts';
import { formatSummary } from '../telemetry/traceSummary.ts';
import { createSender, SendError, type SendReport } from './otlpSender.ts';
import { createOtlpWriter } from './otlpWriter.ts';
import { parseSimulateArgs, USAGE, UsageError, type SimulateArgs } from './parseArgs.ts';
import { streamRun } from './streamRun.ts';

/** How many "Open in Jaeger" links the summary prints. */
const LINKS = 5;

class OutputError extends Error {}

function openOutput(args: SimulateArgs): Writable | null {
  if (args.out) {
    try {
      // Opened at once, so a bad path fails before any simulation runs.
      return createWriteStream('', { fd: openSync(args.out, 'w') });
    } catch (err) {
      throw new OutputError(`cannot write ${args.out}: ${(err as Error).message}`);
    }
  }
  return args.send ? null : process.stdout;
}

function sendFigures(url: string, r: SendReport): string {
  const parts = [`sent=${r.sent}`, `accepted=${r.accepted}`];
  if (r.rejected > 0) parts.push(`rejected=${r.rejected}`);
  if (r.retries > 0) parts.push(`retries=${r.retries}`);
  parts.push(`batches=${r.batches}`, `to=${url}`);
  return parts.join(' ');
}

async function run(args: SimulateArgs): Promise<number> {
  const started = performance.now();
  const epochMs = args.epochMs ?? Date.now();
  const nonce = args.nonce ?? freshNonce();
  const shift = shiftTo(epochMs);
  const out = openOutput(args);
  const writer = out ? createOtlpWriter(out, args.format) : null;
  const sender = args.send
    ? createSender({
        url: args.send,
        protocol: args.protocol,
        timeoutMs: args.timeoutSeconds * 1000,
        retries: args.retries,
        inFlight: 4,
        backoffMs: 500,
        log: (line) => process.stderr.write(`${line}\n`),
      })
    : null;
  const rootTraces: string[] = [];
  const take = async (batch: ReadableSpan[]) => {
    for (const span of batch)
      if (rootTraces.length < LINKS && !span.parentSpanContext)
        rootTraces.push(span.spanContext().traceId);
    const spans = shiftSpans(batch, shift);
    if (writer) await writer.write(spans);
    if (sender) await sender.send(spans);
  };
  const head = `mode=${args.mode} scenario=${args.scenario} seed=${args.seed}`;
  const tail = `nonce=${nonce} epoch=${new Date(epochMs).toISOString()}`;
  let failed: string | null = null;
  let line: string;
  try {
    const result = await streamRun(
      {
        mode: args.mode,
        scenario: args.scenario,
        seed: args.seed,
        faults: args.faults,
        idNonce: nonce,
        requests: args.requests,
        concurrency: args.concurrency,
        batchSpans: args.batch,
      },
      take,
    );
    line = `${head} ${formatSummary(result.summary, result.stats.lingering)} ${tail}`;
    await writer?.end();
    await sender?.drain();
  } catch (err) {
    if (!(err instanceof SendError)) throw err;
    failed = err.message;
    line = `${head} stopped ${tail}`;
  }
  if (out && out !== process.stdout) await new Promise<void>((r) => out.end(r));
  if (sender && args.send) line += ` ${sendFigures(args.send, sender.report())}`;
  process.stderr.write(`${line}\n`);
  if (args.stats) {
    const seconds = (performance.now() - started) / 1000;
    const rssMB = process.resourceUsage().maxRSS / 1024;
    process.stderr.write(`stats: seconds=${seconds.toFixed(2)} peak_rss_mb=${rssMB.toFixed(1)}\n`);
  }
  if (failed) {
    process.stderr.write(`simulate: sending stopped: ${failed}\n`);
    return 1;
  }
  if (args.jaegerUi) {
    process.stderr.write(`Open in Jaeger: ${jaegerSearchUrl(args.jaegerUi.replace(/\/+$/, ''))}\n`);
    for (const id of rootTraces)
      process.stderr.write(`  ${jaegerTraceUrl(args.jaegerUi.replace(/\/+$/, ''), id)}\n`);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseSimulateArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(
      `simulate: ${err.message}\nRun "npm run simulate -- --help" for the options.\n`,
    );
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    return await run(args);
  } catch (err) {
    if (!(err instanceof OutputError)) throw err;
    process.stderr.write(`simulate: ${err.message}\n`);
    return 1;
  }
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
process.exitCode = await main(process.argv.slice(2));
