import { describe, expect, it } from 'vitest';
import { getJson } from '../support/helpers.js';

interface Suggestion { text: string; html: string; kind: 'phrase' | 'title'; id?: string }
interface SuggestBody { query: string; took_ms: number; suggestions: Suggestion[] }

async function suggest(q: string, extra = ''): Promise<SuggestBody> {
  const { status, body } = await getJson<SuggestBody>(`/suggest?q=${encodeURIComponent(q)}${extra}`);
  if (status !== 200) throw new Error(`/suggest ${q} → ${status} ${JSON.stringify(body)}`);
  return body;
}

describe('GET /suggest', () => {
  it('thanh ph completes to thành phố, typed part marked, then titles', async () => {
    const r = await suggest('thanh ph');
    expect(r.query).toBe('thanh ph');
    expect(typeof r.took_ms).toBe('number');
    expect(r.suggestions.length).toBeGreaterThan(1);
    expect(r.suggestions.length).toBeLessThanOrEqual(8);
    const first = r.suggestions[0];
    expect(first).toEqual({ text: 'thành phố', html: '<mark>thành ph</mark>ố', kind: 'phrase' });
    expect(r.suggestions.some((s) => s.text.startsWith('thành phố'))).toBe(true);
    const titles = r.suggestions.filter((s) => s.kind === 'title');
    expect(titles.length).toBeGreaterThan(0);
    const firstTitle = r.suggestions.findIndex((s) => s.kind === 'title');
    expect(r.suggestions.slice(firstTitle).every((s) => s.kind === 'title')).toBe(true);
    for (const t of titles) {
      expect(t.id).toMatch(/\S/);
      expect(t.html).toContain('<mark>');
      expect(t.html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    }
    expect(titles.map((t) => t.text)).toContain('Thành phố Hồ Chí Minh thí điểm tuyến xe buýt điện kết nối Bình Dương');
  });

  it('is diacritic-insensitive and keeps what was typed', async () => {
    const [plain, accented] = [await suggest('ha n'), await suggest('hà n')];
    expect(plain.suggestions[0].text).toBe('hà nội');
    expect(accented.suggestions[0].text).toBe('hà nội');
    expect((await suggest('Ha n')).suggestions[0].text).toBe('Hà nội');
    expect((await suggest('dang u')).suggestions[0].text).toBe('đảng ủy');
    // A last word of one letter after another word: titles too, those naming the phrase first.
    const titles = (await suggest('ha n', '&limit=10')).suggestions.filter((s) => s.kind === 'title');
    expect(titles.length).toBeGreaterThan(0);
    expect(titles[0].html).toMatch(/<mark>Hà N[^<]*<\/mark>/);
  });

  it('completes and matches a word typed with its syllables joined as those syllables (`hanoi`)', async () => {
    const [joined, spaced] = [await suggest('hanoi'), await suggest('ha noi')];
    expect(joined.query).toBe('hanoi');
    expect(joined.suggestions.length).toBeGreaterThan(0);
    expect(joined.suggestions.map((s) => s.text)).toEqual(spaced.suggestions.map((s) => s.text));
    expect((await suggest('Hanoi')).suggestions[0].text).toBe((await suggest('Ha noi')).suggestions[0].text);
  });

  it('marks matched title words, adjacent ones together', async () => {
    const r = await suggest('ha noi');
    const title = r.suggestions.find((s) => s.kind === 'title' && s.text.startsWith('Hà Nội công bố'));
    expect(title?.html).toBe('<mark>Hà Nội</mark> công bố điểm chuẩn vào lớp 10 THPT công lập');
  });

  it('respects limit and escapes HTML in what is echoed', async () => {
    expect((await suggest('ha', '&limit=3')).suggestions.length).toBeLessThanOrEqual(3);
    expect((await suggest('ha', '&limit=10')).suggestions.length).toBeLessThanOrEqual(10);
    const r = await suggest('<b>ha n');
    for (const s of r.suggestions) expect(s.html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('answers nothing rather than failing for queries it cannot complete', async () => {
    expect((await suggest('zzzzqqq')).suggestions).toEqual([]);
    expect((await suggest('T')).suggestions).toEqual([]); // one letter says too little
    expect(Array.isArray((await suggest('!!! ???')).suggestions)).toBe(true);
  });
});

describe('GET /suggest validation', () => {
  const bad: Array<[string, string, RegExp]> = [
    ['/suggest', 'missing_query', /q/],
    ['/suggest?q=', 'missing_query', /q/],
    ['/suggest?q=%20%20', 'missing_query', /q/],
    [`/suggest?q=${'a'.repeat(513)}`, 'query_too_long', /512/],
    ['/suggest?q=ha&limit=0', 'invalid_parameter', /limit must be a whole number from 1 to 10/],
    ['/suggest?q=ha&limit=11', 'invalid_parameter', /limit/],
    ['/suggest?q=ha&limit=abc', 'invalid_parameter', /limit.*"abc"/],
    ['/suggest?q=ha&q=noi', 'invalid_parameter', /q was given 2 times/],
  ];
  for (const [path, code, message] of bad) {
    it(`${path.slice(0, 50)} → 400 ${code}`, async () => {
      const { status, body, res } = await getJson(path);
      expect(status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(body).toEqual({ error: { code, message: expect.stringMatching(message) } });
    });
  }
});
