import { create } from 'zustand';
import { jaegerBase } from '../model/jaegerLinks.ts';

const KEY = 'tracing-in-elixir.jaeger-ui';

function load(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

interface JaegerUiState {
  /** What the person typed: Jaeger UI's address, or '' for no links. */
  url: string;
  /** Its base for links (no trailing slash), or null when unset or not an http(s) URL. */
  base: string | null;
  setUrl(url: string): void;
}

/**
 * Jaeger UI's address, set in the send panel: with it, the trace list and the send summary link
 * each trace to Jaeger. Kept in localStorage, so a speaker sets it once per laptop.
 */
export const useJaegerUi = create<JaegerUiState>()((set) => {
  const url = load();
  return {
    url,
    base: url ? jaegerBase(url) : null,
    setUrl(next) {
      try {
        if (next.trim()) localStorage.setItem(KEY, next);
        else localStorage.removeItem(KEY);
      } catch {
        // Private windows may refuse storage; the setting still holds for this page.
      }
      set({ url: next, base: next.trim() ? jaegerBase(next) : null });
    },
  };
});
