import { describe, expect, it } from 'vitest';
import { queryMix, type TitledArticle } from '../lib/query-mix.js';
import { benchRequests } from './requests.js';

const articles: TitledArticle[] = Array.from({ length: 200 }, (_, i) => ({ id: `a${i}`, title: `Tiêu đề số ${i} về Hà Nội và kinh tế` }));

describe('benchRequests', () => {
  const mix = queryMix(articles, 1000);
  const requests = benchRequests(mix);

  it('sends one request per query, mostly searches, with suggestions and articles mixed in', () => {
    expect(requests).toHaveLength(1000);
    const count = (k: string) => requests.filter((r) => r.kind === k).length;
    expect(count('suggest')).toBe(100);
    expect(count('article')).toBeGreaterThan(10);
    expect(count('search')).toBeGreaterThan(800);
  });

  it('uses the API spellings: date sort, facets and paging on some searches', () => {
    const searches = requests.filter((r) => r.kind === 'search').map((r) => r.path);
    expect(searches.some((p) => p.includes('&sort=date:desc'))).toBe(true);
    expect(searches.some((p) => p.includes('&facets=category,year'))).toBe(true);
    expect(searches.some((p) => p.includes('&page=2'))).toBe(true);
    for (const p of searches) expect(decodeURIComponent(new URL(p, 'http://x').searchParams.get('q') ?? '')).not.toBe('');
  });

  it('asks for articles that the headline query names, and suggests from its first words', () => {
    requests.forEach((r, i) => {
      if (r.kind === 'article') expect(r.path).toBe(`/articles/${mix[i].relevant![0]}`);
      if (r.kind === 'suggest') expect(new URL(r.path, 'http://x').searchParams.get('q')!.split(' ').length).toBeLessThanOrEqual(3);
    });
  });

  it('is deterministic', () => {
    expect(benchRequests(queryMix(articles, 1000))).toEqual(requests);
  });
});
