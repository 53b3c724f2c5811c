import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findFreePortSync } from '../freePort.ts';

/** The Jaeger release the project tests against (a v1.x module tag carries the v2 binary). */
export const JAEGER_VERSION = 'v1.76.0';
export const CONFIG = join(import.meta.dirname, 'jaeger-config.yaml');

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The cached build of e2e/jaeger/build-jaeger.sh (what .ci/run runs). */
export function cachedJaegerPath(): string {
  const cache =
    process.env.TRACING_IN_ELIXIR_CACHE ??
    join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tracing-in-elixir');
  return join(cache, `jaeger-${JAEGER_VERSION}`, 'jaeger');
}

/**
 * A Jaeger v2 binary: $JAEGER_BIN (which must then work), else the cached build, else one built
 * now by e2e/jaeger/build-jaeger.sh from the Go module proxy (minutes, once per machine; .ci/run
 * builds it before the tests). The real-Jaeger tests never skip: without Go and without a binary
 * they fail, saying how to get one.
 */
export function ensureJaeger(): string {
  const env = process.env.JAEGER_BIN;
  if (env) {
    if (!executable(env)) throw new Error(`JAEGER_BIN=${env} is not an executable file`);
    return env;
  }
  const cached = cachedJaegerPath();
  if (executable(cached)) return cached;
  try {
    const out = execFileSync('bash', [join(import.meta.dirname, 'build-jaeger.sh')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const bin = out.trim().split('\n').pop() ?? '';
    if (executable(bin)) return bin;
  } catch {
    // build-jaeger.sh printed why (no Go, no module proxy) on stderr
  }
  throw new Error(
    'No Jaeger binary, and e2e/jaeger/build-jaeger.sh could not build one (it needs Go and the Go module proxy; see its message above). Or set JAEGER_BIN to a Jaeger v2 binary.',
  );
}

/** How long a first build of Jaeger may take on a busy 2-core machine. */
export const JAEGER_BUILD_TIMEOUT_MS = 45 * 60_000;

/** A span as Jaeger's query API (/api/traces) returns it. */
export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  processID: string;
  references: { refType: 'CHILD_OF' | 'FOLLOWS_FROM'; traceID: string; spanID: string }[];
  tags: { key: string; type: string; value: unknown }[];
  startTime: number;
}
export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string }>;
}

export interface RunningJaeger {
  pid: number;
  /** OTLP/HTTP traces endpoint. */
  otlpUrl: string;
  /** The query service's base URL (the API; the UI too in a release build). */
  queryUrl: string;
  /** Traces of `service` over the last `lookback`, Jaeger UI's own search. */
  search(service: string, lookback?: string): Promise<JaegerTrace[]>;
  trace(traceId: string): Promise<JaegerTrace | null>;
  stop(): Promise<void>;
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null)
      throw new Error(`Jaeger exited with ${child.exitCode} before it was ready:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Jaeger did not answer at ${url} within 60 s:\n${log()}`);
}

/**
 * Starts Jaeger on free loopback ports with the project's config (memory storage, OTLP/HTTP with
 * CORS for `corsOrigin`), and waits for its query API. Stop it with `stop()`, which signals its
 * PID and waits for it to exit.
 */
export async function startJaeger(bin: string, corsOrigin = '*'): Promise<RunningJaeger> {
  const [otlp, query, grpc] = [findFreePortSync(), findFreePortSync(), findFreePortSync()];
  // The ports come in through the config's ${env:...} references.
  const child = spawn(bin, ['--config', `file:${CONFIG}`], {
    env: {
      ...process.env,
      JAEGER_OTLP_HTTP: `127.0.0.1:${otlp}`,
      JAEGER_QUERY_HTTP: `127.0.0.1:${query}`,
      JAEGER_QUERY_GRPC: `127.0.0.1:${grpc}`,
      JAEGER_CORS_ORIGIN: corsOrigin,
      // Jaeger traces itself to localhost:4317 by default, where nothing listens: noise in logs.
      OTEL_TRACES_EXPORTER: 'none',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (c: Buffer) => (output = (output + c.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const queryUrl = `http://127.0.0.1:${query}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(child.pid, 'SIGTERM');
      // A graceful shutdown takes a moment; one that hangs gets SIGKILL after 10 s.
      const timer = setTimeout(() => child.pid && process.kill(child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await waitUntilReady(`${queryUrl}/api/services`, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  const get = async <T>(path: string): Promise<T | null> => {
    const res = await fetch(`${queryUrl}${path}`);
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`Jaeger ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    pid: child.pid ?? -1,
    otlpUrl: `http://127.0.0.1:${otlp}/v1/traces`,
    queryUrl,
    async search(service, lookback = '1h') {
      const q = `service=${encodeURIComponent(service)}&lookback=${lookback}&limit=100000`;
      return (await get<{ data: JaegerTrace[] }>(`/api/traces?${q}`))?.data ?? [];
    },
    async trace(traceId) {
      return (await get<{ data: JaegerTrace[] }>(`/api/traces/${traceId}`))?.data[0] ?? null;
    },
    stop,
  };
}

/** A span's tag value by key. */
export const tag = (span: JaegerSpan, key: string): unknown =>
  span.tags.find((t) => t.key === key)?.value;
