import { describe, expect, it } from 'vitest';
import { MAX_WIDEN, POC_WIDE_LAYOUT, SLIDE_LAYOUT, placeLayout } from './topologyLayout.ts';

describe('the proof of concept’s layout', () => {
  it('puts its boxes in the middle of the picture, with room under them for two pills', () => {
    const { nodes, nodeH, h } = POC_WIDE_LAYOUT;
    expect(nodes.map((n) => n.id)).toEqual(['Client', 'RequestProcess']);
    for (const n of nodes) expect(n.y + nodeH / 2).toBe(h / 2);
    // A pill is 24 units high (MARK_FONT + 10): two of them, and a gap, fit below the boxes.
    expect(h - (nodes[0]!.y + nodeH)).toBeGreaterThanOrEqual(2 * 24 + 12);
  });
});

describe('placing a layout in a box', () => {
  it('widens a picture fitted to the height into the spare width, boxes and all', () => {
    // A guided step's scene on the reading page at 1280x720.
    const { layout, scale, x } = placeLayout(630, 260, 'lab-order', true);
    expect(layout.id).toBe('wide');
    expect(scale).toBeCloseTo(260 / SLIDE_LAYOUT.h);
    expect(layout.w * scale).toBeLessThanOrEqual(630);
    expect(layout.w * scale).toBeGreaterThan(630 * 0.95);
    expect(x).toBeGreaterThanOrEqual(0);
    const router = layout.byId.get('Router')!;
    const before = SLIDE_LAYOUT.byId.get('Router')!;
    expect(router.w).toBeGreaterThan(before.w * 1.4);
    expect(router.y).toBe(before.y);
    expect(layout.nodeH).toBe(SLIDE_LAYOUT.nodeH);
  });

  it('keeps a picture that fills the box as it is, and widens no further than MAX_WIDEN', () => {
    expect(placeLayout(SLIDE_LAYOUT.w, SLIDE_LAYOUT.h, 'lab-order', true).layout).toBe(
      SLIDE_LAYOUT,
    );
    const { layout } = placeLayout(4000, 260, 'lab-order', true);
    expect(layout.w / SLIDE_LAYOUT.w).toBeCloseTo(MAX_WIDEN);
  });

  it('gives back the same widened layout for a box a few pixels wider (what caches key on)', () => {
    expect(placeLayout(630, 260, 'lab-order', true).layout).toBe(
      placeLayout(633, 260, 'lab-order', true).layout,
    );
  });
});
