import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { normalizeText } from './normalize.js';
import { foldDiacritics } from './fold.js';
import { MAX_TOKEN_LENGTH, forEachToken, tokenize, type Token } from './tokenize.js';

const analyze = (s: string) => tokenize(normalizeText(s));
const exacts = (s: string) => analyze(s).map((t) => t.exact);
const joins = (s: string) => analyze(s).map((t) => t.joined);
const kinds = (s: string) => analyze(s).map((t) => t.kind);
/** Token fields that do not depend on offsets. */
const forms = (ts: Token[]) => ts.map(({ exact, folded, joined, kind }) => ({ exact, folded, joined, kind }));

/** Structural invariants every tokenization must satisfy. */
function checkInvariants(text: string, tokens: Token[]): void {
  let prevEnd = 0;
  tokens.forEach((t, i) => {
    expect(t.start).toBeGreaterThanOrEqual(prevEnd);
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.end).toBeLessThanOrEqual(text.length);
    expect(t.exact.length).toBeGreaterThan(0);
    expect(t.exact.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
    expect(t.folded.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
    if (i === 0) expect(t.joined).toBe(false);
    expect(['word', 'number', 'date', 'abbreviation']).toContain(t.kind);
    prevEnd = t.end;
  });
}

describe('tokenize: words', () => {
  it('splits on whitespace and punctuation, lower-cases, keeps diacritics in exact and drops them in folded', () => {
    const ts = analyze('Đảng Cộng sản Việt Nam: “Đoàn kết”!');
    expect(ts.map((t) => t.exact)).toEqual(['đảng', 'cộng', 'sản', 'việt', 'nam', 'đoàn', 'kết']);
    expect(ts.map((t) => t.folded)).toEqual(['dang', 'cong', 'san', 'viet', 'nam', 'doan', 'ket']);
    expect(ts.every((t) => t.kind === 'word')).toBe(true);
  });

  it('returns no tokens for empty or separator-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' .,;:!?()"\'-–—/\\ \n\t')).toEqual([]);
  });

  it('canonicalizes tone placement: hoà, hòa and NFD hòa give the same token', () => {
    const nfd = 'hòa'.normalize('NFD');
    expect(nfd).not.toBe('hòa');
    expect(exacts('hoà')).toEqual(['hòa']);
    expect(exacts('hòa')).toEqual(['hòa']);
    expect(exacts(nfd)).toEqual(['hòa']);
    expect(tokenize(nfd).map((t) => t.exact)).toEqual(['hòa']); // even without normalizeText
    expect(exacts('HOÀ Hoà THUỶ Thuỷ KHOẺ')).toEqual(['hòa', 'hòa', 'thủy', 'thủy', 'khỏe']);
  });

  it('tokenizes NFC and NFD input identically', () => {
    const text = 'Thủ tướng Nguyễn Xuân Phúc dự lễ khánh thành đường cao tốc Hà Nội - Hải Phòng ngày 8/10/2011, TP.HCM; khuỷu, thuở, người.';
    const nfd = text.normalize('NFD');
    expect(nfd).not.toBe(text);
    expect(analyze(nfd)).toEqual(analyze(text));
    expect(forms(tokenize(nfd))).toEqual(forms(tokenize(text)));
  });

  it('treats Ð, Ɖ, Đ and đ alike after normalization', () => {
    for (const s of ['\u00D0ảng', '\u0189ảng', 'Đảng', 'đảng', 'ĐẢNG', '\u0256ảng', '\u00F0ảng']) {
      expect(analyze(s).map(({ exact, folded }) => [exact, folded])).toEqual([['đảng', 'dang']]);
    }
  });

  it('keeps letters and digits together as a word', () => {
    const ts = analyze('U23 6x36 covid19 19h30 Mp3');
    expect(ts.map((t) => t.exact)).toEqual(['u23', '6x36', 'covid19', '19h30', 'mp3']);
    expect(ts.every((t) => t.kind === 'word')).toBe(true);
  });

  it('splits on dots, slashes, commas, apostrophes and other punctuation inside words', () => {
    expect(exacts('Nội.Sau')).toEqual(['nội', 'sau']);
    expect(joins('Nội.Sau')).toEqual([false, false]);
    expect(exacts('và/hoặc a,b don\'t x_y a&b')).toEqual(['và', 'hoặc', 'a', 'b', 'don', 't', 'x', 'y', 'a', 'b']);
  });

  it('tokenizes other scripts as words', () => {
    expect(exacts('Москва 東京 Ελλάδα café')).toEqual(['москва', '東京', 'ελλάδα', 'café']);
    expect(analyze('Ελλάδα')[0].folded).toBe('ελλαδα');
  });
});

