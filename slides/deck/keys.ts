/** What a key press asks the deck to do. */
export type DeckAction =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'fullscreen'
  | 'overview'
  | 'help'
  | 'black'
  | 'presenter'
  | 'split'
  | 'theme'
  | 'read'
  | 'close'
  /** The live scene on the slide (or beside it): replay, slower, faster, one hop. */
  | 'scene-replay'
  | 'scene-slower'
  | 'scene-faster'
  | 'scene-step';

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The deck's keyboard map. Clicker remotes send PageUp/PageDown (some send `.` or `b` to blank). */
export const KEY_HELP: readonly { keys: string; action: string }[] = [
  { keys: '→  Space  PageDown  n', action: 'Next build or slide' },
  { keys: '←  Shift+Space  PageUp  p', action: 'Previous build or slide' },
  { keys: 'Home  End', action: 'First and last slide' },
  { keys: '1…9  Enter', action: 'Type a slide number, then Enter: go to that slide' },
  { keys: 'a', action: 'Live scene: replay it from the start' },
  { keys: '−  +', action: 'Live scene: slower, faster' },
  { keys: 'h', action: 'Live scene: step one hop (pauses; a to play again)' },
  { keys: 'f', action: 'Fullscreen' },
  { keys: 'o', action: 'Overview of all slides' },
  { keys: 'b  .', action: 'Black screen' },
  { keys: 's', action: 'Open the presenter view in a new window' },
  { keys: 'l', action: 'Layout: slides beside the live scene, or full screen' },
  { keys: 't', action: 'Theme: dark or light' },
  { keys: 'r', action: 'Read the talk as an article, from this slide' },
  { keys: '?', action: 'This help' },
  { keys: 'Esc', action: 'Close overview, help or black screen' },
];

export function keyAction(e: KeyLike): DeckAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
    case 'n':
      return 'next';
    case ' ':
      return e.shiftKey ? 'prev' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
    case 'p':
      return 'prev';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'f':
      return 'fullscreen';
    case 'o':
      return 'overview';
    case '?':
      return 'help';
    case 'b':
    case 'B':
    case '.':
      return 'black';
    case 's':
      return 'presenter';
    case 'l':
      return 'split';
    case 't':
      return 'theme';
    case 'r':
      return 'read';
    case 'Escape':
      return 'close';
    case 'a':
      return 'scene-replay';
    case '-':
      return 'scene-slower';
    case '+':
    case '=':
      return 'scene-faster';
    case 'h':
      return 'scene-step';
    default:
      return undefined;
  }
}

/** A digit typed towards a slide number, or undefined. */
export function slideDigit(e: KeyLike): string | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  return /^[0-9]$/.test(e.key) ? e.key : undefined;
}
