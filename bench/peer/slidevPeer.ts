/**
 * The Slidev peer: the talk as the team's Slidev deck (/work/shared/peers/slidev, or
 * ../shared/peers/slidev from a worktree), installed on demand into
 * node_modules/.cache/deck-peer/slidev/ (outside git and the project's dependencies) and built
 * with `slidev build` into a static single-page app. Later runs reuse the install and the build
 * while the deck's files are unchanged.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CACHE_ROOT } from './spectaclePeer.ts';

const SOURCES = ['/work/shared/peers/slidev', resolve('../shared/peers/slidev')];
const DIR = join(CACHE_ROOT, 'slidev');

export function slidevSource(): string | undefined {
  return SOURCES.find((d) => existsSync(join(d, 'slides.md')));
}

function slidevVersion(): string | undefined {
  const file = join(DIR, 'node_modules', '@slidev', 'cli', 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Installs (first run) and builds (when the deck changed) the Slidev peer; its dist folder. */
export function buildSlidevPeer(log: (line: string) => void): {
  distDir: string;
  name: string;
  slides: number;
} {
  const source = slidevSource();
  if (!source) throw new Error(`No Slidev peer deck: looked in ${SOURCES.join(' and ')}`);
  mkdirSync(DIR, { recursive: true });
  const pkg = readFileSync(join(source, 'package.json'), 'utf8');
  const slides = readFileSync(join(source, 'slides.md'), 'utf8');
  const pkgChanged =
    !existsSync(join(DIR, 'package.json')) ||
    readFileSync(join(DIR, 'package.json'), 'utf8') !== pkg;
  if (pkgChanged) writeFileSync(join(DIR, 'package.json'), pkg);
  if (pkgChanged || !slidevVersion()) {
    log(`Installing the Slidev peer's packages into ${DIR} (first run only)…`);
    execFileSync('npm', ['install', '--prefix', DIR, '--no-audit', '--no-fund'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  const distDir = join(DIR, 'dist');
  const built = join(DIR, 'built-from.md');
  const stale =
    !existsSync(join(distDir, 'index.html')) ||
    !existsSync(built) ||
    readFileSync(built, 'utf8') !== slides;
  if (stale) {
    copyFileSync(join(source, 'slides.md'), join(DIR, 'slides.md'));
    log('Building the Slidev peer…');
    execFileSync('npx', ['slidev', 'build', '--out', 'dist'], {
      cwd: DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    writeFileSync(built, slides);
  }
  // Slides are separated by `---` lines; the first two enclose the headmatter.
  const separators = slides.split('\n').filter((l) => l.trim() === '---').length;
  return { distDir, name: `Slidev ${slidevVersion() ?? '?'}`, slides: separators - 1 };
}
