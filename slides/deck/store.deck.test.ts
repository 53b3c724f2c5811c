import { describe, expect, it } from 'vitest';
import { createDeckStore } from './store.deck.ts';

describe('deck store', () => {
  it('navigates and records where a change came from', () => {
    const store = createDeckStore([0, 1, 0]);
    store.getState().next();
    store.getState().next();
    expect(store.getState()).toMatchObject({ slide: 1, step: 1, origin: 'local' });
    store.getState().goto({ slide: 2, step: 0 }, 'remote');
    expect(store.getState()).toMatchObject({ slide: 2, origin: 'remote' });
    store.getState().first();
    expect(store.getState().slide).toBe(0);
    store.getState().last();
    expect(store.getState().slide).toBe(2);
  });

  it('starts where it is told, clamped to the deck', () => {
    expect(createDeckStore([0, 0], { slide: 9, step: 3 }).getState()).toMatchObject({
      slide: 1,
      step: 0,
    });
  });

  it('closes overlays one Escape at a time', () => {
    const store = createDeckStore([0]);
    store.getState().toggle('overview');
    store.getState().setBlack(true);
    expect(store.getState().closeOverlay()).toBe(true);
    expect(store.getState()).toMatchObject({ overview: false, black: false });
    expect(store.getState().closeOverlay()).toBe(false);
  });
});