describe('tokenize: joined', () => {
  it('joins tokens separated by whitespace only', () => {
    expect(joins('Hà Nội, Hải Phòng')).toEqual([false, true, false, true]);
    expect(joins('Hà  \t Nội\nmới')).toEqual([false, true, true]);
  });

  it('keeps tokens around a single hyphen joined', () => {
    expect(exacts('Covid-19')).toEqual(['covid', '19']);
    expect(joins('Covid-19')).toEqual([false, true]);
    expect(joins('Hà Nội - Hải Phòng')).toEqual([false, true, true, true]);
    expect(joins('GD-ĐT')).toEqual([false, true]);
  });

  it('breaks the pair at any other punctuation', () => {
    for (const sep of [',', '.', ';', ':', '!', '?', '(', ')', '"', '“', '–', '—', '--', '/', '…', '- -']) {
      expect(joins(`Hà${sep}Nội`), sep).toEqual([false, false]);
      expect(joins(`Hà ${sep} Nội`), sep).toEqual([false, false]);
    }
    expect(joins('(Hà Nội) mới')).toEqual([false, true, false]);
  });

  it('is false for the first token even after leading whitespace or a hyphen', () => {
    expect(joins('  Hà')).toEqual([false]);
    expect(joins('-Hà')).toEqual([false]);
  });
});

describe('tokenize: numbers', () => {
  it.each([
    ['1.234', '1.234'],
    ['3,5', '3,5'],
    ['1.234.567', '1.234.567'],
    ['1.234,56', '1.234,56'],
    ['0912.345.678', '0912.345.678'],
    ['2017', '2017'],
    ['007', '007'],
  ])('%s is one number token %s', (input, exact) => {
    const ts = analyze(input);
    expect(ts).toHaveLength(1);
    expect(ts[0]).toMatchObject({ exact, folded: exact, kind: 'number', start: 0, end: input.length });
  });

  it('does not take a trailing or leading separator into the number', () => {
    expect(analyze('có 1.234.')).toMatchObject([{ exact: 'có' }, { exact: '1.234', end: 8 }]);
    expect(exacts('năm 2017, 2018.')).toEqual(['năm', '2017', '2018']);
    expect(exacts('.5 1. 2,')).toEqual(['5', '1', '2']);
  });

  it('ends a number where letters start, keeping the unit joined', () => {
    const ts = analyze('1.234km 3,5m');
    expect(ts.map((t) => [t.exact, t.kind, t.joined])).toEqual([
      ['1.234', 'number', false],
      ['km', 'word', true],
      ['3,5', 'number', true],
      ['m', 'word', true],
    ]);
  });

  it('keeps non-ASCII digit runs as numbers', () => {
    expect(kinds('٣٤')).toEqual(['number']);
  });
});

