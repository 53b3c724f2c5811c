import type { Fault } from '../core/config.ts';
import { createSimulation, type Simulation } from '../core/simulation.ts';
import { SceneRecorder } from '../model/SceneRecorder.ts';
import { bufferFrom, type TraceBuffer } from '../model/TraceBuffer.ts';
import type { MessageInfo } from '../model/SpanRecord.ts';
import { fromSimulation, importNote } from '../model/importNote.ts';
import { parseTraceJson } from '../model/otlpImport.ts';
import { repairSpanIds } from '../model/importIds.ts';
import type { ContextHops } from '../model/contextHops.ts';
import { contextHopsOf } from '../model/contextHopsOf.ts';
import { firstProblem, stepProblem } from '../model/problems.ts';
import { filterTraces, queryOf } from '../model/traceFilter.ts';
import { recordsToOtlpJson } from '../model/otlpExport.ts';
import { spanNodes } from '../model/simAttributes.ts';
import { freshNonce } from '../telemetry/SeededIdGenerator.ts';
import { PublishPacer } from './publishPacer.ts';
import { createSceneStore, type SceneSettings, type SceneStore } from './store.scene.ts';

/** Virtual microseconds per real millisecond at 1x: 2 ms of simulated time per second. */
export const US_PER_MS_AT_1X = 2;
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

/** Where animation frames come from: the browser's, or a test's. */
export interface FrameSource {
  request(cb: (t: number) => void): number;
  cancel(id: number): void;
}

const browserFrames: FrameSource = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (id) => cancelAnimationFrame(id),
};

export interface SceneControllerOptions {
  settings: SceneSettings;
  autoplay?: boolean;
  /** Span cap beyond which the oldest traces are evicted. */
  cap?: number;
  frames?: FrameSource;
  /**
   * 'per-run' (default): each run's ids mix in a fresh nonce, so two runs of one seed, or two
   * attendees on the default seed, never send a backend the same trace id. 'seeded': the seed
   * alone gives the ids, for scenes that must draw the same picture in several windows (the deck).
   */
  ids?: 'per-run' | 'seeded';
}

export type SceneController = ReturnType<typeof createSceneController>;

/**
 * Runs one scene: a simulation, the recorder that buffers its events, and the frame loop that
 * advances virtual time and publishes to React at most once per animation frame (less often
 * while spans stream faster than a person reads: PublishPacer). Framework-free; the React layer
 * only calls its actions and reads its store and buffers.
 */
