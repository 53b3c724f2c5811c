import { describe, expect, it } from 'vitest';
import { fitSpanName, fitStackEntry, truncate, wrap } from './canvasText.ts';

/** A monospace font, 7 px a character. */
const mono = (text: string) => text.length * 7;

describe('fitSpanName', () => {
  it('keeps a name that fits', () => {
    expect(fitSpanName(mono, 'commanded.router.dispatch', 25 * 7)).toBe(
      'commanded.router.dispatch',
    );
  });

  it('drops namespaces from the left before cutting anything', () => {
    expect(fitSpanName(mono, 'commanded.aggregate.execute', 20 * 7)).toBe(
      '\u2026aggregate.execute',
    );
    expect(fitSpanName(mono, 'commanded.aggregate.execute', 12 * 7)).toBe('\u2026execute');
    expect(fitSpanName(mono, 'EventStore.append_to_stream', 17 * 7)).toBe('\u2026append_to_stream');
    expect(fitSpanName(mono, 'Stuff.get_stuff/1', 12 * 7)).toBe('\u2026get_stuff/1');
  });

  it('cuts the last part when even that does not fit', () => {
    expect(fitSpanName(mono, 'commanded.aggregate.execute', 6 * 7)).toBe('\u2026exec\u2026');
  });

  it('cuts names without namespaces at the end, where their detail is', () => {
    expect(fitSpanName(mono, 'POST /lab-orders', 10 * 7)).toBe('POST /lab\u2026');
    expect(fitSpanName(mono, 'INSERT lab_worklist', 10 * 7)).toBe('INSERT la\u2026');
    // A dot after a space is part of the detail, not a namespace.
    expect(fitSpanName(mono, 'GET /api/v1.2/items', 10 * 7)).toBe('GET /api/\u2026');
  });
});

describe('truncate and wrap', () => {
  it('cut to the width with an ellipsis', () => {
    expect(truncate(mono, 'Notification', 6 * 7)).toBe('Notif\u2026');
    expect(truncate(mono, 'Router', 6 * 7)).toBe('Router');
  });

  it('wrap a CamelCase name over two lines before cutting it', () => {
    expect(wrap(mono, 'NotificationHandler', 12 * 7, 2)).toEqual(['Notification', 'Handler']);
    expect(wrap(mono, 'Phoenix request', 8 * 7, 2)).toEqual(['Phoenix', 'request']);
    expect(wrap(mono, 'NotificationHandler', 12 * 7, 1)).toEqual(['Notificatio\u2026']);
  });
});

describe('fitStackEntry', () => {
  const bold = (text: string) => text.length * 8;
  it('draws the newest entry bold where bold holds its name', () => {
    expect(fitStackEntry(bold, mono, 'commanded.router.dispatch', 9 * 8, true)).toEqual({
      text: '\u2026dispatch',
      bold: true,
    });
  });

  it('takes the regular weight where bold would cut the last part and regular would not', () => {
    // Bold: `…dispa…` (8 characters of 8 px); regular: `…dispatch` (9 of 7 px).
    expect(fitStackEntry(bold, mono, 'commanded.router.dispatch', 64, true)).toEqual({
      text: '\u2026dispatch',
      bold: false,
    });
  });

  it('stays bold when both weights cut it, and older entries are regular', () => {
    expect(fitStackEntry(bold, mono, 'commanded.router.dispatch', 40, true).bold).toBe(true);
    expect(fitStackEntry(bold, mono, 'commanded.router.dispatch', 9 * 8, false)).toEqual({
      text: '\u2026dispatch',
      bold: false,
    });
  });
});
