import { useCallback, useEffect, useRef, useState } from 'react';
import type { SceneController } from '../store/SceneController.ts';
import { parseScene, sceneParams, secondModeFor, type UrlScene } from '../model/urlState.ts';
import { Compare, type CompareScene } from './Compare.tsx';
import { Sandbox } from './Sandbox.tsx';
import { SceneUrl } from './sceneUrl.ts';

/** What the live scene shows, as a URL holds it. */
function liveScene(scene: SceneController): UrlScene {
  const s = scene.store.getState();
  const pending = scene.pendingSelection();
  return {
    mode: s.mode,
    scenario: s.scenario,
    seed: s.seed,
    speed: s.speed,
    faults: [...s.faults],
    requests: s.sent,
    compare: null,
    trace: (pending ? pending.traceId : s.selectedTraceId) ?? undefined,
    span: (pending ? pending.spanId : s.selectedSpanId) ?? undefined,
    ids: scene.idNonce(),
  };
}

/** Applies a URL's scene to the live scene: settings, a replay of its requests, its selection. */
function applyToLive(scene: SceneController, url: UrlScene): void {
  scene.load({
    mode: url.mode,
    scenario: url.scenario,
    seed: url.seed,
    speed: url.speed,
    faults: url.faults,
    requests: url.requests,
    traceId: url.trace ?? null,
    spanId: url.span ?? null,
    ids: url.ids ?? null,
  });
}

/**
 * The sandbox page (`/#/sandbox?mode=…&scenario=…&seed=…&speed=…&requests=N`, and for the
 * comparison `?compare=1&mode=…&mode2=…&…`). It reads its scene from the URL and writes every
 * change back, so a link reproduces what is on screen.
 */
export default function SandboxPage(props: {
  /** The live scene's controller, for tests and the UI benchmark. */
  onController?: (scene: SceneController | null) => void;
}) {
  const [url] = useState(() => new SceneUrl());
  // The build prerenders the page with no query (app/prerender): there is no window there.
  const [initial] = useState(() =>
    typeof window === 'undefined' ? parseScene(new URLSearchParams()) : url.read(),
  );
  const [scene, setScene] = useState<SceneController | null>(null);
  // The live scene's starting point, and the whole comparison while it is open.
  const [compareState, setCompareState] = useState(initial);
  const compare = compareState.compare;

  // Mirror the live scene into the URL.
  useEffect(() => {
    if (!scene) return;
    const sync = (push = false) => url.write(liveScene(scene), push);
    sync();
    // Settings go to the URL at once; the request count, which a steady load bumps every frame,
    // at most every half second (history.replaceState is slow, and Chromium throttles it).
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = scene.store.subscribe((s, prev) => {
      if (
        s.mode !== prev.mode ||
        s.scenario !== prev.scenario ||
        s.seed !== prev.seed ||
        s.faults !== prev.faults
      ) {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        sync(true);
      } else if (
        s.speed !== prev.speed ||
        s.selectedTraceId !== prev.selectedTraceId ||
        s.selectedSpanId !== prev.selectedSpanId
      ) {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        sync();
      } else if (s.sent !== prev.sent && timer === null) {
        timer = setTimeout(() => {
          timer = null;
          sync();
        }, 500);
      }
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [scene, url]);

  useEffect(() => {
    if (compareState.compare) url.write(compareState);
  }, [compareState, url]);

  // The live scene as the URL listener sees it: set the moment the scene reports itself, not a
  // render later, so that a link followed in between is not lost.
  const live = useRef<SceneController | null>(null);

  // Back, Forward, a pasted link or an edited hash: the URL wins, and the page follows it.
  useEffect(() => {
    const onUrl = () =>
      url.apply((now) => {
        setCompareState((prev) => {
          if (now.compare || prev.compare) return now;
          return prev;
        });
        if (!now.compare && live.current) applyToLive(live.current, now);
      });
    window.addEventListener('popstate', onUrl);
    window.addEventListener('hashchange', onUrl);
    return () => {
      window.removeEventListener('popstate', onUrl);
      window.removeEventListener('hashchange', onUrl);
    };
  }, [url]);

  const onCompareChange = useCallback((change: Partial<CompareScene>) => {
    setCompareState((s) => {
      const { left, right, ...shared } = change;
      return { ...s, ...shared, mode: left ?? s.mode, compare: right ?? s.compare };
    });
  }, []);

  const { onController: report } = props;
  // A link's selection is made once its replay has produced the span.
  const linked = useRef(initial);
  // The URL the live scene was made from, and which scene that is (a new key makes a new one).
  const openedWith = useRef(sceneParams(initial).toString());
  const [generation, setGeneration] = useState(0);
  const onController = useCallback(
    (c: SceneController | null) => {
      live.current = c;
      const now = c ? url.read() : null;
      if (now && !now.compare && sceneParams(now).toString() !== openedWith.current) {
        // A link followed after the page read its URL and before its scene existed (a cold
        // load): nothing could apply it then, and this scene would write the old URL over it.
        // The page starts again from the link instead, with a scene made for it.
        openedWith.current = sceneParams(now).toString();
        linked.current = now;
        live.current = null;
        setCompareState(now);
        setGeneration((g) => g + 1);
        return;
      }
      if (c && (linked.current.trace || linked.current.span)) {
        applyToLive(c, {
          ...liveScene(c),
          trace: linked.current.trace,
          span: linked.current.span,
          ids: linked.current.ids,
        });
        linked.current = { ...linked.current, trace: undefined, span: undefined, ids: undefined };
      }
      setScene(c);
      report?.(c);
    },
    [report, url],
  );
  // The comparison starts from what the live scene shows now.
  const openCompare = () => {
    if (compare) return;
    url.pushSame();
    setCompareState((prev) => {
      // The live scene's settings and requests; not its selection (a comparison has none).
      const base = scene
        ? { ...prev, ...liveScene(scene), trace: undefined, span: undefined, ids: undefined }
        : prev;
      return { ...base, compare: secondModeFor(base.mode) };
    });
  };

  return (
    <main className="sbx-page">
      <header className="sbx-page-head">
        <h1>Live tracing sandbox</h1>
        <p>
          Fire requests at a simulated Elixir backend (Phoenix, Commanded, an event store) and watch
          its OpenTelemetry spans propagate, break and get fixed.
        </p>
        <div className="sbx-tabs" role="group" aria-label="View">
          <button
            type="button"
            aria-pressed={!compare}
            onClick={() => {
              if (compare) url.pushSame();
              setCompareState((s) => ({ ...s, compare: null }));
            }}
          >
            Live
          </button>
          <button type="button" aria-pressed={!!compare} onClick={openCompare}>
            Compare two modes
          </button>
        </div>
      </header>
      {compare ? (
        <Compare
          left={compareState.mode}
          right={compare}
          scenario={compareState.scenario}
          seed={compareState.seed}
          speed={compareState.speed}
          faults={compareState.faults}
          requests={compareState.requests}
          onChange={onCompareChange}
        />
      ) : (
        <Sandbox
          key={generation}
          mode={compareState.mode}
          scenario={compareState.scenario}
          seed={compareState.seed}
          speed={compareState.speed}
          faults={compareState.faults}
          requests={compareState.requests}
          shortcuts="window"
          onController={onController}
        />
      )}
    </main>
  );
}
