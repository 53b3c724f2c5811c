import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliAsync } from './cliProcess.ts';

interface Received {
  contentType: string | undefined;
  body: Buffer;
}

/** An OTLP/HTTP receiver of the test's own, answering each POST as `answer` says. */
async function receiver(answer: (n: number, req: Received, res: ServerResponse) => void) {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { contentType: req.headers['content-type'], body: Buffer.concat(chunks) };
      received.push(r);
      answer(received.length, r, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`;
  servers.push(server);
  return { url, received };
}
const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

const ok = (res: ServerResponse, body = '{}') => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(body);
};
const spanCount = (body: Buffer) =>
  (
    JSON.parse(body.toString()) as { resourceSpans: { scopeSpans: { spans: unknown[] }[] }[] }
  ).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)).length;

describe('simulate --send', () => {
  it('retries a 503 and a 429 (Retry-After) with backoff and says what was accepted', async () => {
    const { url, received } = await receiver((n, _req, res) => {
      if (n === 1) res.writeHead(503, { 'Retry-After': '0' }).end('busy');
      else if (n === 2) res.writeHead(429, { 'Retry-After': '0' }).end('slow down');
      else ok(res, '{"partialSuccess":{"rejectedSpans":"2","errorMessage":"too old"}}');
    });
    const res = await runCliAsync(['--requests', '3', '--batch', '50', '--send', url]);
    expect(res.status).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/answered 503 Service Unavailable; retrying in 0\.0 s/);
    expect(res.stderr).toMatch(/answered 429 Too Many Requests; retrying in 0\.0 s/);
    // 111 spans in 3 batches (50, 50, 11); each accepted one had 2 spans rejected by the receiver.
    expect(res.stderr).toMatch(
      new RegExp(
        `spans=111 .* sent=111 accepted=105 rejected=6 retries=2 batches=3 to=${url.replace(/[/.]/g, '\\$&')}$`,
        'm',
      ),
    );
    expect(received.map((r) => r.contentType)).toEqual(Array(5).fill('application/json'));
    expect(received.slice(2).reduce((n, r) => n + spanCount(r.body), 0)).toBe(111);
  });

  it('sends protobuf with --protocol protobuf', async () => {
    const { url, received } = await receiver((_n, _req, res) => res.writeHead(200).end());
    const res = await runCliAsync([
      ...['--requests', '1', '--send', url, '--protocol', 'protobuf'],
      ...['--jaeger-ui', 'http://127.0.0.1:16686/'],
    ]);
    expect(res.status).toBe(0);
    expect(res.stderr).toMatch(/sent=37 accepted=37 batches=1/);
    // "Open in Jaeger": a search of the last hour, and the run's trace.
    expect(res.stderr).toMatch(
      /\nOpen in Jaeger: http:\/\/127\.0\.0\.1:16686\/search\?service=web&lookback=1h&limit=20\n {2}http:\/\/127\.0\.0\.1:16686\/trace\/[0-9a-f]{32}\n$/,
    );
    expect(received[0]?.contentType).toBe('application/x-protobuf');
    // Protobuf, not JSON: the first byte is field 1 (resource_spans), wire type 2.
    expect(received[0]?.body[0]).toBe(0x0a);
  });

  it('stops on a refusal and says why, with a hint', async () => {
    const { url } = await receiver((_n, _req, res) => res.writeHead(404).end('404 page not found'));
    const res = await runCliAsync(['--requests', '2', '--send', url.replace('/v1/traces', '/x')]);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(
      /sending stopped: http:\/\/127\.0\.0\.1:\d+\/x refused a batch: 404 Not Found \(404 page not found\)\. An OTLP\/HTTP trace receiver listens at \/v1\/traces/,
    );
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('gives up after the retries on a receiver that does not answer in time', async () => {
    const { url } = await receiver(() => {
      /* never answers */
    });
    const res = await runCliAsync(['--send', url, '--timeout', '1', '--retries', '1']);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/did not answer within 1 s; retrying in/);
    expect(res.stderr).toMatch(/did not answer within 1 s; gave up after 2 attempts\./);
    expect(res.stderr).toMatch(/sent=37 accepted=0 retries=1/);
  });

  it('says plainly when nothing listens there', async () => {
    const { url } = await receiver(() => {});
    servers.pop()?.close();
    const res = await runCliAsync(['--send', url, '--retries', '0']);
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(
      /nothing is listening at http:\/\/127\.0\.0\.1:\d+\/v1\/traces \(connection refused\): is the Collector or Jaeger running/,
    );
  });
});
