import { describe, expect, it } from 'vitest';
import { POC_WIDE_LAYOUT } from './topologyLayout.ts';

describe('the proof of concept’s layout', () => {
  it('puts its boxes in the middle of the picture, with room under them for two pills', () => {
    const { nodes, nodeH, h } = POC_WIDE_LAYOUT;
    expect(nodes.map((n) => n.id)).toEqual(['Client', 'RequestProcess']);
    for (const n of nodes) expect(n.y + nodeH / 2).toBe(h / 2);
    // A pill is 24 units high (MARK_FONT + 10): two of them, and a gap, fit below the boxes.
    expect(h - (nodes[0]!.y + nodeH)).toBeGreaterThanOrEqual(2 * 24 + 12);
  });
});
