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
    // Your code here: the request's span begins here, and the
    // controller's spans must nest under it. The goal in the
    // statement shows its name and attributes.
  },

  beforeSend(conn: Conn, api: ProcessApi): void {
    // Your code here: the response is about to leave. What does
    // the span still need, and what does the process need back?
  },
};
