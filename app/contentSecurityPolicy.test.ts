import { describe, expect, it } from 'vitest';
import { cspContent } from './contentSecurityPolicy.ts';

describe('content security policy', () => {
  it('allows only the site’s own origin for code, styles and connections', () => {
    const csp = cspContent();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });
});