describe('tokenize: dates', () => {
  it('normalizes dates: leading zeros stripped, - becomes /', () => {
    for (const s of ['08/10/2011', '8/10/2011', '08-10-2011', '8-10/2011']) {
      const ts = analyze(s);
      expect(ts).toHaveLength(1);
      expect(ts[0]).toMatchObject({ exact: '8/10/2011', folded: '8/10/2011', kind: 'date', start: 0, end: s.length });
    }
    expect(analyze('7-10')).toMatchObject([{ exact: '7/10', kind: 'date' }]);
    expect(analyze('ngày 06/02')).toMatchObject([{ exact: 'ngày' }, { exact: '6/2', kind: 'date', joined: true }]);
    expect(analyze('1/1/17')).toMatchObject([{ exact: '1/1/17', kind: 'date' }]);
  });

  it('keeps a trailing sentence dot out of the date', () => {
    expect(analyze('ngày 8/10/2011.')).toMatchObject([{ exact: 'ngày' }, { exact: '8/10/2011', end: 14 }]);
  });

  it('reads date ranges as two joined dates', () => {
    expect(analyze('8/10/2011-9/10/2011').map((t) => [t.exact, t.kind, t.joined])).toEqual([
      ['8/10/2011', 'date', false],
      ['9/10/2011', 'date', true],
    ]);
  });

  it('rejects impossible days and months and other shapes', () => {
    expect(analyze('32/10').map((t) => [t.exact, t.kind])).toEqual([['32', 'number'], ['10', 'number']]);
    expect(exacts('MEGA 6/45')).toEqual(['mega', '6', '45']);
    expect(exacts('0/5 5/0')).toEqual(['0', '5', '5', '0']);
    expect(exacts('10/2011')).toEqual(['10', '2011']);
    expect(exacts('123/4')).toEqual(['123', '4']);
    expect(exacts('2011-2012')).toEqual(['2011', '2012']);
    expect(exacts('1/2x')).toEqual(['1', '2x']);
    expect(exacts('1/234')).toEqual(['1', '234']);
  });

  it('falls back to day/month when the year part is not 2-4 digits', () => {
    expect(analyze('8/10/2').map((t) => [t.exact, t.kind])).toEqual([['8/10', 'date'], ['2', 'number']]);
    expect(analyze('8/10/20111').map((t) => [t.exact, t.kind])).toEqual([['8/10', 'date'], ['20111', 'number']]);
  });
});

describe('tokenize: dotted abbreviations', () => {
  it('joins upper-case dotted segments into one token', () => {
    expect(analyze('TP.HCM')).toEqual([{ exact: 'tphcm', folded: 'tphcm', start: 0, end: 6, joined: false, kind: 'abbreviation' }]);
    expect(analyze('T.Ư')).toMatchObject([{ exact: 'tư', folded: 'tu', kind: 'abbreviation' }]);
    expect(analyze('T.Ư'.normalize('NFD'))).toMatchObject([{ exact: 'tư', folded: 'tu', kind: 'abbreviation' }]);
    expect(analyze('U.S.A.')).toMatchObject([{ exact: 'usa', end: 5, kind: 'abbreviation' }]);
    expect(analyze('tại TP.HCM, ngày')).toMatchObject([
      { exact: 'tại' },
      { exact: 'tphcm', joined: true, start: 4, end: 10 },
      { exact: 'ngày', joined: false },
    ]);
  });

  it('requires every segment to be 1-5 upper-case letters', () => {
    expect(kinds('Tp.HCM')).toEqual(['word', 'word']);
    expect(exacts('TP.Hcm')).toEqual(['tp', 'hcm']);
    expect(exacts('ABCDEF.GH')).toEqual(['abcdef', 'gh']);
    expect(exacts('U23.VN')).toEqual(['u23', 'vn']);
    expect(exacts('VN.U23')).toEqual(['vn', 'u23']);
    expect(exacts('TP. HCM')).toEqual(['tp', 'hcm']);
    expect(joins('TP. HCM')).toEqual([false, false]);
  });

  it('stops at the first segment that does not qualify', () => {
    expect(analyze('TP.HCM.Hôm').map((t) => [t.exact, t.kind])).toEqual([['tphcm', 'abbreviation'], ['hôm', 'word']]);
  });
});

describe('tokenize: sentences and offsets', () => {
  it('does not include the sentence-final dot', () => {
    const ts = analyze('Hà Nội.');
    expect(ts.map((t) => t.exact)).toEqual(['hà', 'nội']);
    expect(ts[1].end).toBe(6);
  });

  it('offsets slice back to the surface text', () => {
    const text = normalizeText('Ông Nguyễn Văn A (TP.HCM) nói: “Giá xăng tăng 1.234 đồng/lít từ 08/10/2011”. Covid-19, U23.');
    const ts = tokenize(text);
    expect(ts.map((t) => text.slice(t.start, t.end))).toEqual([
      'Ông', 'Nguyễn', 'Văn', 'A', 'TP.HCM', 'nói', 'Giá', 'xăng', 'tăng', '1.234', 'đồng', 'lít', 'từ', '08/10/2011', 'Covid', '19', 'U23',
    ]);
    checkInvariants(text, ts);
  });

  it('removes zero-width characters through normalizeText', () => {
    expect(exacts('Ng\u200Bười Việt\uFEFF')).toEqual(['người', 'việt']);
    expect(exacts('Hà\u200B Nội')).toEqual(['hà', 'nội']);
    // Without normalizeText they still separate like whitespace.
    expect(tokenize('Hà\u200BNội').map((t) => [t.exact, t.joined])).toEqual([['hà', false], ['nội', true]]);
  });
});

