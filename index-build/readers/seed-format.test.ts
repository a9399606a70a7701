import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article, Skip } from './article.js';
import { decodeText } from './decode-text.js';
import { parseSeedArticle } from './seed-format.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedPath = path.resolve(here, '../../../shared/seed-article/000_f07f3c570d94029a.txt');
const haveSeed = existsSync(seedPath);
if (!haveSeed) console.warn(`[seed-format.test] ${seedPath} not found: skipping tests on the shared seed article`);

function parseBytes(bytes: Uint8Array, id = 'x', source = 'x.txt'): Article | Skip {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new Error(decoded.detail);
  return parseSeedArticle(decoded.text, id, source);
}

describe('parseSeedArticle on the shared seed article', () => {
  it.skipIf(!haveSeed)('reads date, kicker, title, byline and body', () => {
    const a = parseBytes(readFileSync(seedPath), '000_f07f3c570d94029a', '000_f07f3c570d94029a.txt') as Article;
    expect(a.id).toBe('000_f07f3c570d94029a');
    expect(a.source).toBe('000_f07f3c570d94029a.txt');
    expect(a.date).toBe('2011-10-08T08:15');
    expect(a.kicker).toBe('Các Thành ủy trực thuộc Trung ương');
    expect(a.title).toBe('Chú trọng công tác tổ chức xây dựng Đảng');
    expect(a.author).toBe('THANH BÌNH');
    expect(a.agency).toBe('TTXVN');
    expect(a.lead).toBeUndefined();
    expect(a.body.startsWith('Ngày 7-10, tại Hà Nội')).toBe(true);
    expect(a.body).not.toContain('Chia sẻ bài viết');
    expect(a.body).not.toContain('THANH BÌNH');
    expect(a.body).not.toContain('Chú trọng công tác tổ chức xây dựng Đảng\n');
    expect(a.body.split('\n')).toHaveLength(4);
    expect(a.body).not.toMatch(/\n\n|^\s|\s$/);
    expect(a.body).toBe(a.body.normalize('NFC'));
  });

  it.skipIf(!haveSeed)('parses a CRLF + BOM copy identically', () => {
    const bytes = readFileSync(seedPath);
    const crlf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bytes.toString('utf8').replace(/\n/g, '\r\n'), 'utf8')]);
    expect(parseBytes(crlf)).toEqual(parseBytes(bytes));
  });

  it.skipIf(!haveSeed)('turns NFD input into NFC', () => {
    const text = readFileSync(seedPath, 'utf8');
    const nfd = text.normalize('NFD');
    expect(nfd).not.toBe(text);
    const fromNfd = parseSeedArticle(nfd, 'x', 'x.txt');
    expect(fromNfd).toEqual(parseSeedArticle(text, 'x', 'x.txt'));
    expect((fromNfd as Article).title).toBe('Chú trọng công tác tổ chức xây dựng Đảng');
  });
});

describe('parseSeedArticle on small fixtures', () => {
  const small = readFileSync(path.join(here, '../../test/fixtures/readers/seed-small.txt'), 'utf8');

  it('parses the seed-small fixture', () => {
    expect(parseSeedArticle(small, 'seed-small', 'seed-small.txt')).toEqual({
      id: 'seed-small',
      source: 'seed-small.txt',
      date: '2012-03-15T14:30',
      kicker: 'Thời sự trong nước',
      title: 'Hà Nội khởi công tuyến đường sắt đô thị mới',
      body:
        'Sáng 15-3, tại quận Cầu Giấy, Ủy ban nhân dân thành phố Hà Nội đã tổ chức lễ khởi công tuyến đường sắt đô thị số 3.\n' +
        'Tuyến đường dài 12,5 km, dự kiến hoàn thành vào năm 2016.',
      author: 'MINH HÀ',
      agency: 'TTXVN',
    });
  });

  it('works without kicker, byline, blank lines or footer; pads one-digit date parts', () => {
    const a = parseSeedArticle('5/3/2012 - 9:05\nTiêu đề bài\nĐoạn một.\nĐoạn hai.\n', 'a', 'a.txt');
    expect(a).toEqual({ id: 'a', source: 'a.txt', date: '2012-03-05T09:05', title: 'Tiêu đề bài', body: 'Đoạn một.\nĐoạn hai.' });
  });

  it('keeps a title-only article with an empty body, and treats a lone line ending in ":" as the title', () => {
    expect(parseSeedArticle('05/03/2012 - 09:05\n\nChỉ có tiêu đề\n\nChia sẻ bài viết', 'a', 'a.txt')).toMatchObject({
      title: 'Chỉ có tiêu đề',
      body: '',
    });
    expect(parseSeedArticle('05/03/2012 - 09:05\n\nThủ tướng:', 'a', 'a.txt')).toMatchObject({ title: 'Thủ tướng:', body: '' });
  });

  it('keeps upper-case lines that are not near the end in the body', () => {
    const a = parseSeedArticle('05/03/2012 - 09:05\nTiêu đề\nHÀ NỘI\nĐoạn 1.\nĐoạn 2.\nĐoạn 3.\nĐoạn 4.\n(TTXVN)', 'a', 'a.txt') as Article;
    expect(a.body.split('\n')[0]).toBe('HÀ NỘI');
    expect(a.agency).toBe('TTXVN');
    expect(a.author).toBeUndefined();
  });

  it('skips a file with a date but no title', () => {
    const r = parseSeedArticle('08/10/2011 - 08:15\n\n\nChia sẻ bài viết', 'a', 'a.txt') as Skip;
    expect(r.reason).toBe('no-title');
    expect(r.source).toBe('a.txt');
    expect(r.detail).toMatch(/no title/);
  });

  it('skips text without a date line, or with an impossible date', () => {
    expect(parseSeedArticle('Tiêu đề\nNội dung', 'a', 'a.txt')).toMatchObject({ reason: 'unparseable' });
    const bad = parseSeedArticle('31/02/2011 - 08:15\nTiêu đề\nNội dung', 'a', 'a.txt') as Skip;
    expect(bad.reason).toBe('unparseable');
    expect(bad.detail).toMatch(/"31\/02\/2011 - 08:15" is not a real date/);
    expect(parseSeedArticle(' \n ', 'a', 'a.txt')).toMatchObject({ reason: 'empty' });
  });
});