export function createSceneController(opts: SceneControllerOptions) {
  const frames = opts.frames ?? browserFrames;
  const cap = opts.cap;
  const store: SceneStore = createSceneStore(opts.settings, opts.autoplay ?? true);
  let recorder = new SceneRecorder(cap);
  let imported: TraceBuffer | null = null;
  /** Wall-clock Unix ms when the run began: its virtual time 0, when spans leave the page. */
  let runStartedAt = 0;
  /** The id nonce of the current run (undefined: ids from the seed alone), and one a link asked for. */
  let runNonce: string | undefined;
  let linkedNonce: string | undefined;
  let sim: Simulation = build();
  let frameId: number | null = null;
  let last: number | null = null;
  let loadRate = 0;
  let loadCarry = 0;
  /** Requests the steady load fired that the store has not heard of yet (see PublishPacer). */
  let unpublishedSent = 0;
  const pacer = new PublishPacer();
  let drawOwed = false;
  let disposed = false;
  const drawers = new Set<() => void>();
  // The selected trace stays out of eviction: its waterfall does not vanish while a person
  // reads it, and the selection does not jump to a new trace every frame under a steady stream.
  store.subscribe((s, prev) => {
    if (s.selectedTraceId !== prev.selectedTraceId || s.view !== prev.view)
      current().pin(s.selectedTraceId);
  });
  /** A selection a link asked for, made as soon as the replay has produced it. */
  let pending: { traceId: string | null; spanId: string | null } | null = null;
  /**
   * Whether the learner (or a link) chose the selection. Until then the selection follows the
   * run's first break (contextHops' focus), as the slide scenes do: the page leads to where the
   * context was lost instead of leaving the first trace open at its root.
   */
  let chosen = false;

  function build(): Simulation {
    const s = store.getState();
    runStartedAt = Date.now();
    // A link names the nonce of the run it shows (so its span ids come out the same once more);
    // any other new run gets a fresh one.
    runNonce = opts.ids === 'seeded' ? undefined : (linkedNonce ?? freshNonce());
    linkedNonce = undefined;
    return createSimulation({
      idNonce: runNonce,
      mode: s.mode,
      scenario: s.scenario,
      seed: s.seed,
      faults: s.faults as Fault[],
      onEvent: recorder.onEvent,
    });
  }

  /** One `set` per frame: every `set` runs every subscribed selector. */
  function publish(sent?: number): void {
    recorder.flush();
    recorder.dirty = false;
    const s = store.getState();
    let selectedTraceId = s.selectedTraceId;
    let selectedSpanId: string | null = s.selectedSpanId;
    const buffer = current();
    const want = pending ? resolvePending(buffer) : null;
    const follow = want || chosen ? null : (breakFocus(buffer) ?? carriedFocus(buffer, s));
    if (want) {
      pending = null;
      chosen = true;
      selectedTraceId = want.traceId;
      selectedSpanId = want.spanId;
    } else if (follow) {
      selectedTraceId = follow.traceId;
      selectedSpanId = follow.spanId;
    } else {
      if (selectedTraceId === null || !buffer.traces.has(selectedTraceId))
        selectedTraceId = buffer.traces.keys().next().value ?? null;
      if (selectedTraceId !== s.selectedTraceId) selectedSpanId = null;
    }
    store.setState({
      ...(sent === undefined ? {} : { sent }),
      revision: s.revision + 1,
      now: sim.now(),
      selectedTraceId,
      selectedSpanId,
      ...(selectedTraceId !== s.selectedTraceId ? { collapsed: new Set<string>() } : {}),
    });
  }

  /** The pending selection, once the buffer holds it (a span link names its trace too). */
  function resolvePending(buffer: TraceBuffer): { traceId: string; spanId: string | null } | null {
    if (!pending) return null;
    const span = pending.spanId ? buffer.spans.get(pending.spanId) : undefined;
    if (span) return { traceId: span.traceId, spanId: span.spanId };
    if (!pending.spanId && pending.traceId && buffer.traces.has(pending.traceId))
      return { traceId: pending.traceId, spanId: null };
    return null;
  }

  /**
   * The run's hops, mix-ups and focus (contextHops), cached per buffer version. Every view asks
   * with the recorder's nodes, so they share one answer, and a mixed span names its box.
   */
  function hopsOf(buffer: TraceBuffer): ContextHops {
    return contextHopsOf(buffer, { nodeOfPid: (pid) => recorder.nodeOf(pid) });
  }

  /** The run's first flagged span (a break, a mix-up, a batch), when it has one. */
  function breakFocus(buffer: TraceBuffer): { traceId: string; spanId: string } | null {
    const focus = hopsOf(buffer).focus;
    if (!focus?.spanId || !buffer.spans.has(focus.spanId)) return null;
    return { traceId: focus.traceId, spanId: focus.spanId };
  }

  /**
   * In a run with nothing flagged, and until a span is selected: the first span whose context a
   * message carried into another process, in the trace the run is about. Its details show the
   * message and the trace_ctx it carried: what a metadata-mode run teaches. Nothing was selected
   * there, and the details panel said "Select a span in the waterfall". Once selected it stays,
   * so that a run of many requests does not move the selection from trace to trace.
   */
  function carriedFocus(
    buffer: TraceBuffer,
    s: { selectedSpanId: string | null },
  ): { traceId: string; spanId: string } | null {
    if (s.selectedSpanId && buffer.spans.has(s.selectedSpanId)) return null;
    const { focus, hops } = hopsOf(buffer);
    if (focus?.reason !== 'connected') return null;
    const hop = hops.find(
      (h) => h.state === 'carried' && buffer.spans.get(h.spanId)?.traceId === focus.traceId,
    );
    return hop ? { traceId: focus.traceId, spanId: hop.spanId } : null;
  }

  function frame(t: number): void {
    frameId = null;
    if (disposed) return;
    const dt = last === null ? 16 : Math.min(100, Math.max(0, t - last));
    last = t;
    const s = store.getState();
    let advanced = false;
    if (s.playing && s.view === 'live') {
      if (loadRate > 0) {
        loadCarry += (loadRate * dt) / 1000;
        const n = Math.floor(loadCarry);
        loadCarry -= n;
        if (n > 0) {
          sim.send(n);
          unpublishedSent += n;
          advanced = true;
        }
      }
      if (!sim.isIdle()) {
        sim.runUntil(sim.now() + dt * US_PER_MS_AT_1X * s.speed);
        advanced = true;
      }
    }
    pacer.tick(t, sim.stats().spansEnded);
    if (recorder.dirty || advanced) {
      if (pacer.shouldPublish(t)) {
        publish(unpublishedSent > 0 ? s.sent + unpublishedSent : undefined);
        unpublishedSent = 0;
      } else recorder.dirty = true; // a later frame publishes it
    }
    // A skipped redraw is owed: a later frame draws the scene as it stands.
    if (pacer.shouldDraw(t)) {
      for (const draw of drawers) draw();
      drawOwed = false;
    } else drawOwed = true;
    if (s.playing || recorder.dirty || drawOwed) schedule();
    else last = null;
  }

  function schedule(): void {
    if (frameId === null && !disposed) frameId = frames.request(frame);
  }

  function current(): TraceBuffer {
    return store.getState().view === 'import' && imported ? imported : recorder.buffer;
  }

  function goLive(): void {
    if (store.getState().view !== 'live') {
      chosen = false;
      store.setState({ view: 'live', selectedTraceId: null, selectedSpanId: null });
      recorder.dirty = true;
    }
  }

  function rebuild(replay: number): void {
    sim.dispose();
    recorder = new SceneRecorder(cap);
    sim = build();
    chosen = false;
    pacer.reset();
    unpublishedSent = 0;
    if (replay > 0) sim.send(replay);
    store.setState({
      sent: replay,
      selectedTraceId: null,
      selectedSpanId: null,
      collapsed: new Set(),
    });
    recorder.dirty = true;
    schedule();
  }

  return {
    store,
    /** The spans the views show (live, or the imported file). */
    buffer: current,
    recorder: () => recorder,
    /** The hops, mix-ups and focus of the spans the views show. */
    hops: (): ContextHops => hopsOf(current()),
    simulation: () => sim,
    /** Registers a drawing callback run every animation frame (the topology canvas). */
    onFrame(draw: () => void): () => void {
      drawers.add(draw);
      schedule();
      return () => drawers.delete(draw);
    },
    send(count = 1): void {
      goLive();
      sim.send(count);
      store.setState((s) => ({ sent: s.sent + count }));
      recorder.dirty = true;
      schedule();
    },
    play(): void {
      goLive();
      store.setState({ playing: true });
      schedule();
    },
    pause(): void {
      store.setState({ playing: false });
    },
    togglePlay(): void {
      if (store.getState().playing) this.pause();
      else this.play();
    },
    /** Runs exactly one scheduled event, and pauses. */
    step(): void {
      goLive();
      store.setState({ playing: false });
      sim.step();
      recorder.dirty = true;
      schedule();
    },
    /** Runs everything that is scheduled, at once. */
    finish(maxEvents = 5_000_000): void {
      goLive();
      sim.runUntilIdle(maxEvents);
      recorder.dirty = true;
      schedule();
    },
    setSpeed(speed: number): void {
      store.setState({ speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed)) });
    },
    /** Changes settings; a new run replays the requests fired so far. */
    configure(next: Partial<SceneSettings>): void {
      const s = store.getState();
      const changed = (['mode', 'scenario', 'seed', 'faults'] as const).some(
        (k) => k in next && JSON.stringify(next[k]) !== JSON.stringify(s[k]),
      );
      store.setState(next);
      if (next.speed !== undefined) this.setSpeed(next.speed);
      if (changed) {
        goLive();
        rebuild(s.sent);
      }
    },
    reset(): void {
      goLive();
      rebuild(0);
    },
    /** Fires `requestsPerSecond` (real time) until set to 0: the benchmark's steady load. */
    setLoad(requestsPerSecond: number): void {
      loadRate = Math.max(0, requestsPerSecond);
      schedule();
    },
    setCap(next: number): void {
      recorder.buffer.cap = Math.max(100, next);
    },
    /**
     * Selects a trace. Opened by the learner (`toBreak`), a trace with a problem lands on its first
     * flagged span, so the waterfall scrolls to the break instead of the root.
     */
    selectTrace(traceId: string | null, opts: { toBreak?: boolean } = {}): void {
      pending = null;
      chosen = true;
      const buffer = current();
      const trace = traceId ? buffer.traces.get(traceId) : undefined;
      const span = opts.toBreak && trace ? (firstProblem(buffer, trace) ?? null) : null;
      store.setState({ selectedTraceId: traceId, selectedSpanId: span, collapsed: new Set() });
    },
    selectSpan(spanId: string | null): void {
      pending = null;
      chosen = true;
      const span = spanId ? current().spans.get(spanId) : undefined;
      if (span && span.traceId !== store.getState().selectedTraceId)
        store.setState({ selectedTraceId: span.traceId, collapsed: new Set() });
      store.setState({ selectedSpanId: spanId });
    },
    toggleCollapsed(spanId: string, open?: boolean): void {
      const collapsed = new Set(store.getState().collapsed);
      const close = open === undefined ? !collapsed.has(spanId) : !open;
      if (close) collapsed.add(spanId);
      else collapsed.delete(spanId);
      store.setState({ collapsed });
    },
    setGroupByRequest(on: boolean): void {
      store.setState({ groupByRequest: on });
    },
    /**
     * Selects the next (1) or previous (-1) problem span, across the traces the filter shows;
     * false when there is none.
     */
    goToProblem(dir: 1 | -1): boolean {
      const s = store.getState();
      const buffer = current();
      const ids = filterTraces(buffer, queryOf(s.query), s.now).map((t) => t.traceId);
      const next = stepProblem(
        buffer,
        ids,
        { traceId: s.selectedTraceId, spanId: s.selectedSpanId },
        dir,
      );
      if (!next) return false;
      pending = null;
      chosen = true;
      const sameTrace = next.traceId === s.selectedTraceId;
      store.setState({
        selectedTraceId: next.traceId,
        selectedSpanId: next.spanId,
        ...(sameTrace ? {} : { collapsed: new Set<string>() }),
      });
      return true;
    },
    setQuery(query: string): void {
      store.setState({ query });
    },
    setFind(find: string): void {
      store.setState({ find });
    },
    /** Shows every span of the selected trace, or folds every span that has children. */
    setAllCollapsed(spanIds: readonly string[]): void {
      store.setState({ collapsed: new Set(spanIds) });
    },
    /**
     * Applies a scene from a link or a history entry: its settings, a replay of its requests when
     * they differ from this run's, and its selection once the replay has produced it.
     */
    load(
      next: SceneSettings & {
        requests: number;
        traceId?: string | null;
        spanId?: string | null;
        /** The id nonce of the run the link shows. */
        ids?: string | null;
      },
    ): void {
      const s = store.getState();
      const { requests, traceId = null, spanId = null, ids = null, ...settings } = next;
      const otherIds = opts.ids !== 'seeded' && ids !== null && ids !== runNonce;
      const changed =
        (['mode', 'scenario', 'seed', 'faults'] as const).some(
          (k) => JSON.stringify(settings[k]) !== JSON.stringify(s[k]),
        ) ||
        requests !== s.sent ||
        otherIds ||
        s.view !== 'live';
      if (otherIds) linkedNonce = ids;
      // The selection and nonce first: the settings below notify the page, which writes the URL
      // from them, and must write the link's own (else it pushes a history entry of its own).
      pending = traceId || spanId ? { traceId, spanId } : null;
      store.setState({
        ...settings,
        speed: Math.min(MAX_SPEED, Math.max(MIN_SPEED, settings.speed)),
      });
      if (changed) {
        store.setState({ view: 'live' });
        rebuild(requests);
      }
      if (!pending && (s.selectedTraceId || s.selectedSpanId) && !changed)
        store.setState({ selectedSpanId: null });
      recorder.dirty = true;
      schedule();
    },
    /** The current run's id nonce (undefined where ids come from the seed alone). */
    idNonce(): string | undefined {
      return linkedNonce ?? runNonce;
    },
    /** The selection a link asked for and the replay has not produced yet. */
    pendingSelection(): { traceId: string | null; spanId: string | null } | null {
      return pending;
    },
    /** Loads an OTLP/JSON file; on error the current view stays and the error is shown. */
    importText(
      text: string,
      name: string,
      messages?: Readonly<Record<string, MessageInfo>>,
    ): boolean {
      const result = parseTraceJson(text);
      if (!result.ok) {
        store.setState({ importError: result.error });
        return false;
      }
      // A file carries no messages; a run that kept its own (a workshop check) hands them over.
      if (messages)
        for (const span of result.spans) span.message = messages[span.spanId] ?? span.message;
      const { spans, repairs } = repairSpanIds(result.spans);
      imported = bufferFrom(spans);
      chosen = false;
      store.setState({
        view: 'import',
        importName: name,
        importError: null,
        importNote: importNote(spans, repairs.message) || null,
        importForeign: !fromSimulation(spans),
        playing: false,
        selectedTraceId: imported.traces.keys().next().value ?? null,
        selectedSpanId: null,
        collapsed: new Set(),
      });
      recorder.dirty = true;
      schedule();
      return true;
    },
    showLive(): void {
      goLive();
      schedule();
    },
    dismissImportError(): void {
      store.setState({ importError: null });
    },
    /**
     * The shown spans as OTLP/JSON, in the CLI's format (ended spans only). A live run is placed
     * at wall-clock time (virtual time 0 when the run began), so a backend's search over the last
     * hour finds it; `epochMs` fixes that instead (reproducible output). An imported file keeps
     * its own times.
     */
    exportJson(epochMs?: number): string {
      recorder.flush();
      const live = store.getState().view === 'live';
      const records = [...current().spans.values()];
      // Each span's box and message go in as sim.* attributes: imported again, the file draws
      // the same picture.
      const nodes = spanNodes(records, (pid) => (live ? recorder.nodeOf(pid) : undefined));
      return recordsToOtlpJson(records, live ? (epochMs ?? runStartedAt) : undefined, nodes);
    },
    /** When the current run began, in Unix ms. */
    runStartedAt: () => runStartedAt,
    dispose(): void {
      disposed = true;
      if (frameId !== null) frames.cancel(frameId);
      frameId = null;
      drawers.clear();
      sim.dispose();
    },
    /** Starts the frame loop (once mounted); revives a disposed scene (React StrictMode remounts). */
    start(): void {
      if (disposed) {
        disposed = false;
        rebuild(store.getState().sent);
      }
      recorder.dirty = true;
      schedule();
    },
  };
}
