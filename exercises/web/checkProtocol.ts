import type { Assertion } from '../lib/check.ts';
import type { MessageInfo } from '../../sandbox/model/SpanRecord.ts';

/** What the page asks the check worker. */
export interface CheckRequest {
  exerciseId: string;
  source: string;
  filename: string;
}

/** A check's outcome without live spans: those cross the thread as OTLP/JSON. */
export interface CheckResultData {
  exercise: string;
  passed: boolean;
  assertions: Assertion[];
  crashes: string[];
  /** The run's spans as an OTLP/JSON ExportTraceServiceRequest; null when nothing ran. */
  otlp: string | null;
  /** The message each consumer span handled, by span id (plain data: it crosses the thread). */
  messages: Record<string, MessageInfo>;
  /** How long the check took in the worker, in milliseconds. */
  ms: number;
}

/**
 * Messages from the worker: `started` right before learner code runs (the time limit counts
 * from there, not from loading the worker), then one `result` or `error`.
 */
export type WorkerMessage =
  | { type: 'started' }
  | { type: 'result'; result: CheckResultData }
  | { type: 'error'; message: string };
