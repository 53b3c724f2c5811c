// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { jaegerBase, jaegerSearchUrl, jaegerTraceUrl } from '../model/jaegerLinks.ts';
import { useJaegerUi } from './jaegerUiStore.ts';
import { OpenInJaeger } from './OpenInJaeger.tsx';

const TRACE = '0af7651916cd43dd8448eb211c80319c';

afterEach(() => {
  cleanup();
  act(() => useJaegerUi.getState().setUrl(''));
});

describe('Open in Jaeger', () => {
  it('links nothing until Jaeger UI’s address is set, then the trace, and keeps the address', () => {
    const { container } = render(<OpenInJaeger traceId={TRACE} inRow />);
    expect(container.innerHTML).toBe('');
    act(() => useJaegerUi.getState().setUrl('http://localhost:16686/'));
    const link = screen.getByRole('link', { name: 'Open trace 0af76519 in Jaeger' });
    expect(link.getAttribute('href')).toBe(`http://localhost:16686/trace/${TRACE}`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    // In a row it is no tab stop of its own: the list is one.
    expect(link.getAttribute('tabindex')).toBe('-1');
    expect(localStorage.getItem('tracing-in-elixir.jaeger-ui')).toBe('http://localhost:16686/');
  });

  it('ignores an address that is not http(s)', () => {
    act(() => useJaegerUi.getState().setUrl('javascript:alert(1)'));
    const { container } = render(<OpenInJaeger traceId={TRACE} />);
    expect(container.innerHTML).toBe('');
  });

  it('builds Jaeger UI’s routes', () => {
    expect(jaegerBase(' https://jaeger.example/ui/ ')).toBe('https://jaeger.example/ui');
    expect(jaegerBase('localhost:16686')).toBeNull();
    expect(jaegerTraceUrl('http://h:16686', TRACE)).toBe(`http://h:16686/trace/${TRACE}`);
    expect(jaegerSearchUrl('http://h:16686')).toBe(
      'http://h:16686/search?service=web&lookback=1h&limit=20',
    );
  });
});
