/** Where the reader stopped, kept in localStorage under a versioned key. */
export const READING_KEY = 'tracing-in-elixir.read';
const VERSION = 1;

interface SavedPosition {
  v: typeof VERSION;
  /** 0-based slide whose section was being read. */
  slide: number;
}

/** The saved section, or undefined when there is none, it is corrupt, or it is out of range. */
export function parseReadingPosition(raw: string | null, total: number): number | undefined {
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { v, slide } = value as Partial<SavedPosition>;
  if (v !== VERSION || typeof slide !== 'number' || !Number.isInteger(slide)) return undefined;
  return slide >= 0 && slide < total ? slide : undefined;
}

export function formatReadingPosition(slide: number): string {
  return JSON.stringify({ v: VERSION, slide } satisfies SavedPosition);
}

/** Reads the saved section; storage that throws (private windows) counts as empty. */
export function loadReadingPosition(
  storage: Storage | undefined,
  total: number,
): number | undefined {
  try {
    return parseReadingPosition(storage?.getItem(READING_KEY) ?? null, total);
  } catch {
    return undefined;
  }
}

export function saveReadingPosition(storage: Storage | undefined, slide: number): void {
  try {
    storage?.setItem(READING_KEY, formatReadingPosition(slide));
  } catch {
    // Storage refused (private window, quota): the place is kept for this page only.
  }
}
