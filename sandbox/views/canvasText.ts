import { labelWords } from './labelWords.ts';

/** The drawn width of a text in the canvas's current font (`ctx.measureText(t).width`). */
export type Measure = (text: string) => number;

/** `text` cut at the end, with an ellipsis, to fit `width`. */
export function truncate(measure: Measure, text: string, width: number): string {
  if (measure(text) <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${text.slice(0, mid)}\u2026`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}\u2026`;
}

/** At most `max` lines; the last is truncated. Words split from a CamelCase name rejoin unspaced. */
export function wrap(measure: Measure, text: string, width: number, max: number): string[] {
  if (measure(text) <= width || max <= 1) return [truncate(measure, text, width)];
  const parts = labelWords(text);
  const glue = (a: string, i: number) => (text[a.length] === ' ' || text[i] === ' ' ? ' ' : '');
  let first = '';
  let used = 0;
  for (; used < parts.length; used++) {
    const part = parts[used] ?? '';
    const next = first ? `${first}${glue(first, first.length)}${part}` : part;
    if (measure(next) > width && first) break;
    first = next;
  }
  const rest = text.slice(first.length).trimStart();
  return rest ? [truncate(measure, first, width), truncate(measure, rest, width)] : [first];
}

/**
 * A span name in a narrow box. Names are namespaced from the left (`commanded.aggregate.execute`,
 * `EventStore.append_to_stream`) and say what happened at the right end, so a name that does not
 * fit drops namespaces first: `…aggregate.execute`, then `…execute`, then cuts that. Cut at the end, every
 * Commanded span read `commande…` on a projector and the boxes told the room nothing. The leading
 * ellipsis says the name is longer: nobody should search Jaeger for `execute`. Names without a
 * namespace (`POST /lab-orders`, SQL) are cut at the end, where their detail is.
 */
export function fitSpanName(measure: Measure, name: string, width: number): string {
  if (measure(name) <= width) return name;
  const segments = name.split('.');
  // Dots inside the last word (a path, a version, `get_stuff/1`) are not namespaces.
  if (segments.length > 1 && !/\s/.test(segments.slice(0, -1).join('.'))) {
    for (let drop = 1; drop < segments.length; drop++) {
      const tail = `\u2026${segments.slice(drop).join('.')}`;
      if (measure(tail) <= width) return tail;
    }
    // Even the last part is too long: its start (`…dispat…`) still says more than `comman…`.
    return truncate(measure, `\u2026${segments[segments.length - 1] ?? ''}`, width);
  }
  return truncate(measure, name, width);
}

/**
 * A stack entry's name, and whether it is drawn bold. The newest entry is bold; where bold cuts
 * even its last part (`…dispa…` in a 1280 box), the regular weight, about a tenth narrower, may
 * hold `…dispatch` whole, and a whole name says more than the weight does.
 */
export function fitStackEntry(
  measureBold: Measure,
  measureRegular: Measure,
  name: string,
  width: number,
  newest: boolean,
): { text: string; bold: boolean } {
  if (newest) {
    const text = fitSpanName(measureBold, name, width);
    if (!text.endsWith('\u2026')) return { text, bold: true };
    const plain = fitSpanName(measureRegular, name, width);
    return plain.endsWith('\u2026') ? { text, bold: true } : { text: plain, bold: false };
  }
  return { text: fitSpanName(measureRegular, name, width), bold: false };
}
