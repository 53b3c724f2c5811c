import { useCallback, useEffect, useState } from 'react';
import type { SceneController } from '../store/SceneController.ts';
import {
  parseScene,
  queryOf,
  sceneParams,
  secondModeFor,
  withQuery,
  type UrlScene,
} from '../model/urlState.ts';
import { Compare, type CompareScene } from './Compare.tsx';
import { Sandbox } from './Sandbox.tsx';

function writeUrl(scene: UrlScene): void {
  const next = withQuery(window.location, sceneParams(scene));
  const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  if (next !== here) window.history.replaceState(window.history.state, '', next);
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
  const [initial] = useState(() => parseScene(queryOf(window.location)));
  const [scene, setScene] = useState<SceneController | null>(null);
  // The live scene's starting point, and the whole comparison while it is open.
  const [compareState, setCompareState] = useState(initial);
  const compare = compareState.compare;

  // Mirror the live scene into the URL.
  useEffect(() => {
    if (!scene) return;
    const sync = () => {
      const s = scene.store.getState();
      writeUrl({
        mode: s.mode,
        scenario: s.scenario,
        seed: s.seed,
        speed: s.speed,
        faults: [...s.faults],
        requests: s.sent,
        compare: null,
      });
    };
    sync();
    // Settings go to the URL at once; the request count, which a steady load bumps every frame,
    // at most every half second (history.replaceState is slow, and Chromium throttles it).
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = scene.store.subscribe((s, prev) => {
      if (
        s.mode !== prev.mode ||
        s.scenario !== prev.scenario ||
        s.seed !== prev.seed ||
        s.speed !== prev.speed ||
        s.faults !== prev.faults
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
  }, [scene]);

  useEffect(() => {
    if (compareState.compare) writeUrl(compareState);
  }, [compareState]);

  const onCompareChange = useCallback((change: Partial<CompareScene>) => {
    setCompareState((s) => {
      const { left, right, ...shared } = change;
      return { ...s, ...shared, mode: left ?? s.mode, compare: right ?? s.compare };
    });
  }, []);

  const { onController: report } = props;
  const onController = useCallback(
    (c: SceneController | null) => {
      setScene(c);
      report?.(c);
    },
    [report],
  );
  // The comparison starts from what the live scene shows now.
  const openCompare = () => {
    if (compare) return;
    const s = scene?.store.getState();
    setCompareState((prev) => {
      const base = s
        ? {
            ...prev,
            mode: s.mode,
            scenario: s.scenario,
            seed: s.seed,
            speed: s.speed,
            faults: [...s.faults],
            requests: s.sent,
          }
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
            onClick={() => setCompareState((s) => ({ ...s, compare: null }))}
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