describe('tokenize: limits and hostile input', () => {
  it('truncates long tokens to 64 code units but keeps the source offsets', () => {
    const long = 'a'.repeat(100);
    expect(analyze(long)).toEqual([{ exact: 'a'.repeat(64), folded: 'a'.repeat(64), start: 0, end: 100, joined: false, kind: 'word' }]);
    const accented = analyze('Ă'.repeat(100))[0];
    expect(accented).toMatchObject({ exact: 'ă'.repeat(64), folded: 'a'.repeat(64), end: 100 });
  });

  it('does not cut a surrogate pair in half when truncating', () => {
    const t = analyze('a' + '𝐀'.repeat(40))[0];
    expect(t.exact.length).toBe(63);
    expect(t.exact).toBe('a' + '𝐀'.repeat(31));
  });

  it('skips combining marks with no base and keeps at most 3 after a base', () => {
    expect(tokenize('\u0301'.repeat(10_000))).toEqual([]);
    expect(tokenize(' \u0301\u0301 hà')).toMatchObject([{ exact: 'hà', start: 4 }]);
    const storm = tokenize('a' + '\u0308'.repeat(10_000) + ' b');
    expect(storm).toHaveLength(2);
    expect(storm[0].exact).toBe('ä\u0308\u0308');
    expect(storm[0].end).toBe(10_001);
    expect(storm[0].folded).toBe('a');
    expect(storm[1]).toMatchObject({ exact: 'b', joined: true });
  });

  it('never throws on lone surrogates', () => {
    for (const s of ['\uD800', '\uDC00', 'a\uD800b', '\uDBFF\uDBFF', 'Hà\uDC00Nội', '\uD800\u0301a']) {
      expect(() => tokenize(s)).not.toThrow();
      checkInvariants(s, tokenize(s));
    }
    expect(tokenize('a\uD800b').map((t) => t.exact)).toEqual(['a', 'b']);
  });

  it('never throws on 100k random code units and keeps its invariants', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const units: number[] = [];
    for (let i = 0; i < 100_000; i++) units.push(Math.floor(rand() * 0x10000));
    let s = '';
    for (let i = 0; i < units.length; i += 10_000) s += String.fromCharCode(...units.slice(i, i + 10_000));
    const ts = tokenize(s);
    expect(ts.length).toBeGreaterThan(0);
    checkInvariants(s, ts);
    const ns = normalizeText(s);
    checkInvariants(ns, tokenize(ns));
  });

  it('keeps its invariants on arbitrary strings (property)', () => {
    const alphabet = fc.constantFrom(...'aàAĂđĐ0189 .,-/\u0301\u0323\u200B\uD800\uDC00😀TPHCMư'.split(''));
    const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: alphabet }));
    fc.assert(
      fc.property(text, (s) => {
        const ts = tokenize(s);
        checkInvariants(s, ts);
        for (const t of ts) {
          if (t.exact.length < MAX_TOKEN_LENGTH) expect(t.folded).toBe(foldDiacritics(t.exact).slice(0, MAX_TOKEN_LENGTH));
        }
        const norm = normalizeText(s);
        expect(forms(tokenize(norm))).toEqual(forms(tokenize(normalizeText(norm))));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same output on a warm cache and after the cache overflows', () => {
    const text = 'Thủ tướng Hoà Bình thuỷ điện khoẻ';
    const first = tokenize(text);
    expect(tokenize(text)).toEqual(first);
    const words: string[] = [];
    for (let i = 0; i < 110_000; i++) words.push(`ă${i}`);
    const many = tokenize(words.join(' '));
    expect(many).toHaveLength(110_000);
    expect(many[109_999]).toMatchObject({ exact: 'ă109999', folded: 'a109999' });
    expect(tokenize(text)).toEqual(first);
  });
});

