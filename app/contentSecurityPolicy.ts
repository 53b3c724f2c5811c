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

/** A Vite plugin that puts the policy into index.html as a meta tag, for `vite build` only. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: cspContent() },
        injectTo: 'head-prepend',
      },
    ],
  };
}
