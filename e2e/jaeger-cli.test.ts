import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../sandbox/cli/cliProcess.ts';
import type { SpanRecord } from '../sandbox/model/SpanRecord.ts';
import { parseTraceJson } from '../sandbox/model/otlpImport.ts';
import { SERVICES } from '../sandbox/telemetry/tracerProviders.ts';
import {
  ensureJaeger,
  JAEGER_BUILD_TIMEOUT_MS,
  startJaeger,
  tag,
  type JaegerSpan,
  type RunningJaeger,
} from './jaeger/jaeger.ts';

/**
 * A span as the sandbox compares it across a round trip through Jaeger: what Jaeger keeps.
 * (It drops the remote bit of a parent and the trace flags' sampled bit is all it has of those.)
 */
function comparable(span: SpanRecord) {
  const { parentRemote: _remote, traceFlags: _flags, message: _message, ...kept } = span;
  const links = kept.links.map(({ traceId, spanId }) => ({ traceId, spanId }));
  const sorted = (a: object) =>
    Object.fromEntries(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1)));
  return { ...kept, links, attributes: sorted(kept.attributes), resource: sorted(kept.resource) };
}

function parsed(text: string): SpanRecord[] {
  const result = parseTraceJson(text);
  if (!result.ok) throw new Error(result.error);
  return result.spans;
}

/** The trace ids a run wrote (its --out file): the ones to look for in Jaeger. */
function traceIdsIn(file: string): Set<string> {
  const ids = new Set<string>();
  for (const line of readFileSync(file, 'utf8').trim().split('\n'))
    for (const m of line.matchAll(/"traceId":"([0-9a-f]{32})"/g)) ids.add(m[1] as string);
  return ids;
}

describe('the CLI against a real Jaeger', () => {
  let jaeger: RunningJaeger;
  beforeAll(async () => {
    jaeger = await startJaeger(ensureJaeger());
  }, JAEGER_BUILD_TIMEOUT_MS);
  afterAll(() => jaeger?.stop(), 30_000);

  /** Sends a run and reads it back: every span Jaeger's search over the last hour finds for it. */
  async function sendAndRead(args: string[], spansExpected: number) {
    const out = join(mkdtempSync(join(tmpdir(), 'jaeger-cli-')), 'sent.jsonl');
    const res = await runCliAsync([...args, '--send', jaeger.otlpUrl, '--out', out]);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stderr).toMatch(new RegExp(`sent=${spansExpected} accepted=${spansExpected} `));
    const ids = traceIdsIn(out);
    // Jaeger stores what it received a moment later; ask until every span is there.
    for (let i = 0; ; i++) {
      const byTrace = new Map<string, JaegerSpan[]>();
      for (const service of SERVICES)
        for (const t of await jaeger.search(service, '1h'))
          if (ids.has(t.traceID)) byTrace.set(t.traceID, t.spans);
      const spans = [...byTrace.values()].flat();
      if (spans.length >= spansExpected || i > 100) return { byTrace, spans, ids, out };
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const requestOf = (s: JaegerSpan) => String(tag(s, 'sim.request.id'));
  const tracesPerRequest = (spans: JaegerSpan[]) => {
    const m = new Map<string, Set<string>>();
    for (const s of spans) m.set(requestOf(s), (m.get(requestOf(s)) ?? new Set()).add(s.traceID));
    return m;
  };

  it('metadata: one trace per request, holding every span of it', async () => {
    const { byTrace, spans, ids } = await sendAndRead(
      ['--mode', 'metadata', '--requests', '3'],
      111,
    );
    expect(spans).toHaveLength(111);
    expect(byTrace.size).toBe(3);
    expect(ids.size).toBe(3);
    for (const traces of tracesPerRequest(spans).values()) expect(traces.size).toBe(1);
    for (const trace of byTrace.values()) {
      expect(trace).toHaveLength(37);
      expect(trace.filter((s) => s.references.length === 0)).toHaveLength(1);
    }
  });

  it('process: each request split over several traces (sent as protobuf)', async () => {
    const { spans } = await sendAndRead(
      ['--mode', 'process', '--requests', '2', '--protocol', 'protobuf'],
      74,
    );
    expect(spans).toHaveLength(74);
    for (const traces of tracesPerRequest(spans).values()) expect(traces.size).toBeGreaterThan(3);
  });

  it('links: FOLLOWS_FROM references point at the producer, in another trace', async () => {
    const { spans } = await sendAndRead(['--mode', 'links', '--requests', '2'], 74);
    expect(spans).toHaveLength(74);
    const byId = new Map(spans.map((s) => [s.spanID, s]));
    const follows = spans.flatMap((s) =>
      s.references.filter((r) => r.refType === 'FOLLOWS_FROM').map((r) => ({ s, r })),
    );
    expect(follows.length).toBeGreaterThan(0);
    for (const { s, r } of follows) {
      const producer = byId.get(r.spanID);
      expect(producer, `${s.operationName} follows ${r.spanID}`).toBeDefined();
      expect(producer?.traceID).toBe(r.traceID);
      expect(r.traceID).not.toBe(s.traceID);
      expect(requestOf(producer as JaegerSpan)).toBe(requestOf(s));
    }
  });

  it('global with concurrency: spans of one request under another request’s trace', async () => {
    const { byTrace, spans } = await sendAndRead(
      ['--mode', 'global', '--requests', '6', '--concurrency', '3'],
      222,
    );
    expect(spans).toHaveLength(222);
    const mixed = [...byTrace.values()].filter((t) => new Set(t.map(requestOf)).size > 1);
    expect(mixed.length).toBeGreaterThan(0);
  });

  it('two runs with the same seed share no trace id, and no trace merges', async () => {
    const a = await sendAndRead(['--seed', '7', '--requests', '2'], 74);
    const b = await sendAndRead(['--seed', '7', '--requests', '2'], 74);
    expect([...a.ids].filter((id) => b.ids.has(id))).toEqual([]);
    for (const trace of [...a.byTrace.values(), ...b.byTrace.values()])
      expect(trace).toHaveLength(37);
  });

  it('a trace downloaded from Jaeger imports as the very spans that were sent', async () => {
    // A batch fault too: its span carries a list attribute and one link per event of the batch.
    const { ids, out } = await sendAndRead(
      ['--mode', 'links', '--requests', '3', '--concurrency', '3', '--fault', 'batch-projection'],
      109,
    );
    const sent = new Map<string, ReturnType<typeof comparable>>();
    for (const span of parsed(readFileSync(out, 'utf8'))) sent.set(span.spanId, comparable(span));
    let links = 0;
    let lists = 0;
    for (const id of ids) {
      // Jaeger's own JSON (its UI's "Trace JSON" and download), and v2's OTLP answer.
      for (const path of [`/api/traces/${id}`, `/api/v3/traces/${id}`]) {
        const res = await fetch(`${jaeger.queryUrl}${path}`);
        expect(res.status, path).toBe(200);
        const spans = parsed(await res.text());
        expect(spans.length, path).toBeGreaterThan(0);
        for (const span of spans) {
          expect(comparable(span), `${path} ${span.name}`).toEqual(sent.get(span.spanId));
          links += span.links.length;
          lists += Object.values(span.attributes).filter(Array.isArray).length;
        }
      }
    }
    expect(links).toBeGreaterThan(0);
    expect(lists).toBeGreaterThan(0);
  });
});
