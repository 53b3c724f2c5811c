import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseOtlpJson } from '../model/otlpImport.ts';

const CLI = join(import.meta.dirname, 'simulate.ts');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the simulate CLI', () => {
  it('writes an OTLP/JSON ExportTraceServiceRequest and a one-line summary', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sim-')), 'trace.json');
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
      /^mode=process scenario=lab-order seed=4 spans=111 traces=\d+ requests=3 traces_per_request=\d+\.\d\d cross_request_parents=0$/,
    );
    const body = JSON.parse(readFileSync(out, 'utf8')) as {
      resourceSpans: {
        resource: { attributes: { key: string }[] };
        scopeSpans: {
          spans: { traceId: string; spanId: string; kind: number; startTimeUnixNano: string }[];
        }[];
      }[];
    };
    const spans = body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    expect(spans).toHaveLength(111);
    // The sandbox's importer validates OTLP/JSON independently of the serializer that wrote it.
    const imported = parseOtlpJson(readFileSync(out, 'utf8'));
    expect(imported).toMatchObject({ ok: true });
    expect(imported.ok && imported.spans.length).toBe(111);
    for (const span of spans) {
      expect(span.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(span.kind).toBeGreaterThanOrEqual(1);
      expect(span.startTimeUnixNano).toMatch(/^\d{19}$/);
    }
  });

  it('prints the JSON to stdout by default, identical for the same seed', () => {
    const a = run('--requests', '2', '--seed', '8');
    const b = run('--requests', '2', '--seed', '8');
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toHaveProperty('resourceSpans');
  });

  it.each([
    [['--mode', 'ets'], /simulate: --mode "ets" is not one of: global, process, metadata, links/],
    [['--requests', 'many'], /simulate: --requests must be a whole number/],
    [['--bogus'], /simulate: unknown option --bogus/],
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
  });
});
