import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../sandbox/core/simulation.ts';
import type { Fault } from '../../../sandbox/core/config.ts';
import { SceneRecorder } from '../../../sandbox/model/SceneRecorder.ts';
import { GUIDES } from './guides.ts';
import { PREDICTIONS, feedback } from './predictions.ts';
import { decodeTraceparent, runFacts } from './runFacts.ts';
import type { TutorialSetup } from './setup.ts';

/** Runs a setup to its end, as a reader's scene would, and reads its facts. */
function run(setup: TutorialSetup, requests: number, seed = 1, faults?: readonly Fault[]) {
  const recorder = new SceneRecorder();
  const sim = createSimulation({
    mode: setup.mode,
    scenario: setup.scenario,
    seed,
    faults: [...(faults ?? setup.faults)],
    onEvent: recorder.onEvent,
  });
  sim.send(requests);
  sim.runUntilIdle(1_000_000);
  recorder.flush();
  const facts = runFacts(recorder.buffer, seed);
  sim.dispose();
  return facts;
}

describe('facts from a run', () => {
  it('counts traces and finds the first break in process mode', () => {
    const f = run({ mode: 'process', scenario: 'lab-order', faults: [] }, 1);
    expect(f.traces).toBe(17);
    expect(f.requests).toBe(1);
    expect(f.firstBreak).toMatchObject({ from: 'RequestProcess', to: 'Router' });
  });

  it('takes a traceparent apart field by field', () => {
    expect(decodeTraceparent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toEqual({
      version: '00',
      traceId: '0af7651916cd43dd8448eb211c80319c',
      parentId: 'b7ad6b7169203331',
      flags: '01',
      sampled: true,
    });
    expect(decodeTraceparent('00-xyz')).toBeUndefined();
    const f = run({ mode: 'metadata', scenario: 'lab-order', faults: [] }, 1);
    expect(f.traces).toBe(1);
    expect(f.traceparent?.traceId).toBe(f.first?.traceId);
    expect(f.traceparent?.parentSpan).toBeTruthy();
  });
});

describe('guided steps', () => {
  it('wait for what they ask, then explain the run with its numbers', () => {
    for (const guide of GUIDES) {
      const requests = guide.id === 'global-state' ? 2 : 1;
      const faults = guide.faultToggle ? [guide.faultToggle.fault] : guide.setup.faults;
      const facts = run(guide.setup, requests, 1, faults);
      const state = { sent: requests, idle: true, faults, facts };
      expect(guide.done({ ...state, idle: false }), guide.id).toBe(false);
      expect(guide.done({ ...state, sent: 0 }), guide.id).toBe(requests > 1 ? true : false);
      expect(guide.done(state), guide.id).toBe(true);
      const text = guide.explain(facts).join(' ');
      expect(text, guide.id).toContain(`seed 1`);
      expect(text, guide.id).toMatch(/\d/);
    }
    const fault = GUIDES.find((g) => g.id === 'fault');
    const facts = run({ mode: 'metadata', scenario: 'lab-order', faults: [] }, 1);
    expect(fault?.done({ sent: 1, idle: true, faults: [], facts })).toBe(false);
  });

  it('say different things for different seeds', () => {
    const guide = GUIDES.find((g) => g.id === 'process-stacks');
    const a = guide?.explain(run(guide.setup, 1, 1)).join(' ');
    const b = guide?.explain(run(guide.setup, 1, 2)).join(' ');
    expect(a).not.toEqual(b);
  });
});

describe('predictions', () => {
  it('judge each answer from the run and quote it', () => {
    expect(PREDICTIONS.length).toBeGreaterThanOrEqual(6);
    for (const p of PREDICTIONS) {
      const facts = run(p.setup, p.requests);
      const right = p.answer(facts);
      expect(
        p.choices.map((c) => c.id),
        `${p.id}: the run's answer is offered`,
      ).toContain(right);
      for (const c of p.choices) {
        const [verdict = '', why = ''] = feedback(p, facts, c.id);
        expect(verdict).toContain(c.text);
        expect(verdict.includes('your run agrees')).toBe(c.id === right);
        expect(why).toContain('seed 1');
      }
    }
  });

  it('expect what the simulation really does', () => {
    const answers = Object.fromEntries(
      PREDICTIONS.map((p) => [p.id, p.answer(run(p.setup, p.requests))]),
    );
    expect(answers).toEqual({
      'global-two': 'mixed',
      'process-traces': '17',
      'first-break': 'RequestProcess→Router',
      'metadata-traces': '1',
      'handlers-ignore': '7',
      'fault-traces': '2',
      'links-broken': 'linked',
    });
  });
});
