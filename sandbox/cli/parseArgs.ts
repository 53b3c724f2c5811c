import { FAULTS, type Fault } from '../core/config.ts';
import { MODES, type PropagationMode } from '../core/propagation/index.ts';
import { SCENARIOS, type ScenarioName } from '../core/scenarios.ts';

export interface SimulateArgs {
  mode: PropagationMode;
  requests: number;
  concurrency: number;
  seed: number;
  scenario: ScenarioName;
  faults: Fault[];
  out: string | null;
  help: boolean;
}

/** A mistake in the command line, worded for the person who typed it. */
export class UsageError extends Error {}

export const USAGE = `Usage: npm run simulate -- [options]

Runs the simulated Smallcentrix backend to completion and writes its traces as OTLP/JSON.

Options:
  --mode <${MODES.join('|')}>   how trace context propagates (default: metadata)
  --requests <N>          simulated HTTP requests to send, 1 to 100000 (default: 1)
  --concurrency <C>       requests in flight at once, 1 to 1000 (default: 1)
  --seed <S>              seed for timings and ids, an integer 0 to 4294967295 (default: 1)
  --scenario <${SCENARIOS.join('|')}>   (default: lab-order)
  --fault <NAME>          switch on a break scenario; repeatable: ${FAULTS.join(', ')}
  --out <FILE>            write the OTLP/JSON here instead of stdout
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
  'help',
]);

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

/** Parses the simulate CLI's flags; throws UsageError with a message that names the valid choices. */
export function parseSimulateArgs(argv: readonly string[]): SimulateArgs {
  const args: SimulateArgs = {
    mode: 'metadata',
    requests: 1,
    concurrency: 1,
    seed: 1,
    scenario: 'lab-order',
    faults: [],
    out: null,
    help: false,
  };
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
    if (name === 'help') {
      args.help = true;
      continue;
    }
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
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
        args.requests = intArg(name, value, 1, 100_000);
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
    }
  }
  return args;
}
