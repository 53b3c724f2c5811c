/** An Erlang-style process id, printed the way iex prints it: `<0.142.0>`. */
export type Pid = string;

/**
 * A message between two simulated processes. `requestId` is the simulator's ground truth: which
 * simulated HTTP request caused this message. It is never part of what the system itself sees
 * (that is `body`), so propagation bugs cannot hide behind it.
 */
export interface Envelope<B = unknown> {
  seq: number;
  from: Pid | null;
  to: Pid;
  body: B;
  requestId: string;
  sentAt: number;
  deliverAt: number;
  /** Set on a GenServer.call request: the reference its reply will carry. */
  callRef?: number;
  /** Set on a reply: the reference of the call it answers. */
  inReplyTo?: number;
}

/** Commanded-style metadata: a free-form map that travels with commands and events. */
export type Metadata = Record<string, unknown>;
