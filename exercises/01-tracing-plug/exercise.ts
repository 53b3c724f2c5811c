// Exercise 1: the Tracing Plug.
//
// Phoenix calls `call` when a request arrives and `beforeSend` just before the response goes out.
// Start a SERVER span for the request in `call` and make it the process's current span, so that
// the controller's spans nest under it. Finish it in `beforeSend`, with the response status.
import { SpanKind, context, trace, type Span } from '@opentelemetry/api';
import type { Conn, ProcessApi } from '../lib/types.ts';

export const tracingPlug = {
  call(conn: Conn, api: ProcessApi): void {
    // Your code here: start a SERVER span named like "POST /lab-orders" (conn.method, conn.route),
    // with the http.request.method and http.route attributes and startTime api.now().
    // Keep it in conn.assigns, then attach a context that holds it: api.attach(...)
  },

  beforeSend(conn: Conn, api: ProcessApi): void {
    // Your code here: set http.response.status_code from conn.status, detach, end the span
    // at api.now().
  },
};
