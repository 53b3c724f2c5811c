export const DEFAULT_OTLP_ENDPOINT = 'http://localhost:4318/v1/traces';

/** Statuses OTLP/HTTP says to retry; the panel tries twice more, after 1 s and 2 s. */
const RETRYABLE = new Set([429, 502, 503, 504]);
const BACKOFF_MS = [1000, 2000];

/** Whether the page's CSP meta tag allows only its own origin for fetch, and `url` is elsewhere. */
function blockedByPolicy(url: URL): boolean {
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  const connect = /connect-src ([^;]*)/.exec(meta?.getAttribute('content') ?? '')?.[1];
  if (!connect || url.origin === window.location.origin) return false;
  return !connect
    .split(/\s+/)
    .some(
      (src) =>
        src === url.origin ||
        src === '*' ||
        url.href.startsWith(src) ||
        (src.endsWith(':*') && url.origin.startsWith(src.slice(0, -1))),
    );
}

/** The spans a receiver reported rejected (OTLP partial success), 0 when it said nothing. */
async function rejectedSpans(res: Response): Promise<{ rejected: number; why?: string }> {
  try {
    const body = (await res.json()) as {
      partialSuccess?: { rejectedSpans?: string | number; errorMessage?: string };
    };
    return {
      rejected: Number(body.partialSuccess?.rejectedSpans ?? 0),
      why: body.partialSuccess?.errorMessage || undefined,
    };
  } catch {
    return { rejected: 0 };
  }
}

export interface PostResult {
  ok: boolean;
  text: string;
  accepted?: number;
}

/** Posts an OTLP/JSON payload; resolves to a sentence for people, never throws. */
export async function postOtlp(
  url: string,
  body: string,
  spans: number,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<PostResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, text: `"${url}" is not a URL. Try ${DEFAULT_OTLP_ENDPOINT}.` };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { ok: false, text: 'Only http:// and https:// endpoints can receive OTLP/HTTP.' };
  const kept = 'Nothing was lost: your traces are still here.';
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(parsed, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        signal: AbortSignal.timeout(15_000),
      });
    } catch (err) {
      if ((err as Error).name === 'TimeoutError')
        return { ok: false, text: `${parsed.href} did not answer within 15 s. ${kept}` };
      return {
        ok: false,
        text: `Could not reach ${parsed.href}: no server is listening there, or it does not allow requests from this page (CORS: Jaeger and the Collector need this page's origin, ${window.location.origin}, in the OTLP receiver's cors.allowed_origins)${blockedByPolicy(parsed) ? ", or this page's Content-Security-Policy does not allow connecting to it (the built site allows its own origin and localhost only; npm run dev has no such policy)" : ''}. ${kept}`,
      };
    }
    if (res.ok) {
      const { rejected, why } = await rejectedSpans(res);
      const accepted = spans - rejected;
      return {
        ok: true,
        accepted,
        text:
          rejected > 0
            ? `Sent ${spans} spans to ${parsed.href}: it accepted ${accepted} and rejected ${rejected}${why ? ` (${why})` : ''}.`
            : `Sent ${spans} spans to ${parsed.href}.`,
      };
    }
    const wait = BACKOFF_MS[attempt];
    if (RETRYABLE.has(res.status) && wait !== undefined) {
      await sleep(wait);
      continue;
    }
    return {
      ok: false,
      text: `The endpoint answered ${res.status} ${res.statusText}${RETRYABLE.has(res.status) ? ` three times (it is busy; try again in a moment)` : res.status === 404 ? ' (an OTLP/HTTP receiver listens at /v1/traces)' : ''}. ${kept}`,
    };
  }
}
