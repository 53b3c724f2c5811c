import { describe, expect, it } from 'vitest';
import { parseSimulateArgs, UsageError } from './parseArgs.ts';

describe('parseSimulateArgs', () => {
  it('has the documented defaults', () => {
    expect(parseSimulateArgs([])).toEqual({
      mode: 'metadata',
      requests: 1,
      concurrency: 1,
      seed: 1,
      scenario: 'lab-order',
      faults: [],
      out: null,
      help: false,
    });
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    expect(
      parseSimulateArgs([
        '--mode=links',
        '--requests',
        '50',
        '--concurrency=10',
        '--seed',
        '0',
        '--scenario',
        'proof-of-concept',
        '--fault',
        'drop-metadata',
        '--fault=batch-projection',
        '--out',
        'x.json',
      ]),
    ).toMatchObject({
      mode: 'links',
      requests: 50,
      concurrency: 10,
      seed: 0,
      scenario: 'proof-of-concept',
      faults: ['drop-metadata', 'batch-projection'],
      out: 'x.json',
    });
  });

  it.each([
    [['--mode', 'ets'], /--mode "ets" is not one of: global, process, metadata, links/],
    [['--scenario', 'x'], /--scenario "x" is not one of: lab-order, proof-of-concept/],
    [
      ['--fault', 'x'],
      /--fault "x" is not one of: drop-metadata, task-loses-context, batch-projection, unsampled-parent/,
    ],
    [['--requests', '0'], /--requests must be from 1 to 100000, not 0/],
    [['--requests', 'ten'], /--requests must be a whole number from 1 to 100000, not "ten"/],
    [['--requests', '1.5'], /whole number/],
    [['--concurrency', '-1'], /--concurrency must be a whole number from 1 to 1000, not "-1"/],
    [['--concurrency', '1001'], /--concurrency must be from 1 to 1000/],
    [['--seed', '4294967296'], /--seed must be from 0 to 4294967295/],
    [['--mode'], /--mode needs a value/],
    [['--out', ''], /--out needs a file name/],
    [['--verbose'], /unknown option --verbose; valid options: --mode, --requests/],
    [['metadata'], /unexpected argument "metadata"/],
  ])('rejects %j with a message that says what is valid', (argv, message) => {
    expect(() => parseSimulateArgs(argv)).toThrow(UsageError);
    expect(() => parseSimulateArgs(argv)).toThrow(message);
  });
});
