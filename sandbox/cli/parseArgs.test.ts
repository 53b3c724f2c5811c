import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseSimulateArgs, UsageError } from './parseArgs.ts';

describe('parseSimulateArgs', () => {
  it('has the documented defaults', () => {
    expect(parseSimulateArgs([])).toEqual(DEFAULTS);
    expect(DEFAULTS).toMatchObject({
      mode: 'metadata',
      requests: 1,
      format: 'jsonl',
      epochMs: null,
      nonce: null,
      send: null,
      protocol: 'json',
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
        '--epoch=2026-05-01T18:00:00Z',
        '--nonce',
        'ABC',
        '--send',
        'http://127.0.0.1:4318/v1/traces',
        '--protocol=protobuf',
        '--timeout',
        '3',
        '--retries=0',
        '--jaeger-ui',
        'http://127.0.0.1:16686',
      ]),
    ).toMatchObject({
      epochMs: Date.UTC(2026, 4, 1, 18),
      nonce: 'abc',
      send: 'http://127.0.0.1:4318/v1/traces',
      protocol: 'protobuf',
      timeoutSeconds: 3,
      retries: 0,
      jaegerUi: 'http://127.0.0.1:16686/',
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
    [['--requests', '0'], /--requests must be from 1 to 10000000, not 0/],
    [['--requests', 'ten'], /--requests must be a whole number from 1 to 10000000, not "ten"/],
    [['--epoch', 'yesterday'], /--epoch "yesterday" is not now, talk, an ISO 8601 time/],
    [['--nonce', 'xyz'], /--nonce must be random or 1 to 32 hex digits, not "xyz"/],
    [['--protocol', 'grpc'], /--protocol "grpc" is not one of: json, protobuf/],
    [['--send', 'nowhere'], /--send "nowhere" is not a URL; for example http:\/\/localhost:4318/],
    [['--format', 'json', '--requests', '7501'], /--format json writes one document/],
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

it('takes one document up to the size a browser reads as one string', () => {
  expect(parseSimulateArgs(['--format', 'json', '--requests', '7500'])).toMatchObject({
    format: 'json',
    requests: 7500,
  });
});

describe('--reproducible', () => {
  it('fixes the epoch at the talk and the nonce at 0', () => {
    expect(parseSimulateArgs(['--reproducible'])).toMatchObject({
      epochMs: Date.UTC(2018, 3, 17, 17),
      nonce: '00000000000000000000000000000000',
    });
  });
});
