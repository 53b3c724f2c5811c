// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
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

/** Opens the page at `#/sandbox` (with `before` rendered first) and returns its live scene. */
async function openPage(before?: ReactNode): Promise<SceneController | null> {
  window.history.replaceState(null, '', '/#/sandbox');
  let scene: SceneController | null = null;
  await act(async () => {
    render(
      <>
        {before}
        <SandboxPage onController={(c) => (scene = c)} />
      </>,
    );
  });
  return scene;
}

/** The scene shows the link's mode and its requests, and the URL still says so. */
function expectFollowed(scene: SceneController | null, mode: string, requests: number) {
  expect(scene?.store.getState().mode).toBe(mode);
  expect(scene?.store.getState().sent).toBe(requests);
  expect(window.location.hash).toMatch(new RegExp(`mode=${mode}`));
  expect(window.location.hash).toMatch(new RegExp(`requests=${requests}`));
}

describe('SandboxPage', () => {
  it('follows a link opened while its scene was still being made, and keeps it in the URL', async () => {
    const scene = await openPage(<FollowLink to="/#/sandbox?mode=process&requests=3" />);
    expectFollowed(scene, 'process', 3);
  });

  it('follows a link whose hashchange comes after the scene wrote the URL again', async () => {
    const scene = await openPage();
    expect(scene?.store.getState().sent).toBe(0);
    await act(async () => {
      // A link followed: the address changes at once, its hashchange comes a task later...
      window.history.replaceState(null, '', '/#/sandbox?mode=metadata&requests=3');
      // ...and in between the scene changes a setting the URL mirrors at once.
      scene?.setSpeed(2);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expectFollowed(scene, 'metadata', 3);
  });

  it('follows a link whose two events (popstate, then hashchange) each read the URL', async () => {
    const scene = await openPage();
    await act(async () => {
      // Chromium's order for a followed link that only changes the hash.
      window.history.replaceState(null, '', '/#/sandbox?mode=links&requests=3');
      window.dispatchEvent(new PopStateEvent('popstate'));
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expectFollowed(scene, 'links', 3);
  });
});
