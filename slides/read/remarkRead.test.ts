import { run } from '@mdx-js/mdx';
import * as runtime from 'react/jsx-runtime';
import { describe, expect, it } from 'vitest';
import { compileTalk } from '../deck/markdown/vitePlugin.ts';
import type { ReadMeta } from './readMeta.ts';

const TALK = [
  '# Process mode',
  '',
  '<LiveScene mode="process" requests={1} />',
  '',
  '<Read title="Hit a wall">',
  '',
  'The scene runs one request.',
  '',
  '<Predict id="process-traces" />',
  '',
  '<Predict id="first-break" />',
  '',
  '</Read>',
  '',
  '---',
  '',
  '# Metadata',
  '',
  '<Read title="The fix">',
  '',
  'No question here.',
  '',
  '</Read>',
].join('\n');

describe('remarkRead', () => {
  it('lists each slide’s questions, for its live scene to wait on them', async () => {
    const compiled = await compileTalk(TALK, 'talk.mdx', { outputFormat: 'function-body' });
    const { readMeta } = (await run(String(compiled.value), {
      ...runtime,
      baseUrl: import.meta.url,
    })) as unknown as { readMeta: ReadMeta };
    expect(readMeta.questions).toEqual(['process-traces', 'first-break']);
    expect(readMeta.slides[0]?.questions).toEqual(['process-traces', 'first-break']);
    expect(readMeta.slides[1]?.questions).toBeUndefined();
  });
});
