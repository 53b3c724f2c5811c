import { SpanKind } from '@opentelemetry/api';
import { hrTimeToMicroseconds } from '@opentelemetry/core';
import type { Exercise } from '../lib/Exercise.ts';
import { assertion } from '../lib/check.ts';
import { byRequest, serverSpanOf } from '../lib/rules.ts';
import { parentId, spanId } from '../lib/traceQueries.ts';

export const exercise: Exercise = {
  id: '01-tracing-plug',
  number: 1,
  title: 'The Tracing Plug',
  statement: [
    'Alexander starts where every request starts: in a Plug. Write a tracing plug that opens a SERVER span when a request arrives and closes it just before the response is sent.',
    'The span is named after the method and route, like `POST /lab-orders`, and carries `http.request.method`, `http.route` and, at the end, `http.response.status_code`.',
    "Make the span the process's current span (`api.attach`), so that the controller's spans nest under it, and give the process its old context back (`api.detach`) before the span ends.",
  ],
  goal: `POST /lab-orders                      SERVER  http.route=/lab-orders  status 201
└─ LabOrderController.create
   └─ commanded.application.dispatch  PRODUCER
      └─ ... the command, its events and handlers`,
  hints: [
    '`api.tracer.startSpan(name, { kind, attributes, startTime: api.now() }, context.active())` starts a span; `conn.assigns` is yours to keep it in until `beforeSend`.',
    '`trace.setSpan(context.active(), span)` makes a context that holds the span; `api.attach(thatContext)` makes it current in this process.',
    'In `beforeSend`: `span.setAttribute("http.response.status_code", conn.status ?? 500)`, then `api.detach()`, then `span.end(api.now())`.',
  ],
  exports: ['tracingPlug'],
  run: { scenario: 'lab-order', mode: 'metadata', requests: 3, concurrency: 2, seed: 101 },
  rules: [
    ({ spans }) => {
      const problems: string[] = [];
      for (const [request, group] of byRequest(spans)) {
        const servers = group.filter((s) => s.kind === SpanKind.SERVER);
        if (servers.length === 0)
          problems.push(`${request} has no SERVER span: the Tracing Plug's call/2 started none`);
        else if (servers.length > 1)
          problems.push(`${request} has ${servers.length} SERVER spans; it should have one`);
      }
      return assertion('every request has one SERVER span', problems);
    },
    ({ spans }) => {
      const problems: string[] = [];
      for (const [request, group] of byRequest(spans)) {
        const server = serverSpanOf(group);
        if (!server) continue;
        const a = server.attributes;
        if (server.name !== 'POST /lab-orders')
          problems.push(
            `${request}: the SERVER span is named "${server.name}", not "POST /lab-orders"`,
          );
        if (a['http.request.method'] !== 'POST')
          problems.push(
            `${request}: http.request.method is ${JSON.stringify(a['http.request.method'])}, not "POST"`,
          );
        if (a['http.route'] !== '/lab-orders')
          problems.push(
            `${request}: http.route is ${JSON.stringify(a['http.route'])}, not "/lab-orders"`,
          );
        if (a['http.response.status_code'] !== 201)
          problems.push(
            `${request}: http.response.status_code is ${JSON.stringify(a['http.response.status_code'])}, not 201 (set it in beforeSend)`,
          );
      }
      return assertion('the SERVER span has its name, method, route and status', problems);
    },
    ({ spans }) => {
      const problems: string[] = [];
      for (const [request, group] of byRequest(spans)) {
        const server = serverSpanOf(group);
        const controller = group.find((s) => s.name === 'LabOrderController.create');
        if (!server || !controller) continue;
        if (parentId(controller) !== spanId(server))
          problems.push(
            `${request}: \`LabOrderController.create\` is not a child of the SERVER span: attach the span's context in call/2 so the controller's spans nest under it`,
          );
        if (parentId(server))
          problems.push(
            `${request}: the SERVER span has a parent; a request that arrives with no traceparent starts a new trace`,
          );
      }
      return assertion("the controller's spans nest under the SERVER span", problems);
    },
    ({ spans, openSpans }) => {
      const problems: string[] = [];
      if (openSpans > 0)
        problems.push(`${openSpans} span(s) never ended: end the SERVER span in beforeSend/2`);
      for (const [request, group] of byRequest(spans)) {
        const server = serverSpanOf(group);
        const controller = group.find((s) => s.name === 'LabOrderController.create');
        if (
          server &&
          controller &&
          hrTimeToMicroseconds(server.endTime) < hrTimeToMicroseconds(controller.endTime)
        )
          problems.push(
            `${request}: the SERVER span ends before the controller does: end it in beforeSend/2, at api.now()`,
          );
      }
      return assertion('the SERVER span ends after the work it covers', problems);
    },
  ],
};
