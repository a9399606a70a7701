import { describe, expect, it } from 'vitest';
import { parseMarked, unescapeHtml } from './marked.js';

describe('parseMarked', () => {
  it('splits escaped text and <mark> runs', () => {
    expect(parseMarked('Phố sách <mark>Hà Nội</mark> &amp; &quot;xuân&quot;')).toEqual([
      { text: 'Phố sách ', mark: false },
      { text: 'Hà Nội', mark: true },
      { text: ' & "xuân"', mark: false },
    ]);
  });
  it('shows any other markup as text, never as HTML', () => {
    expect(parseMarked('<img src=x onerror=alert(1)><mark>a</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)>', mark: false },
      { text: 'a', mark: true },
    ]);
  });
  it('decodes entities once', () => {
    expect(unescapeHtml('&amp;lt; &#39; &#x27; &nbsp;')).toBe("&lt; ' ' &nbsp;");
  });
});
