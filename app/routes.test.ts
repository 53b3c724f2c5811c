import { describe, expect, it } from 'vitest';
import { hashForPath, matchRoute } from './routes.ts';

describe('hash routes', () => {
  it('finds the view for each route', () => {
    expect(matchRoute('')?.entry.name).toBe('home');
    expect(matchRoute('#/')?.entry.name).toBe('home');
    expect(matchRoute('#/12')?.entry.name).toBe('deck');
    expect(matchRoute('#/12.2')?.entry.name).toBe('deck');
    expect(matchRoute('#/presenter')?.entry.name).toBe('presenter');
    expect(matchRoute('#/presenter/12.1')?.entry.name).toBe('presenter');
    expect(matchRoute('#/print/notes')).toMatchObject({ props: { notes: true } });
    expect(matchRoute('#/print')).toMatchObject({ props: { notes: false } });
    expect(matchRoute('#/sandbox')?.entry.name).toBe('sandbox');
    expect(matchRoute('#/sandbox?mode=global&requests=3')?.entry.name).toBe('sandbox');
    expect(matchRoute('#/read')).toMatchObject({ entry: { name: 'read' }, props: {} });
    expect(matchRoute('#/read/12')).toMatchObject({ props: { slide: 12 } });
    expect(matchRoute('#/read/x')).toBeUndefined();
    expect(matchRoute('#/exercises')?.entry.name).toBe('exercises');
    expect(matchRoute('#/exercises/3')?.entry.name).toBe('exercises');
    expect(matchRoute('#/exercises/03-inject')?.entry.name).toBe('exercises');
    expect(matchRoute('#/exercises/3/x')).toBeUndefined();
    expect(matchRoute('#/nowhere')).toBeUndefined();
  });

  it('turns a path into the hash route it names', () => {
    expect(hashForPath('/12')).toBe('#/12');
    expect(hashForPath('/presenter/3')).toBe('#/presenter/3');
    expect(hashForPath('/sandbox')).toBe('#/sandbox');
    expect(hashForPath('/read')).toBe('#/read');
    expect(hashForPath('/exercises/2')).toBe('#/exercises/2');
    expect(hashForPath('/')).toBeUndefined();
    expect(hashForPath('/assets/x.js')).toBeUndefined();
  });
});
