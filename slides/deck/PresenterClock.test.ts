import { describe, expect, it } from 'vitest';
import { formatElapsed } from './PresenterClock.tsx';

describe('presenter clock', () => {
  it('formats elapsed time', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(61_500)).toBe('01:01');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});
