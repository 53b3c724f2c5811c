import { describe, expect, it } from 'vitest';
import { countPdfPages } from './pdfPages.ts';

describe('countPdfPages', () => {
  it('counts page objects and not the page tree', () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >>\n2 0 obj << /Type /Page >>\n3 0 obj <</Type/Page/Parent 1 0 R>>\n',
      'latin1',
    );
    expect(countPdfPages(pdf)).toBe(2);
  });
});
