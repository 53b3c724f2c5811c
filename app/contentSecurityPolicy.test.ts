import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES, cspContent, policyFor } from './contentSecurityPolicy.ts';

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

describe('the policy of a built page', () => {
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  it('lets through exactly the inline script and style the build wrote, by hash', () => {
    const html =
      '<head><script type="module" src="/assets/main.js"></script><script>go(1)</script>' +
      '<style>#root{color:red}</style></head>';
    const policy = policyFor(html);
    expect(policy).toContain(`script-src 'self' ${sha('go(1)')};`);
    expect(policy).toContain(`style-src 'self' ${sha('#root{color:red}')};`);
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('hashes style attributes as the browser reads them, entities decoded, once each', () => {
    const html =
      '<div style="background:#0072b2"></div><div style="background:#0072b2"></div>' +
      '<p style="font-family:&quot;Oswald&quot;"></p>';
    const attr = policyFor(html)
      .split('; ')
      .find((d) => d.startsWith('style-src-attr'));
    expect(attr).toBe(
      `style-src-attr 'unsafe-hashes' ${sha('background:#0072b2')} ${sha('font-family:"Oswald"')}`,
    );
  });

  it('is the plain policy for a page with no inline code', () => {
    expect(policyFor('<head><script type="module" src="/a.js"></script></head>')).toBe(
      cspContent(),
    );
  });
});
