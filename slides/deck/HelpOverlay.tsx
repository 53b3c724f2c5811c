import { useEffect, useRef } from 'react';
import { KEY_HELP } from './keys.ts';

/** The keyboard map, opened with `?`. */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="deck-help-title">
      <div className="help-panel">
        <h2 id="deck-help-title">Keys</h2>
        <dl className="help-keys">
          {KEY_HELP.map((k) => (
            <div key={k.keys}>
              <dt>
                {k.keys.split('  ').map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </dt>
              <dd>{k.action}</dd>
            </div>
          ))}
        </dl>
        <p className="help-more">
          Swipe on touch screens. Every slide has its own address: <code>#/12</code>, and{' '}
          <code>#/12.2</code> once two builds are shown. <a href="#/print">All slides for print</a>{' '}
          · <a href="#/print/notes">with notes</a> · <a href="#/read">Read as an article</a> ·{' '}
          <a href="#/sandbox">Open the sandbox</a>
        </p>
        <button ref={closeRef} type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
