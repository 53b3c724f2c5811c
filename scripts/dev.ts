/**
 * `npm run dev [-- --talk path/to/talk.md] [vite options]`: the dev server, optionally presenting
 * another talk file (Deckset `.md` or `.mdx`) instead of slides/talk.mdx. Vite refuses options it
 * does not know, so `--talk` is taken here and handed over as TALK.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--talk' || a.startsWith('--talk='));
const env = { ...process.env };
if (at >= 0) {
  const given = args[at]!.includes('=') ? args[at]!.split('=')[1] : args[at + 1];
  args.splice(at, args[at]!.includes('=') ? 1 : 2);
  if (!given) {
    console.error('--talk needs a file: npm run dev -- --talk path/to/talk.md');
    process.exit(2);
  }
  const path = resolve(given);
  if (!existsSync(path) || !/\.(md|mdx|markdown)$/i.test(path)) {
    console.error(
      `--talk ${given}: ${existsSync(path) ? 'not a .md or .mdx file' : 'no such file'}`,
    );
    process.exit(2);
  }
  env.TALK = path;
  console.log(`Presenting ${path}`);
}
const vite = join(import.meta.dirname, '..', 'node_modules', '.bin', 'vite');
const child = spawn(vite, args, { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
