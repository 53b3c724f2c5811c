// Exercise 1: the Tracing Plug.
//
// Phoenix calls `call` when a request arrives and `beforeSend`
// just before the response goes out. Start a SERVER span for
// the request in `call` and make it the process's current span,
// so that the controller's spans nest under it. Finish it in
// `beforeSend`, with the response status.
import { SpanKind, context, trace, type Span } from '@opentelemetry/api';
import type { Conn, ProcessApi } from '../lib/types.ts';

export const tracingPlug = {
  call(conn: Conn, api: ProcessApi): void {
    const span = api.tracer.startSpan(
      `${conn.method} ${conn.route}`,
      {
        kind: SpanKind.SERVER,
        startTime: api.now(),
        attributes: {
          'http.request.method': conn.method,
          'http.route': conn.route,
          'url.path': conn.path,
        },
      },
      context.active(),
    );
    conn.assigns.span = span;
    api.attach(trace.setSpan(context.active(), span));
  },

  beforeSend(conn: Conn, api: ProcessApi): void {
    const span = conn.assigns.span as Span;
    span.setAttribute('http.response.status_code', conn.status ?? 500);
    api.detach();
    span.end(api.now());
  },
};
