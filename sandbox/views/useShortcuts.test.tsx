// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FAULTS } from '../core/config.ts';
import type { SceneController } from '../store/SceneController.ts';
import { Sandbox } from './Sandbox.tsx';

// jsdom has no 2D canvas: the topology draws nothing.
HTMLCanvasElement.prototype.getContext = (() => null) as never;

afterEach(cleanup);

describe('scene shortcuts', () => {
  it('give every fault its Shift+digit, the last one included', () => {
    let scene: SceneController | null = null;
    render(
      <Sandbox
        autoplay={false}
        shortcuts="scene"
        onController={(c) => {
          scene = c;
        }}
      />,
    );
    const region = screen.getByTestId('sandbox');
    FAULTS.forEach((fault, i) => {
      fireEvent.keyDown(region, { key: String(i + 1), code: `Digit${i + 1}`, shiftKey: true });
      expect((scene as SceneController | null)?.store.getState().faults).toContain(fault);
    });
    expect((scene as SceneController | null)?.store.getState().faults).toEqual([...FAULTS]);
    // A digit with no mode or fault is not a shortcut: the page keeps it.
    const nine = fireEvent.keyDown(region, { key: '9', code: 'Digit9' });
    expect(nine).toBe(true);
  });
});
