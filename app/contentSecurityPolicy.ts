import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * The built site's Content-Security-Policy: its own origin only, so the deck runs with the network
 * off and nothing can load from elsewhere. Workers that the exercise runner needs go into
 * `worker-src` (e.g. `'self' blob:`). Dev serves without it: HMR needs inline scripts.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  // The sandbox can send spans to an OTLP/HTTP receiver the user types in: a Collector or Jaeger
  // on this machine (the default http://localhost:4318/v1/traces). Nothing else leaves the page.
  'connect-src': "'self' http://localhost:* http://127.0.0.1:*",
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

export function cspContent(directives: Readonly<Record<string, string>> = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** The CSP source for an inline script's or style's text: its SHA-256, base64. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** An attribute's value as the browser reads it: the entities React's markup escapes, decoded. */
function attributeValue(raw: string): string {
  return raw
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * The policy for a built page: the directives, with a hash for each inline `<script>` and
 * `<style>` the build wrote into it (the head script that opens the route, the shells'
 * stylesheet), so exactly those run and nothing else inline does. Style attributes in the
 * prerendered markup (a colour swatch, say) are let through the same way, one hash each
 * (`style-src-attr 'unsafe-hashes'`): any other style attribute in the markup stays refused.
 */
export function policyFor(html: string): string {
  const inline = (tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'gi'))]
      .map((m) => m[1] ?? '')
      .filter((text) => text.length > 0)
      .map(hashSource);
  const attributes = [
    ...new Set([...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => attributeValue(m[1] ?? ''))),
  ].map(hashSource);
  const withHashes = (name: string, hashes: string[]) =>
    hashes.length > 0 ? `${CSP_DIRECTIVES[name]} ${hashes.join(' ')}` : CSP_DIRECTIVES[name]!;
  return cspContent({
    ...CSP_DIRECTIVES,
    'script-src': withHashes('script-src', inline('script')),
    'style-src': withHashes('style-src', inline('style')),
    ...(attributes.length > 0 && {
      'style-src-attr': `'unsafe-hashes' ${attributes.join(' ')}`,
    }),
  });
}

/**
 * A Vite plugin that puts the policy into each built page as a meta tag, for `vite build` only.
 * It runs after the plugins that write inline code (list it last), so it can hash that code.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html).replace(/'/g, '&#39;')}">`;
        // After the charset, which must stay in the first 1,024 bytes (the policy is long), and
        // before any script or style, which the policy must already govern.
        const charset = /<meta charset[^>]*>/i.exec(html);
        if (charset) {
          const end = charset.index + charset[0].length;
          return `${html.slice(0, end)}\n    ${meta}${html.slice(end)}`;
        }
        return html.replace(/<head[^>]*>/i, (head) => `${head}\n    ${meta}`);
      },
    },
  };
}
