/**
 * Links into Jaeger UI (its routes: /trace/:id and /search), for "Open in Jaeger" in the
 * sandbox's send panel and trace list, and in the CLI's summary.
 */

/** The UI's base, without a trailing slash; null when `raw` is not an http(s) URL. */
export function jaegerBase(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export const jaegerTraceUrl = (base: string, traceId: string): string => `${base}/trace/${traceId}`;

/** The UI's search for a service's traces over the last `lookback` (Jaeger's own default: 1h). */
export const jaegerSearchUrl = (base: string, service = 'web', lookback = '1h'): string =>
  `${base}/search?service=${encodeURIComponent(service)}&lookback=${lookback}&limit=20`;
