/**
 * `tsx sandbox/bench-ui/profilePage.ts [--out-dir DIR] [--seconds 5] [--cap N]`: where the main
 * thread's time goes while the sandbox streams 5,000 spans/s with its buffer full. Records a
 * CPU profile of the page (DevTools protocol Profiler) and prints self time by function and by
 * file. Build unminified for readable names: `vite build --minify false --outDir DIR`.
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/chromium.ts';
import { DEFAULT_SPAN_CAP } from '../model/TraceBuffer.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : (args[i + 1] ?? fallback);
};
const OUT_DIR = opt('out-dir', 'dist');
const SECONDS = Number(opt('seconds', '5'));
const CAP = Number(opt('cap', String(DEFAULT_SPAN_CAP)));
const RATE = Number(opt('rate', '5000'));

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const server = await preview({
  build: { outDir: OUT_DIR },
  preview: { port: 0, strictPort: false, host: '127.0.0.1' },
  logLevel: 'silent',
});
const address = server.httpServer.address();
if (address === null || typeof address === 'string') throw new Error('no preview address');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${address.port}/sandbox.html?mode=metadata&speed=100`);
  await page.waitForFunction(() => !!window.__sandbox);
  await page.evaluate(
    ([cap, rps]) => {
      const scene = window.__sandbox!;
      scene.setCap(cap);
      scene.send(Math.ceil((cap * 1.05) / 37));
      scene.finish();
      scene.store.setState({ speed: 2000 });
      scene.setLoad(rps);
    },
    [CAP, RATE / 37] as const,
  );
  await page.waitForTimeout(3000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.waitForTimeout(SECONDS * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  writeFileSync('bench-results/ui.cpuprofile', JSON.stringify(profile));
  const time = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
  );
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const t = time.get(n.id) ?? 0;
    total += t;
    const file = n.callFrame.url.replace(/.*\/assets\//, '');
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + t);
    byFile.set(file, (byFile.get(file) ?? 0) + t);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  console.log(`profile of ${SECONDS} s, ${(total / 1000).toFixed(0)} ms sampled; self time:`);
  console.log(top(byFn, 40));
  console.log('by file:');
  console.log(top(byFile, 10));
} finally {
  await browser.close();
  await server.close();
}
