// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import LiveSceneBody from './LiveSceneBody.tsx';

// jsdom has no 2D canvas and no ResizeObserver: the topology draws nothing, the fit does nothing.
HTMLCanvasElement.prototype.getContext = (() => null) as never;
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as never;

afterEach(cleanup);

describe('a slide’s live scene', () => {
  it('says it is idle only once it has run its plan, never while it is still empty', async () => {
    // Every state the caption and the stage are committed in, as the page (or a test) sees it.
    const seen: string[] = [];
    const record = (root: Element) => {
      const caption = root.querySelector('.scene-caption');
      const stage = root.querySelector('[data-testid="slide-stage"]');
      if (caption?.hasAttribute('data-scene-idle'))
        seen.push(`caption idle, ${caption.getAttribute('data-spans')} spans`);
      if (stage?.hasAttribute('data-settled'))
        seen.push(`stage settled, focus ${stage.getAttribute('data-focus-reason') || 'none'}`);
    };
    const host = document.createElement('div');
    document.body.append(host);
    new MutationObserver(() => record(host)).observe(host, {
      subtree: true,
      childList: true,
      attributes: true,
    });
    await act(async () => {
      render(
        <LiveSceneBody
          plan={{
            settings: { mode: 'process', seed: 1, faults: [] },
            batches: [1],
            resets: 0,
            steps: 0,
          }}
          paused
          docked={false}
          onInput={() => {}}
        />,
        { container: host },
      );
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((s) => / 0 spans|focus none/.test(s))).toEqual([]);
    expect(seen.at(-1)).toBe('stage settled, focus cut');
  });
});
