import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { breakAfter } from './breakAfter.tsx';

const markup = (text: string, chars: string) =>
  renderToStaticMarkup(<>{breakAfter(text, chars)}</>);

describe('breakAfter', () => {
  it('offers a break after each separator that has a part behind it', () => {
    expect(markup('http.request.method', '._')).toBe('http.<wbr/>request.<wbr/>method');
    expect(markup('sim.context_carried', '._')).toBe('sim.<wbr/>context_<wbr/>carried');
  });

  it('keeps runs of separators, a trailing one and one before a space whole', () => {
    expect(markup('a..b', '.')).toBe('a..<wbr/>b');
    expect(markup('commanded.aggregate.execute ...', '.')).toBe(
      'commanded.<wbr/>aggregate.<wbr/>execute ...',
    );
    expect(markup('end.', '.')).toBe('end.');
    expect(markup('', '.')).toBe('');
  });
});
