import { afterEach, describe, expect, it } from 'vitest';
import { findChromium } from './chromium.ts';

describe('findChromium', () => {
  const saved = process.env.CHROME_PATH;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROME_PATH;
    else process.env.CHROME_PATH = saved;
  });

  it('prefers CHROME_PATH when it exists', () => {
    process.env.CHROME_PATH = process.execPath;
    expect(findChromium()).toBe(process.execPath);
  });

  it('names a CHROME_PATH that does not exist', () => {
    process.env.CHROME_PATH = '/nowhere/chromium';
    expect(() => findChromium()).toThrow(/CHROME_PATH points at \/nowhere\/chromium/);
  });
});
