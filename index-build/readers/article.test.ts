import { describe, expect, it } from 'vitest';
import { isSkip, type Article, type Skip } from './article.js';

describe('isSkip', () => {
  it('tells skips from articles', () => {
    const article: Article = { id: 'a', title: 'T', body: '', source: 'a.txt' };
    const skip: Skip = { source: 'b.txt', reason: 'empty', detail: 'the file is empty' };
    expect(isSkip(article)).toBe(false);
    expect(isSkip(skip)).toBe(true);
  });
});
