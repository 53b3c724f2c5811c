import { describe, expect, it } from 'vitest';
import type { CheckRequest, CheckResultData, WorkerMessage } from './checkProtocol.ts';
import { runWithTimeLimit, type Timers, type WorkerLike } from './runWithTimeLimit.ts';

/** A worker that does nothing until the test makes it answer. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  posted: CheckRequest[] = [];
  terminated = 0;
  postMessage(message: CheckRequest) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated++;
  }
  send(data: WorkerMessage) {
    this.onmessage?.({ data } as MessageEvent<WorkerMessage>);
  }
}

/** Virtual time: `advance(ms)` fires what is due, in order. */
class FakeTimers implements Timers {
  now = 0;
  private next = 1;
  pending = new Map<number, { at: number; fn: () => void }>();
  set(fn: () => void, ms: number) {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, fn });
    return id;
  }
  clear(handle: unknown) {
    this.pending.delete(handle as number);
  }
  advance(ms: number) {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.pending]
        .filter(([, t]) => t.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = until;
  }
}

const request: CheckRequest = { exerciseId: '03-inject', source: 'x', filename: 'exercise.ts' };
const result: CheckResultData = {
  exercise: '03-inject',
  passed: true,
  assertions: [],
  crashes: [],
  otlp: null,
  messages: {},
  ms: 3,
};

function setup(options: { runLimitMs?: number; loadLimitMs?: number } = {}) {
  const worker = new FakeWorker();
  const timers = new FakeTimers();
  const run = runWithTimeLimit(() => worker, request, { ...options, timers });
  let settled: unknown = 'pending';
  void run.outcome.then((o) => (settled = o));
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { worker, timers, run, settled: () => settled, flush };
}

describe('runWithTimeLimit', () => {
  it('posts the request, resolves with the result, and terminates the worker', async () => {
    const { worker, run, timers } = setup();
    expect(worker.posted).toEqual([request]);
    worker.send({ type: 'started' });
    worker.send({ type: 'result', result });
    expect(await run.outcome).toEqual({ kind: 'done', result });
    expect(worker.terminated).toBe(1);
    expect(timers.pending.size).toBe(0);
  });

  it('stops code that runs past the limit, counted from the start of the run', async () => {
    const { worker, timers, settled, flush, run } = setup({
      runLimitMs: 1500,
      loadLimitMs: 20_000,
    });
    timers.advance(5000); // loading a worker may take a while: that is not the learner's time
    await flush();
    expect(settled()).toBe('pending');
    worker.send({ type: 'started' });
    timers.advance(1499);
    await flush();
    expect(settled()).toBe('pending');
    expect(worker.terminated).toBe(0);
    timers.advance(1);
    const outcome = await run.outcome;
    expect(outcome).toEqual({
      kind: 'timeout',
      message: expect.stringMatching(/did not finish within 1\.5 s and was stopped.*endless loop/),
    });
    expect(worker.terminated).toBe(1);
    expect(worker.onmessage).toBeNull();
  });

  it('ignores a result that arrives after the time limit', async () => {
    const { worker, timers, run } = setup({ runLimitMs: 100 });
    worker.send({ type: 'started' });
    timers.advance(100);
    worker.send({ type: 'result', result });
    expect((await run.outcome).kind).toBe('timeout');
    expect(worker.terminated).toBe(1);
  });

  it('gives up on a worker that never loads', async () => {
    const { timers, run, worker } = setup({ loadLimitMs: 20_000 });
    timers.advance(20_000);
    expect(await run.outcome).toEqual({
      kind: 'timeout',
      message: 'The check did not start within 20 s and was stopped.',
    });
    expect(worker.terminated).toBe(1);
  });

  it('reports a worker error in words and terminates', async () => {
    const { worker, run } = setup();
    let prevented = false;
    worker.onerror?.({
      message: 'SyntaxError: Unexpected token',
      preventDefault: () => (prevented = true),
    } as unknown as ErrorEvent);
    expect(await run.outcome).toEqual({
      kind: 'error',
      message: "The check's worker failed: SyntaxError: Unexpected token.",
    });
    expect(prevented).toBe(true);
    expect(worker.terminated).toBe(1);
  });

  it('passes on an error message from the worker', async () => {
    const { worker, run } = setup();
    worker.send({ type: 'error', message: 'There is no exercise "9".' });
    expect(await run.outcome).toEqual({ kind: 'error', message: 'There is no exercise "9".' });
  });

  it('cancels: terminates at once and settles once', async () => {
    const { worker, run, timers } = setup();
    worker.send({ type: 'started' });
    run.cancel();
    run.cancel();
    timers.advance(10_000);
    expect(await run.outcome).toEqual({ kind: 'cancelled' });
    expect(worker.terminated).toBe(1);
    expect(timers.pending.size).toBe(0);
  });

  it('reports a worker that cannot be created', async () => {
    const run = runWithTimeLimit(
      () => {
        throw new Error('blocked by CSP');
      },
      request,
      { timers: new FakeTimers() },
    );
    expect(await run.outcome).toEqual({
      kind: 'error',
      message: 'The check could not start a worker: Error: blocked by CSP',
    });
  });
});
