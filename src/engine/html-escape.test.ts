import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html-escape.js';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('escapes & first, so existing entities are shown literally (no double decoding)', () => {
    expect(escapeHtml('&lt;script&gt;')).toBe('&amp;lt;script&amp;gt;');
    expect(escapeHtml('<<>>')).toBe('&lt;&lt;&gt;&gt;');
  });

  it('leaves Vietnamese text, including decomposed diacritics, untouched', () => {
    const s = 'Thủ tướng: “Hà Nội” – Đà Nẵng, Ha\u0300 No\u0302\u0323i 100% / #1';
    expect(escapeHtml(s)).toBe(s);
    expect(escapeHtml('')).toBe('');
  });
});
