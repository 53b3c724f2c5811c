/**
 * The headless CLI: `npm run simulate -- --mode links --requests 10 --concurrency 3 --out t.json`.
 * OTLP/JSON goes to --out or stdout, a one-line summary to stderr.
 */
import { writeFileSync } from 'node:fs';
import { runScenario } from '../core/runScenario.ts';
import { toOtlpJson } from '../telemetry/otlpJson.ts';
import { formatSummary } from '../telemetry/traceSummary.ts';
import { parseSimulateArgs, USAGE, UsageError } from './parseArgs.ts';

function main(argv: string[]): number {
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
  const result = runScenario(args);
  const json = toOtlpJson(result.spans);
  if (args.out) {
    try {
      writeFileSync(args.out, json);
    } catch (err) {
      process.stderr.write(`simulate: cannot write ${args.out}: ${(err as Error).message}\n`);
      return 1;
    }
  } else {
    process.stdout.write(`${json}\n`);
  }
  process.stderr.write(
    `mode=${args.mode} scenario=${args.scenario} seed=${args.seed} ${formatSummary(result.summary, result.stats.lingering)}\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
