// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runScenario } from '../core/runScenario.ts';
import type { SceneController } from '../store/SceneController.ts';
import { Sandbox, type SandboxInput, type SandboxProps } from './Sandbox.tsx';
import { WIDE_LAYOUT, nodeLabel } from './topologyLayout.ts';
import { HOP_STYLE } from './topologyMarks.ts';

// jsdom has no 2D canvas: the topology draws nothing, everything else renders as in a browser.
HTMLCanvasElement.prototype.getContext = (() => null) as never;

afterEach(cleanup);

/** Renders a scene paused (no frame loop racing the test), and hands back its controller. */
function renderScene(props: SandboxProps = {}) {
  let scene: SceneController | null = null;
  const view = render(
    <Sandbox
      autoplay={false}
      shortcuts="scene"
      {...props}
      onController={(c) => {
        scene = c;
      }}
    />,
  );
  if (!scene) throw new Error('no controller');
  const s = scene as SceneController;
  return { ...view, scene: s, region: screen.getAllByTestId('sandbox')[0] as HTMLElement };
}

/** Runs the live simulation to the end (unless `run` is false), and publishes like a frame. */
function publish(scene: SceneController, run = true) {
  act(() => {
    if (run) scene.finish();
    scene.recorder().flush();
    const buffer = scene.buffer();
    scene.store.setState((s) => ({
      revision: s.revision + 1,
      now: scene.simulation().now(),
      selectedTraceId:
        s.selectedTraceId && buffer.traces.has(s.selectedTraceId)
          ? s.selectedTraceId
          : (buffer.traces.keys().next().value ?? null),
    }));
  });
}

describe('Waterfall', () => {
  it('renders the rows scrolled to, when its trace came after it was mounted', () => {
    // The waterfall mounts before any trace is selected, with no scroller: the scroll listener
    // was attached at mount only, so scrolling a 37-span trace showed rows 0-24 and then blank.
    const { scene } = renderScene({ mode: 'metadata', requests: 1 });
    publish(scene);
    const grid = screen.getByRole('treegrid');
    const indexes = () =>
      within(grid)
        .getAllByRole('row')
        .map((r) => Number(r.getAttribute('data-index')));
    expect(Math.max(...indexes())).toBeLessThan(36);
    act(() => {
      grid.scrollTop = 36 * 32;
      grid.dispatchEvent(new Event('scroll'));
    });
    expect(indexes()).toContain(36);
  });

  it('renders the trace as a treegrid with aria-level rows, and collapses a subtree', () => {
    const { scene } = renderScene({ mode: 'metadata', requests: 1 });
    publish(scene);
    const expected = runScenario({ mode: 'metadata', requests: 1, seed: 1 }).summary;
    const grid = screen.getByRole('treegrid');
    const rows = within(grid).getAllByRole('row');
    expect(rows.length).toBe(Math.min(expected.spans, rows.length));
    expect(rows[0]?.getAttribute('aria-level')).toBe('1');
    expect(rows[0]?.getAttribute('aria-expanded')).toBe('true');
    const levels = rows.map((r) => Number(r.getAttribute('aria-level')));
    // Depth first: each row is at most one level deeper than the row above it.
    levels.slice(1).forEach((level, i) => expect(level).toBeLessThanOrEqual((levels[i] ?? 0) + 1));
    expect(Math.max(...levels)).toBeGreaterThan(2);
    expect(grid.getAttribute('aria-rowcount')).toBe(String(expected.spans));

    fireEvent.click(within(rows[0] as HTMLElement).getByRole('button', { name: 'Collapse' }));
    const after = within(screen.getByRole('treegrid')).getAllByRole('row');
    expect(after).toHaveLength(1);
    expect(after[0]?.getAttribute('aria-expanded')).toBe('false');
    // ArrowRight on a collapsed row opens it again.
    fireEvent.keyDown(after[0] as HTMLElement, { key: 'ArrowRight' });
    expect(within(screen.getByRole('treegrid')).getAllByRole('row').length).toBe(rows.length);
  });
});

describe('TraceList', () => {
  it('groups the traces of one request under it', () => {
    const { scene } = renderScene({ mode: 'links', requests: 1 });
    publish(scene);
    const traces = runScenario({ mode: 'links', requests: 1, seed: 1 }).summary.traces;
    expect(traces).toBeGreaterThan(1);
    expect(screen.getByTestId('trace-count').textContent).toBe(`${traces} traces, 1 request`);
    expect(screen.queryByTestId('request-group')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: /Group by request/ }));
    expect(screen.getByTestId('request-group').textContent).toBe(
      `req-1: ${traces} traces, 1 request`,
    );
    expect(screen.getAllByTestId('trace-row')).toHaveLength(traces);
  });

  it('counts one trace as "1 trace"', () => {
    const { scene } = renderScene({ mode: 'metadata', requests: 1 });
    publish(scene);
    expect(screen.getByTestId('filter-count').textContent).toBe('1 trace');
  });

  it('marks the duration of a trace still running as so far, and drops the mark when it ends', () => {
    const { scene } = renderScene({ mode: 'metadata', requests: 1 });
    act(() => {
      scene.simulation().runUntilIdle(20);
    });
    publish(scene, false);
    const row = () => screen.getAllByTestId('trace-row')[0] as HTMLElement;
    expect(row().textContent).toMatch(/\d ms\s*so far/);
    publish(scene);
    expect(row().textContent).not.toContain('so far');
  });
});

