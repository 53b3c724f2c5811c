import { SpanKind } from '@opentelemetry/api';
import { hrTimeToMicroseconds } from '@opentelemetry/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { Exercise } from '../lib/Exercise.ts';
import { assertion, checked } from '../lib/check.ts';
import { referenceHint } from '../lib/hints.ts';
import { byRequest, serverSpanOf } from '../lib/rules.ts';
import { parentId, parentWords, spanId } from '../lib/traceQueries.ts';

const KINDS = ['INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'];

/** Spans the plug made: named after an HTTP method or carrying a route (not the SMS client's). */
const plugSpans = (group: readonly ReadableSpan[]) =>
  group.filter(
    (s) =>
      s.attributes['url.full'] === undefined &&
      (s.attributes['http.route'] !== undefined || /^(GET|POST|PUT|PATCH|DELETE)\b/.test(s.name)),
  );

const NO_SERVER = 'no request has a SERVER span yet (exercise 1, call/2)';

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
    "A span is started by the tracer you are given (`api.tracer`), and it does not become anyone's parent by itself: starting it and making it current are two separate steps.",
    "Its options say what kind of span it is (`kind`), what it carries (`attributes`) and when it started (`startTime: api.now()`, the simulation's clock). Between `call` and `beforeSend` it has to live somewhere: the conn has a place for your own things.",
    '"Current" means: held in a context that the process has attached. `trace.setSpan` puts a span into a context; `api.attach` and `api.detach` are `OpenTelemetry.Ctx.attach/1` and `detach/1`.',
    referenceHint('01-tracing-plug'),
  ],
  why: 'A span is only a parent if it is in the context that later spans start from. Attaching the SERVER span in call/2 makes it the current span of the request process, so LabOrderController.create, started in that process, becomes its child. Detaching before the span ends gives the process its old context back, so nothing that runs later in it picks up a finished span.',
  elixir: {
    sketch: `defmodule MyAppWeb.TracingPlug do
  @behaviour Plug
  require OpenTelemetry.Tracer, as: Tracer

  def init(opts), do: opts

  def call(conn, _opts) do
    # start a :server span named "POST /lab-orders", make it current,
    # and close it in a before_send callback
  end
end`,
    solution: `defmodule MyAppWeb.TracingPlug do
  @behaviour Plug
  require OpenTelemetry.Tracer, as: Tracer

  def init(opts), do: opts

  def call(conn, _opts) do
    route =
      case Phoenix.Router.route_info(MyAppWeb.Router, conn.method, conn.request_path, conn.host) do
        %{route: route} -> route
        :error -> conn.request_path
      end

    span = Tracer.start_span("#{conn.method} #{route}", %{
      kind: :server,
      attributes: %{"http.request.method": conn.method, "http.route": route}
    })
    token = OpenTelemetry.Ctx.attach(Tracer.set_current_span(OpenTelemetry.Ctx.get_current(), span))

    Plug.Conn.register_before_send(conn, fn conn ->
      OpenTelemetry.Span.set_attribute(span, :"http.response.status_code", conn.status)
      OpenTelemetry.Ctx.detach(token)
      OpenTelemetry.Span.end_span(span)
      conn
    end)
  end
end

# In a real app, opentelemetry_phoenix and opentelemetry_cowboy make this span for you.`,
  },
  exports: ['tracingPlug'],
  run: { scenario: 'lab-order', mode: 'metadata', requests: 3, concurrency: 2, seed: 101 },
  rules: [
    ({ spans }) => {
      const problems: string[] = [];
      for (const [request, group] of byRequest(spans)) {
        const servers = group.filter((s) => s.kind === SpanKind.SERVER);
        if (servers.length > 1)
          problems.push(`${request} has ${servers.length} SERVER spans; expected one`);
        if (servers.length > 0) continue;
        const made = plugSpans(group)[0];
        problems.push(
          made
            ? `${request}: expected a SERVER span; found \`${made.name}\` of kind ${KINDS[made.kind]}: a request span is kind SpanKind.SERVER`
            : `${request} has no SERVER span: expected one from call/2, found no span from the plug at all`,
        );
      }
      return assertion('every request has one SERVER span', problems);
    },
    ({ spans }) => {
      const problems: string[] = [];
      let seen = 0;
      for (const [request, group] of byRequest(spans)) {
        const server = serverSpanOf(group);
        if (!server) continue;
        seen++;
        const a = server.attributes;
        if (server.name !== 'POST /lab-orders')
          problems.push(
            `${request}: the SERVER span is named "${server.name}"; expected "POST /lab-orders"`,
          );
        if (a['http.request.method'] !== 'POST')
          problems.push(
            `${request}: http.request.method is ${JSON.stringify(a['http.request.method']) ?? 'missing'}; expected "POST"`,
          );
        if (a['http.route'] !== '/lab-orders')
          problems.push(
            `${request}: http.route is ${JSON.stringify(a['http.route']) ?? 'missing'}; expected "/lab-orders" (the route pattern, conn.route)`,
          );
        if (a['http.response.status_code'] !== 201)
          problems.push(
            `${request}: http.response.status_code is ${JSON.stringify(a['http.response.status_code']) ?? 'missing'}; expected 201, set in beforeSend when conn.status is known`,
          );
      }
      return checked(
        'the SERVER span has its name, method, route and status',
        seen,
        problems,
        NO_SERVER,
      );
    },
    ({ spans }) => {
      const problems: string[] = [];
      let seen = 0;
      for (const [request, group] of byRequest(spans)) {
        const server = serverSpanOf(group);
        const controller = group.find((s) => s.name === 'LabOrderController.create');
        if (!server || !controller) continue;
        seen++;
        if (parentId(controller) !== spanId(server))
          problems.push(
            `${request}: expected \`LabOrderController.create\` under the SERVER span; it ${parentWords(controller, spans)}: is the span attached in call/2?`,
          );
        if (parentId(server))
          problems.push(
            `${request}: the SERVER span ${parentWords(server, spans)}; a request that arrives with no traceparent starts a new trace`,
          );
      }
      return checked(
        "the controller's spans nest under the SERVER span",
        seen,
        problems,
        NO_SERVER,
      );
    },
    ({ spans, openSpans }) => {
      const problems: string[] = [];
      let seen = 0;
      for (const [request, group] of byRequest(spans)) {
        const server = serverSpanOf(group);
        const controller = group.find((s) => s.name === 'LabOrderController.create');
        if (!server || !controller) continue;
        seen++;
        const ends = hrTimeToMicroseconds(server.endTime);
        const controllerEnds = hrTimeToMicroseconds(controller.endTime);
        if (ends < controllerEnds)
          problems.push(
            `${request}: the SERVER span ends ${Math.round(controllerEnds - ends)} µs before the controller does; expected it to end in beforeSend, at api.now()`,
          );
      }
      if (openSpans > 0)
        problems.push(
          `${openSpans} span(s) never ended; expected the SERVER span to end in beforeSend`,
        );
      return checked('the SERVER span ends after the work it covers', seen, problems, NO_SERVER);
    },
  ],
};
