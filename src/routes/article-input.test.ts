import { describe, expect, it } from 'vitest';
import { checkArticle, idProblem, WRITE_LIMITS } from './article-input.js';

describe('idProblem', () => {
  it('accepts ids a corpus would have, refuses ones that would not round-trip', () => {
    for (const id of ['000_f07f3c570d94029a', 'tin-moi/2024', 'Hà-Nội-1']) expect(idProblem(id), id).toBeNull();
    expect(idProblem('')).toMatch(/empty/);
    expect(idProblem(' x')).toMatch(/white space/);
    expect(idProblem('a\u0000b')).toMatch(/control/);
    expect(idProblem('Ha\u0300')).toMatch(/NFC/);
    expect(idProblem('x'.repeat(WRITE_LIMITS.idLength + 1))).toMatch(/longer than 512/);
  });
});

describe('checkArticle', () => {
  it('cleans the fields as the build does (NFC, Đ variants, blank paragraphs, empty optionals dropped)', () => {
    const r = checkArticle('a', { title: '  Ha\u0300 N\u1ED9i  ', body: 'Đoạn 1\r\n\r\n  Đoạn 2 ', lead: '', category: ' thoi-su ', author: null, date: '2024-01-31' });
    expect(r).toEqual({ ok: true, doc: { id: 'a', title: 'Hà Nội', body: 'Đoạn 1\nĐoạn 2', date: '2024-01-31', category: 'thoi-su' } });
  });

  it('names the wrong field', () => {
    const field = (v: unknown) => { const r = checkArticle('a', v); return r.ok ? null : r.field; };
    expect(field({ body: 'x' })).toBe('title');
    expect(field({ title: 'x' })).toBe('body');
    expect(field({ title: 'x', body: 'y', date: 'hôm qua' })).toBe('date');
    expect(field({ title: 'x', body: 'y', url: 5 })).toBe('url');
    expect(field({ title: 'x', body: 'y', extra: 1 })).toBe('extra');
    expect(field('not an object')).toBe('article');
    expect(field({ title: 'x', body: 'chữ '.repeat(150_000) })).toBe('body');
  });
});
