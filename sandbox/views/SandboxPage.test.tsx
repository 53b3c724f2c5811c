// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SceneController } from '../store/SceneController.ts';
import SandboxPage from './SandboxPage.tsx';

// jsdom has no 2D canvas: the topology draws nothing, everything else renders as in a browser.
HTMLCanvasElement.prototype.getContext = (() => null) as never;

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

/** Changes the URL after the page has read it and before its scene exists (effects run in order). */
function FollowLink({ to }: { to: string }) {
  useEffect(() => {
    window.history.replaceState(null, '', to);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, [to]);
  return null;
}

describe('SandboxPage', () => {
  it('follows a link opened while its scene was still being made, and keeps it in the URL', async () => {
    window.history.replaceState(null, '', '/#/sandbox');
    let scene: SceneController | null = null;
    await act(async () => {
      render(
        <>
          <FollowLink to="/#/sandbox?mode=process&requests=3" />
          <SandboxPage onController={(c) => (scene = c)} />
        </>,
      );
    });
    const s = scene as SceneController | null;
    expect(s?.store.getState().mode).toBe('process');
    expect(s?.store.getState().sent).toBe(3);
    expect(window.location.hash).toMatch(/mode=process/);
    expect(window.location.hash).toMatch(/requests=3/);
  });
});
