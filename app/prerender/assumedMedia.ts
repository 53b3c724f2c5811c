import { createContext } from 'react';

/**
 * The media queries a prerendered shell was drawn under (`(min-width: 1100px)`: true, say).
 * The build has no screen, so useMediaQuery answers from this when it renders a shell; the
 * browser hydrating that shell answers from the same (takeShell reads them off the shell), so
 * the two renders agree, and only then does the page take the real answers. Empty: every query
 * is assumed not to match.
 */
export const AssumedMedia = createContext<Readonly<Record<string, boolean>>>({});
