import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, cspContent } from './contentSecurityPolicy.ts';

describe('content security policy', () => {
  it('allows only the site’s own origin for code and styles', () => {
    const csp = cspContent();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https:/);
  });

  it('lets connections go to the own origin and to an OTLP receiver on this machine only', () => {
    const sources = (CSP_DIRECTIVES['connect-src'] ?? '').split(' ');
    expect(sources).toEqual(["'self'", 'http://localhost:*', 'http://127.0.0.1:*']);
    // Chromium rejects IPv6 hosts in a source list (a console error on every page) and ignores them.
    expect(sources.join(' ')).not.toContain('[');
  });
});