describe('forEachToken', () => {
  it('streams the same tokens as tokenize, as fresh objects', () => {
    const text = 'Hà Nội, Hải Phòng và TP.HCM ngày 8/10/2011 có 1.234 người';
    const streamed: Token[] = [];
    forEachToken(text, (t) => streamed.push(t));
    expect(streamed).toEqual(tokenize(text));
    expect(new Set(streamed).size).toBe(streamed.length);
  });
});

describe('forEachToken with a word filter', () => {
  const texts = [
    ...readdirSync(new URL('../../data/', import.meta.url)).filter((f) => f.endsWith('.txt')).map((f) => normalizeText(readFileSync(new URL('../../data/' + f, import.meta.url), 'utf8'))),
    'Giám đốc FBI. Tuy nhiên địa bàn Q.Bình Thủy, Q.10 và TP.HCM; u23 Việt Nam, 8/10/2011, 1.234 người',
    '½ chén, ¾ tổng, İstanbul ǅemal Straße œuvre ĐẢNG Ðảng hoà hòa a\u0301 ba\u0301o \u1ab0x 한국어 ñandú',
    'x'.repeat(70) + ' ' + 'đ'.repeat(70) + ' end',
  ];

  // What the filter sees: words, and digit runs that are not ASCII numbers (`½`), of Latin characters and not cut.
  const filterable = (t: Token, text: string) =>
    (t.kind === 'word' || (t.kind === 'number' && /[^0-9.,]/.test(text.slice(t.start, t.end)))) &&
    !/[^\u0000-\u024f\u0300-\u036f\u1e00-\u1eff]/.test(text.slice(t.start, t.end)) && t.end - t.start <= MAX_TOKEN_LENGTH;

  it('hands the filter exactly the first character and length of each word it passes', () => {
    for (const text of texts) {
      const seen: [number, number][] = [];
      const words: Token[] = [];
      forEachToken(text, (t) => words.push(t), (initial, length) => { seen.push([initial, length]); return true; });
      const latin = words.filter((t) => filterable(t, text));
      expect(seen.length).toBe(latin.length);
      latin.forEach((t, i) => expect(seen[i], t.exact).toEqual([t.folded.charCodeAt(0), t.folded.length]));
    }
  });

  it('gives the tokens of the unfiltered run that pass, not joined to a word it skipped', () => {
    const keep = (initial: number, length: number) => (initial * 7 + length) % 3 !== 0;
    for (const text of texts) {
      const all = tokenize(text);
      const want: Token[] = [];
      let prevKept = false;
      for (const t of all) {
        const filtered = filterable(t, text) && !keep(t.folded.charCodeAt(0), t.folded.length);
        if (!filtered) want.push({ ...t, joined: t.joined && prevKept });
        prevKept = !filtered;
      }
      const got: Token[] = [];
      forEachToken(text, (t) => got.push(t), keep);
      expect(got).toEqual(want);
    }
  });
});

describe('codes of capitals and digits', () => {
  const words = (text: string) => tokenize(normalizeText(text)).map((t) => [t.exact, t.kind]);

  it('are one word whatever separates the capitals from the digits: U23 = U.23 = U-23', () => {
    for (const form of ['U23', 'U.23', 'U-23']) expect(words(`${form} Việt Nam`)[0]).toEqual(['u23', 'word']);
    expect(words('F-16, MH-370 và Q.10')).toEqual([['f16', 'word'], ['mh370', 'word'], ['và', 'word'], ['q10', 'word']]);
  });

  it('keep their surface offsets, so snippets mark them as written', () => {
    const [t] = tokenize('U.23 thắng');
    expect([t.start, t.end]).toEqual([0, 4]);
  });

  it('leave other shapes alone: lower case, longer letter runs, more digits or letters after', () => {
    expect(words('u.23')).toEqual([['u', 'word'], ['23', 'number']]);
    expect(words('Covid-19')).toEqual([['covid', 'word'], ['19', 'number']]);
    expect(words('A.1.2')).toEqual([['a', 'word'], ['1.2', 'number']]);
    expect(words('U-23a')).toEqual([['u', 'word'], ['23a', 'word']]);
    expect(words('TP.HCM')).toEqual([['tphcm', 'abbreviation']]);
  });
});
