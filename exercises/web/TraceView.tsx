import { useEffect, useState } from 'react';
import { createSceneController } from '../../sandbox/store/SceneController.ts';
import type { MessageInfo } from '../../sandbox/model/SpanRecord.ts';
import { DEFAULT_SETTINGS } from '../../sandbox/store/store.scene.ts';
import { SceneContext } from '../../sandbox/views/SceneContext.ts';
import { SpanDetails } from '../../sandbox/views/SpanDetails.tsx';
import { TraceList } from '../../sandbox/views/TraceList.tsx';
import { Waterfall } from '../../sandbox/views/Waterfall.tsx';
import '../../sandbox/views/sandbox.css';

export interface TraceViewProps {
  /** The check's spans as OTLP/JSON, or null when nothing ran. */
  otlp: string | null;
  /** The message each consumer span handled, by span id: its details show that metadata. */
  messages?: Readonly<Record<string, MessageInfo>>;
  /** Names the run, e.g. "run 3 of 03-inject". */
  name: string;
}

/**
 * The trace of a check run in the sandbox's own views. The run's spans arrive as OTLP/JSON from
 * the worker and are loaded the way the sandbox imports a file, so they look exactly as there.
 */
export function TraceView({ otlp, messages, name }: TraceViewProps) {
  const [scene] = useState(() =>
    createSceneController({ settings: DEFAULT_SETTINGS, autoplay: false }),
  );
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    scene.start();
    return () => scene.dispose();
  }, [scene]);

  useEffect(() => {
    if (!otlp) return;
    const ok = scene.importText(otlp, name, messages);
    setError(ok ? null : scene.store.getState().importError);
  }, [scene, otlp, messages, name]);

  if (!otlp) return null;
  if (error) return <p className="exw-error">The trace could not be shown: {error}</p>;
  return (
    <SceneContext.Provider value={scene}>
      <div className="sbx exw-trace" data-compact="" data-testid="exercise-trace">
        <div className="sbx-traces">
          <TraceList />
          <Waterfall />
          <SpanDetails />
        </div>
      </div>
    </SceneContext.Provider>
  );
}
