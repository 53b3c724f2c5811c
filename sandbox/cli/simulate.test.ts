import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTraceJson } from '../model/otlpImport.ts';
import { runCli as run } from './cliProcess.ts';

interface OtlpDoc {
  resourceSpans: {
    resource: { attributes: { key: string }[] };
    scopeSpans: {
      spans: { traceId: string; spanId: string; kind: number; startTimeUnixNano: string }[];
    }[];
  }[];
}
const spansOf = (doc: OtlpDoc) =>
  doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
const tmp = () => mkdtempSync(join(tmpdir(), 'sim-'));

describe('the simulate CLI', () => {
  it('writes OTLP/JSON ExportTraceServiceRequests and a one-line summary', () => {
    const out = join(tmp(), 'trace.jsonl');
    const res = run(
      '--mode',
      'process',
      '--requests',
      '3',
      '--concurrency',
      '2',
      '--seed',
      '4',
      '--out',
      out,
    );
    expect(res.status).toBe(0);
    expect(res.stdout).toBe('');
    const lines = res.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^mode=process scenario=lab-order seed=4 spans=111 traces=\d+ requests=3 traces_per_request=\d+\.\d\d cross_request_parents=0 nonce=[0-9a-f]{32} epoch=\d{4}-\d\d-\d\dT[\d:.]+Z$/,
    );
    const text = readFileSync(out, 'utf8');
    const spans = text
      .trim()
      .split('\n')
      .flatMap((l) => spansOf(JSON.parse(l) as OtlpDoc));
    expect(spans).toHaveLength(111);
    // The sandbox's importer validates OTLP/JSON independently of the serializer that wrote it.
    const imported = parseTraceJson(text);
    expect(imported).toMatchObject({ ok: true });
    expect(imported.ok && imported.spans.length).toBe(111);
    for (const span of spans) {
      expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(span.kind).toBeGreaterThanOrEqual(1);
      expect(span.startTimeUnixNano).toMatch(/^\d{19}$/);
    }
  });

  it('places spans at wall-clock time, with fresh ids each run', () => {
    const before = BigInt(Date.now()) * 1_000_000n;
    const a = run('--requests', '2', '--seed', '8');
    const b = run('--requests', '2', '--seed', '8');
    const after = BigInt(Date.now()) * 1_000_000n;
    expect(a.status).toBe(0);
    const spansA = spansOf(JSON.parse(a.stdout) as OtlpDoc);
    const spansB = spansOf(JSON.parse(b.stdout) as OtlpDoc);
    // The run starts between `before` and `after`; its virtual time is a few milliseconds long.
    for (const s of spansA) {
      expect(BigInt(s.startTimeUnixNano)).toBeGreaterThanOrEqual(before);
      expect(BigInt(s.startTimeUnixNano)).toBeLessThan(after + 60_000_000_000n);
    }
    const tracesA = new Set(spansA.map((s) => s.traceId));
    expect(spansB.some((s) => tracesA.has(s.traceId))).toBe(false);
    expect(spansB.map((s) => s.spanId)).not.toEqual(spansA.map((s) => s.spanId));
  });

  it('gives byte-identical output with --reproducible (the talk epoch, nonce 0)', () => {
    const a = run('--requests', '2', '--seed', '8', '--reproducible');
    const b = run('--requests', '2', '--seed', '8', '--epoch', 'talk', '--nonce', '0');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const spans = spansOf(JSON.parse(a.stdout) as OtlpDoc);
    // 2018-04-17T17:00:00Z, the evening of the talk.
    expect(spans[0]?.startTimeUnixNano.slice(0, 10)).toBe('1523984400');
  });

  it('writes one document with --format json, batch after batch', () => {
    const res = run('--requests', '4', '--batch', '10', '--format', 'json', '--reproducible');
    expect(res.status).toBe(0);
    expect(res.stdout.trim().split('\n')).toHaveLength(1);
    expect(spansOf(JSON.parse(res.stdout) as OtlpDoc)).toHaveLength(4 * 37);
    const lines = run('--requests', '4', '--batch', '10', '--reproducible').stdout.trim();
    expect(lines.split('\n')).toHaveLength(15);
  });

  it.each([
    [['--mode', 'ets'], /simulate: --mode "ets" is not one of: global, process, metadata, links/],
    [['--requests', 'many'], /simulate: --requests must be a whole number/],
    [['--bogus'], /simulate: unknown option --bogus/],
    [
      ['--format', 'json', '--requests', '20000'],
      /simulate: --format json writes one document, and 20000 requests would make it about 960 MB.*Leave out --format for JSON Lines/,
    ],
    [['--send', 'localhost:4318'], /--send must be an http:\/\/ or https:\/\/ URL/],
  ])('exits 2 on %j with a clear message and no stack trace', (argv, message) => {
    const res = run(...argv);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(message);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 1 with a plain message when the output file cannot be written', () => {
    const res = run('--out', '/nonexistent-dir/trace.json');
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/^simulate: cannot write \/nonexistent-dir\/trace.json: ENOENT/);
  });

  it('prints help', () => {
    const res = run('--help');
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/--mode <global\|process\|metadata\|links>/);
    expect(res.stdout).toMatch(/--send <URL>/);
  });
});
