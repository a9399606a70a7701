import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Article, Skip } from './article.js';
import { decodeText } from './decode-text.js';
import { parseTitleFirstText } from './title-first-txt.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const baomoiFirst = path.resolve(here, '../../../shared/corpora/baomoi-35k/21395276.txt');
const haveBaomoi = existsSync(baomoiFirst);
if (!haveBaomoi) console.warn(`[title-first-txt.test] ${baomoiFirst} not found: skipping the baomoi test`);

describe('parseTitleFirstText', () => {
  it('reads title, lead and body from the fixture', () => {
    const text = readFileSync(path.join(here, '../../test/fixtures/readers/title-first.txt'), 'utf8');
    expect(parseTitleFirstText(text, 'title-first', 'title-first.txt')).toEqual({
      id: 'title-first',
      source: 'title-first.txt',
      title: 'Giá vàng tăng mạnh trong phiên sáng nay',
      lead: 'Giá vàng SJC sáng nay tăng thêm 200.000 đồng mỗi lượng so với cuối tuần trước.',
      body: 'Theo khảo sát lúc 9 giờ, các doanh nghiệp kinh doanh vàng đồng loạt điều chỉnh giá. Giới phân tích cho rằng xu hướng tăng sẽ còn kéo dài.',
    });
  });

  it.skipIf(!haveBaomoi)('parses the first baomoi file', () => {
    const decoded = decodeText(readFileSync(baomoiFirst));
    expect(decoded.ok).toBe(true);
    const a = parseTitleFirstText(decoded.ok ? decoded.text : '', '21395276', '21395276.txt') as Article;
    expect(a.id).toBe('21395276');
    expect(a.title).toBe('Kết quả xổ số điện toán Vietlott ngày 6/2/2017');
    expect(a.lead).toMatch(/^Kết quả xổ số điện toán Vietlott ngày 6\/2\/2017: Kết quả xổ số điện toán 123/);
    expect(a.body).toMatch(/^Kết quả xổ sổ điện toán Vietlott ngày 6\/2\/2017 Xổ số điện toán là loại hình/);
    expect(a.date).toBeUndefined();
  });

  it('accepts title + lead without a body line, and title alone', () => {
    expect(parseTitleFirstText('Tiêu đề\nSapo ngắn.', 'a', 'a.txt')).toEqual({ id: 'a', source: 'a.txt', title: 'Tiêu đề', lead: 'Sapo ngắn.', body: '' });
    expect(parseTitleFirstText('Tiêu đề\nSapo ngắn.\n', 'a', 'a.txt')).toMatchObject({ lead: 'Sapo ngắn.', body: '' });
    expect(parseTitleFirstText('Chỉ tiêu đề\n', 'a', 'a.txt')).toEqual({ id: 'a', source: 'a.txt', title: 'Chỉ tiêu đề', body: '' });
  });

  it('leaves lead unset when line 2 is blank, and joins body lines with \\n', () => {
    const a = parseTitleFirstText('Tiêu đề\r\n\r\nĐoạn 1.\r\n\r\n  Đoạn   2.  \r\n', 'a', 'a.txt') as Article;
    expect(a.lead).toBeUndefined();
    expect(a.body).toBe('Đoạn 1.\nĐoạn 2.');
  });

  it('normalizes NFD to NFC', () => {
    const a = parseTitleFirstText('Tiếng Việt\nĐà Nẵng'.normalize('NFD'), 'a', 'a.txt') as Article;
    expect(a.title).toBe('Tiếng Việt');
    expect(a.lead).toBe('Đà Nẵng');
  });

  it('skips a blank first line as no-title, and blank text as empty', () => {
    const r = parseTitleFirstText('\nSapo\nThân bài', 'a', 'a.txt') as Skip;
    expect(r).toMatchObject({ source: 'a.txt', reason: 'no-title' });
    expect(r.detail).toMatch(/line 1 is blank/);
    expect(parseTitleFirstText(' \n\t\n', 'a', 'a.txt')).toMatchObject({ reason: 'empty' });
  });
});
