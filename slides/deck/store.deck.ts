import { createStore } from 'zustand/vanilla';
import {
  clampPosition,
  firstPosition,
  lastPosition,
  nextPosition,
  prevPosition,
  samePosition,
  type Position,
} from './navigation.ts';

export type Theme = 'dark' | 'light';

export interface DeckState extends Position {
  /** Builds per slide, from the deck's metadata. */
  steps: readonly number[];
  overview: boolean;
  help: boolean;
  black: boolean;
  /** Slides beside the persistent live scene, instead of full screen. */
  split: boolean;
  theme: Theme;
  /** Where the last position change came from: this window, or the other one over the channel. */
  origin: 'local' | 'remote';
  goto(p: Position, origin?: 'local' | 'remote'): void;
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
  setBlack(black: boolean, origin?: 'local' | 'remote'): void;
  toggle(key: 'overview' | 'help' | 'split'): void;
  setTheme(theme: Theme): void;
  /** Closes whatever overlay is open; true if one was. */
  closeOverlay(): boolean;
}

/** Saved preferences; the prerendered first slide assumes their defaults (app/prerender). */
export const THEME_KEY = 'deck.theme';
export const SPLIT_KEY = 'deck.split';

function readPreference(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writePreference(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // Private windows may refuse storage; the preference then lasts for this page only.
  }
}

function initialTheme(): Theme {
  const saved = readPreference(THEME_KEY);
  if (saved === 'dark' || saved === 'light') return saved;
  return 'dark';
}

/** The deck's navigation and overlay state: one store per window, shared by deck and presenter. */
export function createDeckStore(steps: readonly number[], start: Position = firstPosition()) {
  return createStore<DeckState>()((set, get) => {
    const move = (p: Position, origin: 'local' | 'remote' = 'local') => {
      const to = clampPosition(p, get().steps);
      if (samePosition(to, get())) return;
      set({ ...to, origin });
    };
    return {
      ...clampPosition(start, steps),
      steps,
      overview: false,
      help: false,
      black: false,
      split: readPreference(SPLIT_KEY) === 'true',
      theme: initialTheme(),
      origin: 'local',
      goto: move,
      next: () => move(nextPosition(get(), get().steps)),
      prev: () => move(prevPosition(get(), get().steps)),
      first: () => move(firstPosition()),
      last: () => move(lastPosition(get().steps)),
      setBlack: (black, origin = 'local') => {
        if (get().black !== black) set({ black, origin });
      },
      toggle: (key) => {
        const value = !get()[key];
        set({ [key]: value });
        if (key === 'split') writePreference(SPLIT_KEY, String(value));
      },
      setTheme: (theme) => {
        set({ theme });
        writePreference(THEME_KEY, theme);
      },
      closeOverlay: () => {
        const { overview, help, black } = get();
        if (!overview && !help && !black) return false;
        set({ overview: false, help: false });
        if (black) get().setBlack(false);
        return true;
      },
    };
  });
}

export type DeckStore = ReturnType<typeof createDeckStore>;
