import { SpanKind } from '@opentelemetry/api';
import type { App } from '../app.ts';
import { sleepUs } from '../effects.ts';
import { consumeMessage } from './carriers.ts';
import type { CommandEnvelope } from '../domain.ts';
import type { Handler } from '../process.ts';
import { messagingAttributes } from './messaging.ts';

/**
 * The Commanded router as a process: it looks up the aggregate for the command and calls it.
 * It is a process hop of its own, so it shows where context must cross.
 */
export function routerHandler(app: App): Handler {
  return function* (msg, self) {
    const command = msg.body as CommandEnvelope;
    const consumed = consumeMessage(app, self, command.metadata, 'command');
    const span = app.tracing.start(self, 'commanded.router.dispatch', {
      kind: SpanKind.CONSUMER,
      parent: consumed.parent,
      links: consumed.links,
      attributes: messagingAttributes('process', command, {
        'commanded.command': command.type,
        'commanded.aggregate': command.aggregate,
        'sim.context.carried': consumed.carried,
      }),
    });
    yield sleepUs(app.timings.routerUs);
    // Messages are copied between processes, as in Erlang: never mutate what was received.
    const forwarded: CommandEnvelope = { ...command, metadata: { ...command.metadata } };
    app.tracing.strategy.inject(self, forwarded.metadata);
    const reply = yield {
      type: 'call',
      to: app.pids.aggregates[command.aggregate],
      body: forwarded,
    };
    app.tracing.end(self, span);
    app.runtime.reply(self, msg, reply);
  };
}
