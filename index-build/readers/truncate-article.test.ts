import { describe, expect, it } from 'vitest';
import type { Article } from './article.js';
import { DEFAULT_MAX_ARTICLE_BYTES, truncateArticle } from './truncate-article.js';

const base: Article = { id: 'a', title: 'Tiêu đề', body: '', source: 'a.txt' };
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('truncateArticle', () => {
  it('defaults to 2 MiB', () => {
    expect(DEFAULT_MAX_ARTICLE_BYTES).toBe(2 * 1024 * 1024);
  });

  it('returns the same object when it fits', () => {
    const a = { ...base, body: 'Ngắn.' };
    expect(truncateArticle(a, 1000)).toEqual({ article: a });
    expect(truncateArticle(a, 1000).article).toBe(a);
  });

  it('cuts the body at a paragraph break and notes it', () => {
    const a = { ...base, body: ['Đoạn một dài dòng.', 'Đoạn hai dài dòng.', 'Đoạn ba dài dòng.'].join('\n') };
    const max = bytes(a.title) + bytes('Đoạn một dài dòng.\nĐoạn hai dài dòng.\nĐoạn');
    const { article, note } = truncateArticle(a, max);
    expect(article.body).toBe('Đoạn một dài dòng.\nĐoạn hai dài dòng.');
    expect(article.title).toBe(a.title);
    expect(note).toMatch(/^body truncated to \d+ bytes \(article text was \d+ bytes\)/);
    expect(a.body.split('\n')).toHaveLength(3); // input untouched
  });

  it('falls back to a space, then to a character boundary, never splitting UTF-8', () => {
    const words = { ...base, body: 'Một hai ba bốn năm sáu bảy tám chín mười' };
    const w = truncateArticle(words, bytes(base.title) + 20).article.body;
    expect(bytes(w)).toBeLessThanOrEqual(20);
    expect(words.body.startsWith(w)).toBe(true);
    expect(w).not.toMatch(/\s$/);

    const solid = { ...base, body: 'ệ'.repeat(100) }; // 3 bytes each
    const s = truncateArticle(solid, bytes(base.title) + 10).article.body;
    expect(s).toBe('ệ'.repeat(3));
  });

  it('counts kicker and lead, and cuts the lead when the body is gone', () => {
    const a = { ...base, kicker: 'Mở đầu', lead: 'x'.repeat(50), body: 'y'.repeat(50) };
    const { article, note } = truncateArticle(a, bytes(a.title) + bytes(a.kicker) + 20);
    expect(article.body).toBe('');
    expect(article.lead).toBe('x'.repeat(20));
    expect(article.kicker).toBe('Mở đầu');
    expect(note).toMatch(/^body and lead truncated/);
  });

  it('reports sizes in MB for large articles', () => {
    const a = { ...base, body: 'Đoạn văn bản.\n'.repeat(400_000) };
    const { article, note } = truncateArticle(a, DEFAULT_MAX_ARTICLE_BYTES);
    expect(bytes(article.title) + bytes(article.body)).toBeLessThanOrEqual(DEFAULT_MAX_ARTICLE_BYTES);
    expect(article.body.endsWith('Đoạn văn bản.')).toBe(true);
    expect(note).toMatch(/^body truncated to 2 MB \(article text was 7\.6 MB\)/);
  });
});
