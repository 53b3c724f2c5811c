import { describe, expect, it } from 'vitest';
import { runScenario } from '../core/runScenario.ts';
import { MODES } from '../core/propagation/index.ts';
import { ConsumedMessages } from './ConsumedMessages.ts';
import { createSimulation } from '../core/simulation.ts';
import { SceneRecorder } from './SceneRecorder.ts';

describe('ConsumedMessages', () => {
  it.each(MODES)(
    'finds the message of every consumer span, as the live recorder does (%s mode)',
    (mode) => {
      // Both read the same run's events.
      const consumed = new ConsumedMessages();
      const live = new SceneRecorder();
      const sim = createSimulation({
        mode,
        seed: 5,
        onEvent: (e) => {
          consumed.onEvent(e);
          live.onEvent(e);
        },
      });
      sim.send(2);
      sim.runUntilIdle(1_000_000);
      sim.dispose();
      live.flush();
      const consumers = [...live.buffer.spans.values()].filter(
        (s) => 'sim.context.carried' in s.attributes,
      );
      expect(consumers.length).toBeGreaterThan(10);
      for (const span of consumers) {
        expect(span.message, span.name).toBeDefined();
        expect(consumed.bySpanId[span.spanId], span.name).toEqual(span.message);
      }
      // Spans started inside their process, from its stack, consumed no message.
      expect(Object.keys(consumed.bySpanId)).toHaveLength(consumers.length);
    },
  );

  it('shows a message without context as one: metadata, and no traceparent', () => {
    const consumed = new ConsumedMessages();
    const run = runScenario({ mode: 'process', seed: 5, onEvent: consumed.onEvent });
    const router = run.spans.find((s) => s.name === 'commanded.router.dispatch')!;
    const message = consumed.bySpanId[router.spanContext().spanId];
    expect(message?.summary).toBe('command PlaceLabOrder');
    expect(message?.traceparent).toBeUndefined();
    expect(message?.metadata).toHaveProperty('request_id');
    expect(message?.metadata).not.toHaveProperty('trace_ctx');
  });
});
