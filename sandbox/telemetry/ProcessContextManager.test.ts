import { context, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../core/simulation.ts';

describe('ProcessContextManager', () => {
  it("makes context.active() the running process's context, and nothing outside a run", () => {
    const seen: Array<[pid: string, span: string | undefined]> = [];
    const sim = createSimulation({
      mode: 'metadata',
      hooks: {
        // Called inside the dispatching process, after its PRODUCER span started.
        beforeDispatch: (_command, api) => {
          const active = trace.getSpan(context.active()) as unknown as
            { name?: string } | undefined;
          seen.push([api.pid, active?.name]);
        },
      },
    });
    sim.send(1);
    sim.runUntilIdle();
    // PlaceLabOrder from the request process, ScheduleSampleCollection from the process manager,
    // MarkPatientNotified from the notification handler: three processes, each its own span.
    expect(seen.map(([, name]) => name)).toEqual([
      'commanded.application.dispatch',
      'commanded.application.dispatch',
      'commanded.application.dispatch',
    ]);
    expect(new Set(seen.map(([pid]) => pid)).size).toBe(3);
    expect(trace.getSpan(context.active())).toBeUndefined();
  });

  it('streams span starts before their ends, while spans are open', () => {
    const order: string[] = [];
    const sim = createSimulation({
      scenario: 'proof-of-concept',
      onSpan: (phase, span) => order.push(`${phase} ${span.name} ${span.ended ? 'ended' : 'open'}`),
    });
    sim.send(1);
    sim.runUntilIdle();
    expect(order).toEqual([
      'start PUT /stuff/:id open',
      'start Stuff.get_stuff/1 open',
      'end Stuff.get_stuff/1 ended',
      'start Stuff.update_stuff/2 open',
      'end Stuff.update_stuff/2 ended',
      'end PUT /stuff/:id ended',
    ]);
  });
});
