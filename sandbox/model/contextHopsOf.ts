import {
  contextHops,
  HopsReader,
  type ContextHops,
  type ContextHopsOptions,
} from './contextHops.ts';
import type { SpanRecord } from './SpanRecord.ts';
import type { TraceBuffer } from './TraceBuffer.ts';

/** Beyond this many spans a changing buffer is read a slice per call, not all at once. */
const LARGE = 5_000;
/** Spans read per call while a large buffer is being read again: about a millisecond. */
const SLICE = 2_500;
/** A finished read of a large buffer stands for this long before the next one starts. */
const REST_MS = 300;

interface Entry {
  version: number;
  at: number;
  value: ContextHops;
  /** A read in progress over a large, changing buffer. */
  job?: { reader: HopsReader; spans: Iterator<SpanRecord> };
}

// An answer with nodes for spans that received no message (a mixed span's box) and one without
// are cached apart: whichever came first for a version stood for both, and the sandbox's topology
// got the scene controller's answer, without nodes, so it drew no pill for a mix-up.
const withNodes = new WeakMap<TraceBuffer, Entry>();
const withoutNodes = new WeakMap<TraceBuffer, Entry>();
const clock = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/**
 * `contextHops`, computed once per buffer version: views call it every frame. A large buffer that
 * keeps changing (a stream of thousands of spans a second) is read again in slices of SLICE spans,
 * one slice per call, and the last whole answer stands meanwhile: a pass over 50,000 spans costs
 * about 25 ms, which in one frame would make it miss its vsync. A Map iterator sees spans added
 * during the read and skips those evicted, so each answer covers the stream as it went by.
 * Call `contextHops` for an answer that is never stale.
 */
export function contextHopsOf(buffer: TraceBuffer, opts?: ContextHopsOptions): ContextHops {
  // Some spans only (one trace's graph): an answer for those alone, not for the buffer.
  if (opts?.spans) return contextHops(buffer, opts);
  const cache = opts?.nodeOfPid ? withNodes : withoutNodes;
  const hit = cache.get(buffer);
  if (hit && hit.version === buffer.version) return hit.value;
  if (!hit || buffer.size <= LARGE) {
    const value = contextHops(buffer, opts);
    cache.set(buffer, { version: buffer.version, at: clock(), value });
    return value;
  }
  if (!hit.job) {
    if (clock() - hit.at < REST_MS) return hit.value;
    hit.job = { reader: new HopsReader(buffer, opts), spans: buffer.spans.values() };
  }
  const { reader, spans } = hit.job;
  for (let i = 0; i < SLICE; i++) {
    const next = spans.next();
    if (next.done) {
      const value = reader.result();
      cache.set(buffer, { version: buffer.version, at: clock(), value });
      return value;
    }
    reader.read(next.value);
  }
  return hit.value;
}
