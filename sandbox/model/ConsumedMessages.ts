import type { Envelope } from '../core/envelope.ts';
import type { SimEvent } from '../core/simulation.ts';
import type { MessageInfo } from './SpanRecord.ts';
import { consumedMessage } from './messageInfo.ts';

/**
 * The message each consumer span handled, by span id, read from a run's events. The sandbox's
 * `SceneRecorder` does this for its live scene; a run that leaves only its spans behind (a
 * workshop check, which runs in a worker and crosses to the page as OTLP/JSON) keeps this beside
 * them, so that its views show what a command's or event's metadata held at each hop.
 *
 * For one finite run: it keeps every process's node and every consumer's message.
 */
export class ConsumedMessages {
  readonly bySpanId: Record<string, MessageInfo> = {};
  private readonly nodes = new Map<string, string>();
  private readonly handling = new Map<string, Envelope>();

  readonly onEvent = (e: SimEvent): void => {
    switch (e.type) {
      case 'spawn':
        this.nodes.set(e.pid, e.node);
        return;
      case 'handle-start':
        this.handling.set(e.pid, e.envelope);
        return;
      case 'handle-end':
        this.handling.delete(e.pid);
        return;
      case 'span-start': {
        // The span processor stamps `elixir.process` before it announces the start.
        const pid = e.span.attributes['elixir.process'];
        const env = typeof pid === 'string' ? this.handling.get(pid) : undefined;
        const message = consumedMessage(e.span.attributes, env, (p) => this.nodes.get(p));
        if (message) this.bySpanId[e.span.spanContext().spanId] = message;
        return;
      }
      default:
        return;
    }
  };
}
