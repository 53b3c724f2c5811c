import { SpanKind } from '@opentelemetry/api';
import type { App } from '../app.ts';
import { sleepUs } from '../effects.ts';
import type { HttpRequest } from '../scenarios.ts';
import type { Conn, TracedCall } from '../hooks.ts';
import type { Handler } from '../process.ts';
import { commandFrom, dispatch } from './dispatch.ts';

/** The Tracing Plug's SERVER span: http.* attributes on the request process. */
function startServerSpan(app: App, self: Parameters<Handler>[1], req: HttpRequest) {
  return app.tracing.start(self, `${req.method} ${req.route}`, {
    kind: SpanKind.SERVER,
    entry: true,
    attributes: {
      'http.request.method': req.method,
      'http.route': req.route,
      'url.path': req.path,
      'url.scheme': 'https',
      'server.address': 'api.smallcentrix.example',
      'network.protocol.version': '1.1',
      'user_agent.original': 'smallcentrix-lab-portal/2.4',
    },
  });
}

/**
 * A Phoenix request process (Cowboy spawns one per request): the Tracing Plug, then the
 * controller, which dispatches PlaceLabOrder and answers 201.
 */
export function labOrderRequest(app: App): Handler {
  return function* (msg, self) {
    const req = msg.body as HttpRequest;
    const conn: Conn = {
      method: req.method,
      path: req.path,
      route: req.route,
      status: null,
      assigns: {},
    };
    const plug = app.hooks.tracingPlug;
    // Only a plug hook needs the process's API: building it (three closures and a map entry)
    // for every request process cost more than some of its spans.
    const api = plug ? app.tracing.api(self) : null;
    const server = plug ? null : startServerSpan(app, self, req);
    if (plug && api) plug.call(conn, api);
    yield sleepUs(app.timings.parseRequestUs);
    const controller = app.tracing.start(self, 'LabOrderController.create', {
      attributes: {
        'code.function.name': 'SmallcentrixWeb.LabOrderController.create/2',
        'phoenix.action': 'create',
      },
    });
    yield sleepUs(app.timings.controllerUs);
    const orderId = app.rng.hex(4);
    const command = commandFrom(app, 'PlaceLabOrder', 'LabOrder', orderId, null);
    command.metadata.request_id = self.requestId;
    const reply = (yield* dispatch(app, self, command)) as { ok: boolean } | undefined;
    app.tracing.end(self, controller);
    conn.status = reply?.ok ? 201 : 422;
    if (plug && api) plug.beforeSend(conn, api);
    else if (server) {
      server.setAttribute('http.response.status_code', conn.status);
      app.tracing.end(self, server);
    }
  };
}

/** The functions of the proof of concept that carry ExRay's `@trace` annotation. */
const TRACED_CALLS: readonly TracedCall[] = [
  { module: 'Stuff', fun: 'get_stuff', arity: 1, kind: 'get' },
  { module: 'Stuff', fun: 'update_stuff', arity: 2, kind: 'update' },
];

/**
 * Alexander's proof of concept: `PUT /stuff/:id` in one process, with ExRay `@trace` function
 * spans under the request span. Everything stays in one process, so every mode connects it.
 */
export function proofOfConceptRequest(app: App): Handler {
  return function* (msg, self) {
    const req = msg.body as HttpRequest;
    const server = startServerSpan(app, self, req);
    app.tracing.event(server, 'request received', { 'phoenix.controller': 'Stuff' });
    const exray = app.hooks.exray;
    const api = app.tracing.api(self);
    for (const call of TRACED_CALLS) {
      const name = `${call.module}.${call.fun}/${call.arity}`;
      const attributes = {
        component: 'ExRay',
        action: call.kind,
        controller: 'Stuff',
        request_id: self.requestId,
      };
      const span = exray
        ? exray.startSpan(call, api)
        : app.tracing.start(self, name, { attributes });
      yield sleepUs(app.timings.dbWriteUs);
      if (exray) exray.finishSpan(call, span, { ok: call.fun }, api);
      else if (span) app.tracing.end(self, span);
    }
    server.setAttribute('http.response.status_code', 200);
    app.tracing.event(server, 'response sent', { 'http.response.status_code': 200 });
    app.tracing.end(self, server);
  };
}
