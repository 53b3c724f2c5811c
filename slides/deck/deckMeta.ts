/** What the remark plugin learns about each slide at build time, exported by every deck MDX file. */
export interface SceneSetting {
  /** The build (step) from which this setting applies; 0 is the slide's first view. */
  step: number;
  mode?: SceneMode;
  scenario?: string;
  requests?: number;
  seed?: number;
  faults?: string[];
}

export type SceneMode = 'global' | 'process' | 'metadata' | 'links';

export interface SlideMeta {
  /** Plain text of the first heading, or of the first text on the slide. */
  title: string;
  /** A name for the slide in contents and screen readers: the title, or what the slide shows. */
  label: string;
  /** Deckset's `[.autoscale: true]`: shrink the text until it fits the stage. */
  autoscale: boolean;
  /** How many builds (`<Step>`) the slide has; 0 when it shows at once. */
  steps: number;
  /** How many speaker-note blocks (`^` paragraphs or `<Notes>` elements) the slide has. */
  notes: number;
  /** `<Scene>` markers: what the persistent sandbox beside the slides shows, per build. */
  scenes: SceneSetting[];
  /** The slide renders a `<LiveScene>`, whose code loads lazily. */
  live: boolean;
  /** Other Deckset slide commands (`[.key: value]`), kept for components that want them. */
  directives: Record<string, string>;
}

export interface DeckMeta {
  /** Deckset's global commands from the top of the file, such as `theme: Poster, 1`. */
  config: Record<string, string>;
  /** The talk's name: the `title:` setting, else the first slide's headings (see talkTitle). */
  title: string;
  slides: SlideMeta[];
}
