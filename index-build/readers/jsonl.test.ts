import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode-text.js';
import { parseJsonLines } from './jsonl.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dantriPath = path.resolve(here, '../../../shared/corpora/dantri-200.jsonl');
const haveDantri = existsSync(dantriPath);
if (!haveDantri) console.warn(`[jsonl.test] ${dantriPath} not found: skipping the dantri-200 test`);

describe('parseJsonLines on the fixture', () => {
  const text = readFileSync(path.join(here, '../../test/fixtures/readers/articles.jsonl'), 'utf8');
  const r = parseJsonLines(text, 'articles.jsonl');

  it('keeps valid records in line order, with every field', () => {
    expect(r.articles.map((a) => [a.id, a.source])).toEqual([
      ['vn-001', 'articles.jsonl:1'],
      ['42', 'articles.jsonl:2'],
      ['vn-001', 'articles.jsonl:5'],
      ['vn-007', 'articles.jsonl:7'],
    ]);
    expect(r.articles[0]).toEqual({
      id: 'vn-001',
      source: 'articles.jsonl:1',
      title: 'Đội tuyển Việt Nam thắng 2-0',
      lead: 'Trận đấu diễn ra tối qua.',
      body: 'Đoạn thứ nhất.\nĐoạn thứ hai.',
      date: '2020-10-01',
      url: 'https://example.com/vn-001',
      category: 'the-thao',
      author: 'Minh Anh',
    });
    expect(r.articles[1]).toMatchObject({ id: '42', date: '2020-10-02T08:15' });
  });

  it('skips malformed, id-less, title-less and wrongly typed lines with the line number', () => {
    expect(r.skipped.map((s) => [s.source, s.reason])).toEqual([
      ['articles.jsonl:4', 'unparseable'],
      ['articles.jsonl:6', 'no-title'],
      ['articles.jsonl:8', 'unparseable'],
      ['articles.jsonl:9', 'unparseable'],
    ]);
    expect(r.skipped[0].detail).toMatch(/^line 4: .+ — each line must be one JSON object$/);
    expect(r.skipped[1].detail).toMatch(/^line 6: id "vn-006" has no "title"/);
    expect(r.skipped[2].detail).toMatch(/^line 8: missing "id"/);
    expect(r.skipped[3].detail).toMatch(/^line 9: field "title" must be a string, got an array/);
  });

  it('keeps an article with an invalid date, without the date, and notes it', () => {
    expect(r.articles[3].date).toBeUndefined();
    expect(r.notes).toEqual([{ source: 'articles.jsonl:7', detail: expect.stringMatching(/^line 7: date "hôm qua" is not ISO 8601/) }]);
  });
});

describe('parseJsonLines edge cases', () => {
  it('rejects non-object lines and blank ids', () => {
    const r = parseJsonLines('[1,2]\n"text"\n{"id": "  ", "title": "T", "body": ""}\n{"id": true, "title": "T", "body": ""}', 'f.jsonl');
    expect(r.articles).toEqual([]);
    expect(r.skipped.map((s) => s.detail)).toEqual([
      'line 1: expected a JSON object, got an array — each line must be one JSON object',
      'line 2: expected a JSON object, got a string — each line must be one JSON object',
      expect.stringMatching(/^line 3: missing "id"/),
      'line 4: field "id" must be a string or number, got a boolean',
    ]);
  });

  it('requires a string body but allows "" and null optional fields', () => {
    const r = parseJsonLines(
      '{"id": "a", "title": "T"}\n{"id": "b", "title": "T", "body": "", "lead": null, "url": null}\n{"id": "c", "title": "T", "body": 5}',
      'f.jsonl',
    );
    expect(r.articles).toEqual([{ id: 'b', title: 'T', body: '', source: 'f.jsonl:2' }]);
    expect(r.skipped.map((s) => [s.source, s.reason])).toEqual([
      ['f.jsonl:1', 'unparseable'],
      ['f.jsonl:3', 'unparseable'],
    ]);
    expect(r.skipped[0].detail).toMatch(/missing "body".*fields found: id, title/);
  });

  it('normalizes escaped NFD text and CRLF inside strings, and tolerates CRLF line endings', () => {
    const nfd = JSON.stringify({ id: 'x', title: 'Tiếng Việt'.normalize('NFD'), body: 'Một\r\nHai\r\n\r\n' }).replace(
      /[\u0300-\u036f]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    const r = parseJsonLines(`${nfd}\r\n`, 'f.jsonl');
    expect(r.skipped).toEqual([]);
    expect(r.articles[0]).toMatchObject({ title: 'Tiếng Việt', body: 'Một\nHai' });
  });
});

describe('parseJsonLines on dantri-200', () => {
  it.skipIf(!haveDantri)('gives 200 articles with categories and dates', () => {
    const decoded = decodeText(readFileSync(dantriPath));
    if (!decoded.ok) throw new Error(decoded.detail);
    const r = parseJsonLines(decoded.text, 'dantri-200.jsonl');
    expect(r.skipped).toEqual([]);
    expect(r.notes).toEqual([]);
    expect(r.articles).toHaveLength(200);
    expect(new Set(r.articles.map((a) => a.id)).size).toBe(200);
    for (const a of r.articles) {
      expect(a.category).toMatch(/\S/);
      expect(a.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(a.title).not.toBe('');
      expect(a.body).not.toBe('');
      expect(a.url).toMatch(/^https:\/\/dantri\.com\.vn\//);
    }
    expect(new Set(r.articles.map((a) => a.category)).size).toBe(10);
    expect(r.articles[0]).toMatchObject({ id: 'news_business_001', source: 'dantri-200.jsonl:1', category: 'kinh-doanh', date: '2020-10-01' });
  });
});