describe('SpanDetails', () => {
  it('shows hostile names, keys and values as text, never as markup', () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const file = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: evil } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '00112233445566778899aabbccddeeff',
                  spanId: '0011223344556677',
                  name: evil,
                  kind: 2,
                  startTimeUnixNano: '1523984400000000000',
                  endTimeUnixNano: '1523984400001000000',
                  attributes: [{ key: evil, value: { stringValue: `${evil}</td><script>` } }],
                },
              ],
            },
          ],
        },
      ],
    };
    const { scene, container } = renderScene();
    act(() => {
      expect(scene.importText(JSON.stringify(file), 'evil.json')).toBe(true);
    });
    publish(scene, false);
    fireEvent.click(screen.getAllByTestId('span-row')[0] as HTMLElement);
    const details = screen.getByTestId('span-details');
    // Its text, not its accessible name: the name may break at dots (<wbr>), as on a phone.
    expect(within(details).getByRole('heading', { level: 3 }).textContent).toBe(evil);
    const table = within(details).getByRole('table', { name: 'Span attributes' });
    expect(within(table).getByRole('rowheader').textContent).toBe(evil);
    expect(within(table).getByRole('cell').textContent).toBe(`${evil}</td><script>`);
    expect(container.querySelectorAll('img, script')).toHaveLength(0);
  });
});

describe('Controls and shortcuts', () => {
  it('keys send, switch modes and faults, play and change speed; typing in a field does not', () => {
    const onInput = vi.fn<(input: SandboxInput) => void>();
    const { scene, region } = renderScene({ mode: 'metadata', onInput });
    const key = (init: KeyboardEventInit & { key: string }, target: Element = region) =>
      act(() => {
        fireEvent.keyDown(target, init);
      });
    key({ key: 's', code: 'KeyS' });
    expect(scene.store.getState().sent).toBe(1);
    key({ key: '2', code: 'Digit2' });
    expect(scene.store.getState().mode).toBe('process');
    expect(screen.getByRole('radio', { name: /process/ })).toHaveProperty('checked', true);
    key({ key: '!', code: 'Digit1', shiftKey: true });
    expect(scene.store.getState().faults).toEqual(['drop-metadata']);
    key({ key: 'p', code: 'KeyP' });
    expect(scene.store.getState().playing).toBe(true);
    key({ key: '+', code: 'Equal', shiftKey: true });
    expect(scene.store.getState().speed).toBe(2);
    key({ key: 'n', code: 'KeyN' });
    expect(scene.store.getState().seed).toBe(2);
    key({ key: 's', code: 'KeyS' }, screen.getByRole('spinbutton', { name: 'Seed' }));
    expect(scene.store.getState().sent).toBe(1);
    // Every input made here was reported, in order, as data another window can replay.
    expect(onInput.mock.calls.map(([i]) => i)).toEqual([
      { kind: 'send', count: 1 },
      { kind: 'mode', mode: 'process' },
      { kind: 'faults', faults: ['drop-metadata'] },
      { kind: 'play' },
      { kind: 'speed', speed: 2 },
      { kind: 'seed', seed: 2 },
    ]);
  });

  it('reports button inputs, and does not report inputs it was given', () => {
    const onInput = vi.fn<(input: SandboxInput) => void>();
    const { scene, rerender } = renderScene({ mode: 'metadata', onInput });
    fireEvent.click(screen.getByRole('button', { name: /Send request/ }));
    fireEvent.click(screen.getByRole('radio', { name: /links/ }));
    expect(onInput.mock.calls.map(([i]) => i)).toEqual([
      { kind: 'send', count: 1 },
      { kind: 'mode', mode: 'links' },
    ]);
    const replayed: SandboxInput[] = [{ kind: 'send', count: 2 }];
    rerender(<Sandbox autoplay={false} mode="metadata" inputs={replayed} onInput={onInput} />);
    expect(scene.store.getState().sent).toBe(3);
    expect(onInput).toHaveBeenCalledTimes(2);
  });

  it('with ownInputs="report", reports inputs and leaves applying them to the host', () => {
    const onInput = vi.fn<(input: SandboxInput) => void>();
    const { scene, region } = renderScene({ mode: 'metadata', onInput, ownInputs: 'report' });
    act(() => {
      fireEvent.keyDown(region, { key: 's', code: 'KeyS' });
      fireEvent.keyDown(region, { key: '4', code: 'Digit4' });
    });
    expect(onInput.mock.calls.map(([i]) => i)).toEqual([
      { kind: 'send', count: 1 },
      { kind: 'mode', mode: 'links' },
    ]);
    expect(scene.store.getState().sent).toBe(0);
    expect(scene.store.getState().mode).toBe('metadata');
  });
});

describe('Topology labels', () => {
  it('every node has a short label for small boxes, and keeps its full name otherwise', () => {
    for (const node of WIDE_LAYOUT.nodes) {
      expect(nodeLabel(node, 'full')).toBe(node.label);
      expect(nodeLabel(node, 'short').length).toBeLessThanOrEqual(9);
    }
    expect(new Set(WIDE_LAYOUT.nodes.map((n) => nodeLabel(n, 'short'))).size).toBe(
      WIDE_LAYOUT.nodes.length,
    );
  });
});

describe('Topology legend', () => {
  it('keys every glyph the picture draws on a hop', () => {
    renderScene({ mode: 'global', requests: 1 });
    const legend = screen.getAllByTestId('hop-legend')[0] as HTMLElement;
    const glyphs = [...legend.querySelectorAll('.sbx-hop-glyph')].map((g) => g.textContent);
    expect(glyphs.sort()).toEqual(
      Object.values(HOP_STYLE)
        .map((s) => s.glyph)
        .sort(),
    );
    expect(legend.textContent).toContain('requests mixed');
  });
});
