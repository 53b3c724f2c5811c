/**
 * Deckset's commands: the settings block at the top of a talk (`theme: Poster, 1`,
 * `build-lists: true`, …) and the `[.command: value]` lines on a slide. Which ones the deck
 * applies, which it knows but leaves out, and how their values read.
 */
import type { Paragraph } from 'mdast';
import { plainText } from './slideText.ts';

/** Text and colour styles: a setting for the whole talk, or a command for one slide. */
const STYLE_COMMANDS = [
  'background-color',
  'header',
  'text',
  'text-strong',
  'text-emphasis',
  'list',
];

/** Settings the deck applies when they stand at the top of the talk. */
export const GLOBAL_COMMANDS = new Set([
  ...STYLE_COMMANDS,
  'theme',
  'autoscale',
  'build-lists',
  'footer',
  'slidenumbers',
  'slidecount',
  'slide-dividers',
  'code-language',
  'fit-header',
  'image-placement',
  // Not Deckset's: the site's own. `title:` names the talk (the tab, the front and reading
  // pages), `description:` is a sentence the reading page opens with, `site:` is where the site
  // lives (remarkRead draws its QR code).
  'title',
  'description',
  'site',
]);

/** Settings Deckset has that the deck reads as settings but leaves out (and says so). */
export const IGNORED_SETTINGS = new Set([
  'slide-transition',
  'presenter-notes',
  'footer-style',
  'slidenumber-style',
  'code',
]);

/** Slide commands the deck applies. */
export const SLIDE_COMMANDS = new Set([
  ...STYLE_COMMANDS,
  'autoscale',
  'build-lists',
  'column',
  'footer',
  'hide-footer',
  'slidenumbers',
  'slidecount',
  'code-highlight',
]);

/** Slide commands Deckset has that the deck knows and deliberately leaves out. */
export const IGNORED_COMMANDS = new Set([
  'slide-transition',
  'footer-style',
  'slidenumber-style',
  'code',
  'header-emphasis',
  'header-strong',
  'quote',
  'quote-author',
  'background-image',
  'hide-slidenumbers',
  'table',
  'table-separator',
  'formula',
]);

/** One `[.key: value]` line; `[.column]` has the value `true`. */
export interface SlideCommand {
  key: string;
  value: string;
}

const COMMAND_LINE = /^\[\.([\w-]+)(?::\s*([^\]]*))?\]$/;

/** The commands of a paragraph made only of `[.key: value]` lines, or undefined. */
export function slideCommands(node: Paragraph): SlideCommand[] | undefined {
  const text = plainText(node).trim();
  if (!text.startsWith('[.')) return undefined;
  const out: SlideCommand[] = [];
  for (const line of text.split('\n')) {
    const m = COMMAND_LINE.exec(line.trim());
    if (!m?.[1]) return undefined;
    out.push({ key: m[1], value: (m[2] ?? 'true').trim() });
  }
  return out;
}

/**
 * The settings block: the first paragraph(s) of the talk when every line is `key: value` and at
 * least one key is a Deckset setting (so a first paragraph like `Note: …` stays text).
 */
export function readSettings(
  lines: string[],
): { settings: Record<string, string>; leftOut: string[] } | undefined {
  const settings: Record<string, string> = {};
  const leftOut: string[] = [];
  let known = 0;
  for (const line of lines) {
    const m = /^([a-z][\w-]*)\s*:\s*(.*\S)\s*$/i.exec(line);
    if (!m?.[1] || m[2] === undefined) return undefined;
    const key = m[1].toLowerCase();
    if (GLOBAL_COMMANDS.has(key)) {
      known++;
      settings[key] = m[2];
    } else {
      if (IGNORED_SETTINGS.has(key)) known++;
      leftOut.push(key);
    }
  }
  return known > 0 ? { settings, leftOut } : undefined;
}

export function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(true|yes|on|1)$/i.test(value.trim());
}

/**
 * `[.code-highlight: 2, 4-6]`: the 1-based lines to highlight, `'all'` or `'none'`. Anything
 * unreadable highlights all (so a typo never hides code).
 */
export function readLineSpec(value: string): number[] | 'all' | 'none' {
  const v = value.trim().toLowerCase();
  if (v === 'none') return 'none';
  if (v === 'all' || v === '' || v === 'true') return 'all';
  const lines: number[] = [];
  for (const part of v.split(/\s*,\s*/)) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m?.[1]) return 'all';
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    for (let n = Math.min(from, to); n <= Math.max(from, to) && n - from < 1000; n++) lines.push(n);
  }
  return lines;
}

/** `[.header: #FF0000, alignment(center), text-scale(2.0), Avenir Next]` as CSS properties. */
export interface TextStyle {
  color?: string;
  align?: string;
  scale?: number;
  font?: string;
  bullet?: string;
}

export function readTextStyle(value: string): TextStyle {
  const style: TextStyle = {};
  for (const raw of splitTopLevel(value)) {
    const part = raw.trim();
    if (!part) continue;
    const fn = /^([\w-]+)\((.*)\)$/.exec(part);
    if (fn?.[1]) {
      const arg = (fn[2] ?? '').trim();
      if (fn[1] === 'alignment' && /^(left|center|right)$/.test(arg)) style.align = arg;
      else if (fn[1] === 'text-scale' && Number(arg) > 0) style.scale = Math.min(Number(arg), 4);
      else if (fn[1] === 'bullet-character' && arg) style.bullet = arg;
      continue;
    }
    if (/^#[0-9a-f]{3,8}$/i.test(part) || /^(rgb|hsl)a?\(/i.test(part) || /^[a-z]+$/i.test(part)) {
      // A colour: hex, rgb(), or a CSS colour name (a one-word font name is taken as a font when
      // it is not a colour name the browser knows; that check happens in CSS, by fallback).
      if (/^#|^(rgb|hsl)/i.test(part) || CSS_COLOUR_WORDS.has(part.toLowerCase()))
        style.color = part;
      else style.font = part;
      continue;
    }
    if (/^[\w .'-]+$/.test(part)) style.font = part;
  }
  return style;
}

/** Splits at commas outside parentheses: `#fff, alignment(left), Avenir Next`. */
function splitTopLevel(value: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

const CSS_COLOUR_WORDS = new Set([
  'black',
  'white',
  'red',
  'green',
  'blue',
  'yellow',
  'orange',
  'purple',
  'gray',
  'grey',
  'pink',
  'brown',
  'cyan',
  'magenta',
  'navy',
  'teal',
  'maroon',
  'olive',
  'silver',
  'lime',
  'aqua',
  'fuchsia',
  'gold',
  'transparent',
]);
