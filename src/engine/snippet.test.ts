import { describe, expect, it } from 'vitest';
import type { HighlightSpec } from './query-plan.js';
import { MAX_SCAN_CHARS, highlightAll, makeSnippet } from './snippet.js';

const spec = (folded: string[], exact: string[] = [], phrases: string[][] = []): HighlightSpec => ({ folded, exact, phrases });
/** `từ0 từ1 …`: neutral filler words that never match. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => 'từ' + i).join(' ');
const unmark = (html: string) => html.replace(/<\/?mark>/g, '');

describe('highlightAll', () => {
  it('merges adjacent matched words into one mark, but not across punctuation', () => {
    expect(highlightAll('Mưa lớn ở Hà Nội, Hà Nam', spec(['ha', 'noi']))).toBe('Mưa lớn ở <mark>Hà Nội</mark>, <mark>Hà</mark> Nam');
    expect(highlightAll('HÀ NỘI\u00a0mưa', spec(['ha', 'noi', 'mua']))).toBe('<mark>HÀ NỘI\u00a0mưa</mark>');
  });

  it('marks the original spelling: case, old-style tone placement and decomposed diacritics', () => {
    // The user typed canonical "hòa"; the text writes "hoà" (old placement) and "HÒA".
    expect(highlightAll('Thuận hoà, HÒA bình', spec([], ['hòa']))).toBe('Thuận <mark>hoà</mark>, <mark>HÒA</mark> bình');
    const nfd = 'Ha\u0300 No\u0302\u0323i mưa'; // "Hà Nội" in NFD
    expect(highlightAll(nfd, spec(['ha', 'noi']))).toBe('<mark>Ha\u0300 No\u0302\u0323i</mark> mưa');
  });

  it('marks an accented query word only where it is exact, when the text has it', () => {
    expect(highlightAll('Hà Nội, hạ tầng, ha ha', spec([], ['hà']))).toBe('<mark>Hà</mark> Nội, hạ tầng, ha ha');
  });

  it('falls back to the folded form when the accented word is absent from the text', () => {
    expect(highlightAll('ha noi, hà nội', spec([], ['hạ']))).toBe('<mark>ha</mark> noi, <mark>hà</mark> nội');
  });

  it('marks a phrase only where its syllables are adjacent', () => {
    const uy = spec([], [], [['uy', 'ban', 'nhan', 'dan']]);
    expect(highlightAll('Ủy ban nhân dân tỉnh, nhân dân', uy)).toBe('<mark>Ủy ban nhân dân</mark> tỉnh, nhân dân');
    expect(highlightAll('Ủy ban, nhân dân', uy)).toBe('Ủy ban, nhân dân');
  });

  it('HTML-escapes the text inside and outside marks', () => {
    expect(highlightAll('<b>"Hoà" & bình\'s</b>', spec(['hoa'])))
      .toBe('&lt;b&gt;&quot;<mark>Hoà</mark>&quot; &amp; bình&#39;s&lt;/b&gt;');
    expect(highlightAll('<script>alert(1)</script>', spec(['script']))).toBe('&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;');
  });

  it('returns the escaped text unchanged when nothing matches', () => {
    expect(highlightAll('Đà Nẵng & Huế', spec(['ha']))).toBe('Đà Nẵng &amp; Huế');
  });
});

describe('makeSnippet', () => {
  it('prefers the window where the query words are adjacent', () => {
    // The opening has "Nội" and "Hà" apart (same words, same count): only adjacency breaks the tie.
    const text = 'Nội thành Hà Đông ' + filler(40) + ' thủ đô Hà Nội ' + filler(40);
    const s = makeSnippet(text, spec(['ha', 'noi']), 100);
    expect(s).toContain('<mark>Hà Nội</mark>');
    expect(s).not.toContain('Đông');
    expect(s.startsWith('… ')).toBe(true);
  });

  it('prefers the window with more distinct query words', () => {
    const text = 'Bão số 3 gây mưa ' + filler(40) + ' bão bão bão ' + filler(40) + ' bão số 3 đổ bộ miền Trung gây mưa lớn ' + filler(40);
    const s = makeSnippet(text, spec(['bao', 'mien', 'trung', 'mua']), 100);
    expect(s).toContain('<mark>miền Trung</mark>');
    expect(s).toContain('<mark>mưa</mark>');
  });

  it('is a word-aligned passage of the original text of about maxChars, with ellipses where cut', () => {
    const text = filler(50) + ' Hà Nội ' + filler(50);
    const s = makeSnippet(text, spec(['ha', 'noi']), 120);
    expect(s.startsWith('… ')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
    const passage = unmark(s).slice(2, -2);
    expect(passage.length).toBeLessThanOrEqual(120);
    const at = text.indexOf(passage);
    expect(at).toBeGreaterThan(0);
    expect(text[at - 1]).toBe(' '); // starts at a word
    expect(text[at + passage.length]).toBe(' '); // ends at a word
  });

  it('does not reach back into the previous paragraph, and joins lines with a space', () => {
    const s = makeSnippet(filler(30) + '\nHà Nội mưa to', spec(['ha', 'noi']), 100);
    expect(s).toBe('… <mark>Hà Nội</mark> mưa to');
    expect(makeSnippet('Hà Nội\nmưa to', spec(['ha']), 100)).toBe('<mark>Hà</mark> Nội mưa to');
  });

  it('returns the start of the text when nothing matches', () => {
    const s = makeSnippet('Tin tức <mới> ' + filler(100), spec(['zzz']), 80);
    expect(s.startsWith('Tin tức &lt;mới&gt; từ0')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
    expect(s).not.toContain('<mark>');
  });

  it('returns a short text whole, without ellipses', () => {
    expect(makeSnippet('Hà Nội & "Huế"', spec(['hue']))).toBe('Hà Nội &amp; &quot;<mark>Huế</mark>&quot;');
  });

  it('does not look for matches beyond MAX_SCAN_CHARS', () => {
    const text = 'a '.repeat(MAX_SCAN_CHARS / 2) + 'Hà Nội';
    const s = makeSnippet(text, spec(['ha', 'noi']), 80);
    expect(s.startsWith('a a')).toBe(true);
    expect(s).not.toContain('<mark>');
  });
});

describe('mark: false (highlight=false)', () => {
  it('returns the same passage as with marks, escaped, without any <mark>', () => {
    const text = `${filler(80)} Mưa lớn ở Hà Nội <b> ngập ${filler(80)}`;
    const marked = makeSnippet(text, spec(['ha', 'noi']), 120);
    const plain = makeSnippet(text, { ...spec(['ha', 'noi']), mark: false }, 120);
    expect(marked).toContain('<mark>Hà Nội</mark>');
    expect(plain).not.toContain('<mark>');
    expect(plain).toBe(unmark(marked));
    expect(plain).toContain('&lt;b&gt;');
    expect(highlightAll('Hà Nội <i>', { ...spec(['ha']), mark: false })).toBe('Hà Nội &lt;i&gt;');
  });
});

describe('words the query cannot match are not analyzed', () => {
  it('still marks words before a dot or a quote, and abbreviations', () => {
    expect(highlightAll('Giám đốc FBI. Tuy nhiên “mẹ của các loại bom” hôm', spec(['fbi', 'bom']))).toBe('Giám đốc <mark>FBI</mark>. Tuy nhiên “mẹ của các loại <mark>bom</mark>” hôm');
    expect(highlightAll('địa bàn Q.Bình Thủy, Q.10', spec(['ban', 'q']))).toBe('địa <mark>bàn Q</mark>.Bình Thủy, Q.10');
    // `Q.10` is one word, as `Q10` is (analyzer vi-2).
    expect(highlightAll('địa bàn Q.Bình Thủy, Q.10', spec(['q10']))).toBe('địa bàn Q.Bình Thủy, <mark>Q.10</mark>');
  });

  it('does not join a phrase across a word it skipped', () => {
    expect(highlightAll('Hà Tây Nội', spec([], [], [['ha', 'noi']]))).toBe('Hà Tây Nội');
    expect(highlightAll('Hà Nội', spec([], [], [['ha', 'noi']]))).toBe('<mark>Hà Nội</mark>');
  });
});
