import { describe, expect, it } from 'vitest';
import { assumedMediaOf, shownShell, takeShell, type ShellCandidate } from './takeShell.ts';

/** A `#root` child as takeShell sees it, recording what happened to it. */
function child(shell: string | null) {
  const attrs = new Map<string, string>(shell ? [['data-shell', shell]] : []);
  attrs.set('inert', '');
  const node = {
    removed: false,
    getAttribute: (name: string) => attrs.get(name) ?? null,
    remove: () => void (node.removed = true),
  } satisfies ShellCandidate & Record<string, unknown>;
  return node;
}

describe('takeShell', () => {
  it('keeps the shown shell and removes the others', () => {
    const children = [child('deck'), child('sandbox'), child('exercises')];
    const kept = takeShell({ children }, 'sandbox');
    expect(kept).toBe(children[1]);
    expect(children.map((c) => c.removed)).toEqual([true, false, true]);
  });

  it('empties the root when no shell shows, so React starts from nothing', () => {
    const children = [child('deck'), child('sandbox')];
    expect(takeShell({ children }, null)).toBeNull();
    expect(children.every((c) => c.removed)).toBe(true);
  });

  it('empties the root when the named shell is not in the page', () => {
    const children = [child('deck'), child(null)];
    expect(takeShell({ children }, 'read')).toBeNull();
    expect(children.every((c) => c.removed)).toBe(true);
  });
});

describe('shownShell', () => {
  const html = (attrs: Record<string, string>) =>
    ({ getAttribute: (name: string) => attrs[name] ?? null }) as unknown as Element;

  it('is the shell the head script showed while the visitor is on its route', () => {
    const shown = html({ 'data-shell': 'deck', 'data-shell-route': '1' });
    expect(shownShell(shown, '#/1')).toBe('deck');
  });

  it('is none once the hash moved on before the app loaded, or when none showed', () => {
    expect(shownShell(html({ 'data-shell': 'deck', 'data-shell-route': '1' }), '#/sandbox')).toBe(
      null,
    );
    expect(shownShell(html({}), '#/1')).toBeNull();
  });
});

describe('assumedMediaOf', () => {
  const shell = (media: string | null) => ({ getAttribute: () => media });

  it('reads the media a shell was drawn under', () => {
    expect(assumedMediaOf(shell('{"(min-width: 1100px)":true}'))).toEqual({
      '(min-width: 1100px)': true,
    });
  });

  it('assumes nothing of a missing or broken attribute', () => {
    expect(assumedMediaOf(shell(null))).toEqual({});
    expect(assumedMediaOf(shell('{not json'))).toEqual({});
    expect(assumedMediaOf(shell('7'))).toEqual({});
  });
});
