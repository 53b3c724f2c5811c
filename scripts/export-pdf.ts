/**
 * `npm run export:pdf [-- --notes] [-- --build]`: prints the built deck to dist/talk.pdf (or
 * dist/talk-notes.pdf) with the same Chromium the browser tests use. Builds first if dist/ is
 * missing, or always with --build.
 */
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium.ts';
import { renderDeckPdf } from './deckPdf.ts';
import { countPdfPages } from './pdfPages.ts';
import { startPreview } from './previewServer.ts';

const notes = process.argv.includes('--notes');
const path = notes ? 'dist/talk-notes.pdf' : 'dist/talk.pdf';
const server = await startPreview(process.argv.includes('--build'));
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const { pdf, slides } = await renderDeckPdf(page, server.url, { notes, path });
  const pages = countPdfPages(pdf);
  console.log(`${path}: ${pages} pages for ${slides} slides, ${(pdf.length / 1024).toFixed(0)} KB`);
  if (pages !== slides) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
