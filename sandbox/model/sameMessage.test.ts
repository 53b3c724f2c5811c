import { describe, expect, it } from 'vitest';
import type { Attrs, KindName, SpanRecord } from './SpanRecord.ts';
import { bufferFrom } from './TraceBuffer.ts';
import { requestSplit } from './requestSplit.ts';
import { runStats } from './traceStats.ts';
import { MessageIndex, describeMessage, recordsMessage } from './sameMessage.ts';

const CORRELATION = 'c0ffee00-1111-4222-8333-444455556666';

let next = 0;
/** A span as opentelemetry_commanded records it: the correlation id names its request. */
function span(
  traceId: string,
  name: string,
  startUs: number,
  attributes: Attrs,
  opts: { parent?: string; kind?: KindName } = {},
): SpanRecord {
  const all = { 'commanded.correlation_id': CORRELATION, ...attributes };
  return {
    traceId: traceId.repeat(32),
    spanId: (++next).toString(16).padStart(16, '0'),
    parentSpanId: opts.parent,
    name,
    kind: opts.kind ?? 'CONSUMER',
    service: 'shop',
    startUs,
    endUs: startUs + 100,
    attributes: all,
    resource: { 'service.name': 'shop' },
    scope: { name: 'opentelemetry_commanded' },
    events: [],
    links: [],
    status: { code: 0 },
    traceFlags: 1,
    requestId: CORRELATION,
  };
}

const placeOrder = { 'commanded.causation_id': 'cause-1', 'commanded.command': 'Shop.PlaceOrder' };

describe('the span at the other end of a lost hop, in another backend’s file', () => {
  it('is the earlier span of another trace that recorded the same command', () => {
    const http = span('a', 'POST /orders', 0, {}, { kind: 'SERVER' });
    const dispatch = span('a', 'commanded.application.dispatch', 100, placeOrder, {
      parent: http.spanId,
    });
    const execute = span('b', 'commanded.aggregate.execute', 300, placeOrder);
    const buffer = bufferFrom([http, dispatch, execute]);
    const [flag] = buffer.flags.get(execute.spanId) ?? [];
    expect(flag?.kind).toBe('new-trace');
    expect(flag?.related).toEqual({
      spanId: dispatch.spanId,
      traceId: dispatch.traceId,
      name: 'commanded.application.dispatch',
    });
    expect(flag?.text).toBe(
      'New trace started here, although its correlation id c0ffee00… is already traced in 1 other trace(s). The same command Shop.PlaceOrder (commanded.causation_id cause-1) is in trace aaaaaaaa, at commanded.application.dispatch: the context was lost between that span and this one. The message’s metadata did not carry it, or this handler did not read it.',
    );
  });

  it('is not a span of the same trace, a later span, or another message of the same cause', () => {
    const index = new MessageIndex();
    const alive = () => true;
    const lost = span('b', 'commanded.aggregate.execute', 300, placeOrder);
    index.add(span('b', 'commanded.application.dispatch', 100, placeOrder));
    index.add(span('c', 'commanded.application.dispatch', 400, placeOrder));
    index.add(
      span('d', 'commanded.application.dispatch', 100, {
        ...placeOrder,
        'commanded.command': 'Shop.CancelOrder',
      }),
    );
    expect(index.find(lost, alive)).toBeUndefined();
    // Nor a span that is no longer held (evicted).
    const gone = span('e', 'commanded.application.dispatch', 100, placeOrder);
    index.add(gone);
    expect(index.find(lost, (s) => s !== gone)).toBeUndefined();
    expect(index.find(lost, alive)?.span).toBe(gone);
  });

  it('prefers the sender over an earlier receiver of the same event', () => {
    const event = { 'messaging.message.id': 'ev-1', 'messaging.destination.name': 'OrderPlaced' };
    const index = new MessageIndex();
    const publish = span('a', 'publish OrderPlaced', 100, {
      ...event,
      'messaging.operation.type': 'send',
    });
    const sibling = span('b', 'commanded.event.handle', 200, {
      ...event,
      'messaging.operation.type': 'process',
    });
    index.add(publish);
    index.add(sibling);
    const lost = span('c', 'commanded.process_manager.handle', 250, event);
    expect(index.find(lost, () => true)?.span).toBe(publish);
    // With no sender in the file, the nearest receiver is the other end.
    const receiversOnly = new MessageIndex();
    receiversOnly.add(sibling);
    expect(receiversOnly.find(lost, () => true)?.span).toBe(sibling);
  });

  it('tells another handler of the same event from the span the context came from', () => {
    const event = { 'commanded.event_id': 'ev-9', 'commanded.event': 'Shop.OrderPlaced' };
    const http = span('a', 'POST /orders', 0, {}, { kind: 'SERVER' });
    const projector = span(
      'a',
      'commanded.event.handle',
      100,
      { ...event, 'commanded.handler_name': 'Shop.Projector' },
      { parent: http.spanId },
    );
    const mailer = span('b', 'commanded.event.handle', 200, event);
    const continued = bufferFrom([http, projector, mailer]).flags.get(mailer.spanId)?.[0];
    expect(continued?.related).toMatchObject({ spanId: projector.spanId, sibling: true });
    expect(continued?.text).toContain(
      'The same event Shop.OrderPlaced (commanded.event_id ev-9) also reached commanded.event.handle (Shop.Projector) in trace aaaaaaaa, which continued the request’s trace: the event’s metadata carried the context, and this handler did not read it.',
    );
    // In the statistics the other handler is not counted as where the context came from.
    expect(runStats(bufferFrom([http, projector, mailer])).brokenHops).toEqual([
      { from: 'an unknown sender', to: 'commanded.event.handle', cut: 1, mixed: 0 },
    ]);
    // Both handlers started traces of their own: the event came without context.
    const first = span('c', 'commanded.event.handle', 100, event);
    const second = span('d', 'commanded.event.handle', 200, event);
    const buffer = bufferFrom([
      span('z', 'POST /orders', 0, {}, { kind: 'SERVER' }),
      first,
      second,
    ]);
    expect(buffer.flags.get(second.spanId)?.[0]?.text).toContain(
      'also reached commanded.event.handle, which started a trace of its own (cccccccc) too: the event carried no context, so it was lost before the event was written.',
    );
    const [, , third] = requestSplit(buffer, CORRELATION);
    expect(third?.start).toMatchObject({ kind: 'lost', sibling: true, fromStep: 2 });
  });

  it('leaves the simulator’s own spans out: their messages are known', () => {
    const index = new MessageIndex();
    index.add(span('a', 'send', 100, { ...placeOrder, 'sim.request.id': 'req-1' }));
    expect(index.find(span('b', 'execute', 200, placeOrder), () => true)).toBeUndefined();
  });

  it('names a message by what its attributes say', () => {
    expect(describeMessage(placeOrder)).toBe('command Shop.PlaceOrder');
    expect(describeMessage({ 'commanded.event': 'Shop.OrderPlaced' })).toBe(
      'event Shop.OrderPlaced',
    );
    expect(describeMessage({ 'messaging.destination.name': 'orders' })).toBe('message orders');
    expect(recordsMessage({ 'http.request.method': 'POST' })).toBe(false);
    expect(recordsMessage({ 'messaging.message_id': 'x' })).toBe(true);
  });
});
