import { describe, expect, it } from 'vitest';
import { RelatedClient, relatedUrl, type RelatedOutcome } from './related-api.js';

describe('relatedUrl', () => {
  it('encodes the id and adds only the options given', () => {
    expect(relatedUrl('https://s.example', 'a/b c', { limit: 5, recent: false, category: '' })).toBe('https://s.example/articles/a%2Fb%20c/related?limit=5');
    expect(relatedUrl('https://s.example', 'x', { limit: 3, recent: true, category: 'the-thao,xa-hoi' })).toBe('https://s.example/articles/x/related?limit=3&recent=true&category=the-thao%2Cxa-hoi');
  });
});

describe('RelatedClient', () => {
  it('reports only the latest request; an older one is aborted', async () => {
    const resolvers: Array<(r: Response) => void> = [];
    const signals: AbortSignal[] = [];
    const fetcher = ((_url: string, init: RequestInit) => new Promise<Response>((resolve, reject) => {
      signals.push(init.signal!);
      init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      resolvers.push(resolve);
    })) as unknown as typeof fetch;
    const seen: RelatedOutcome[] = [];
    const client = new RelatedClient((o) => seen.push(o), fetcher);
    const first = client.load('/articles/a/related', 'a');
    const second = client.load('/articles/b/related', 'b');
    expect(signals[0].aborted).toBe(true);
    resolvers[1](new Response(JSON.stringify({ article: { id: 'b', title: 'B' }, duplicates: [], hits: [{ id: 'c' }] })));
    await Promise.all([first, second]);
    expect(seen).toEqual([{ ok: true, articleId: 'b', data: { article: { id: 'b', title: 'B' }, duplicates: [], hits: [{ id: 'c' }] } }]);
  });

  it('turns API errors and network failures into outcomes', async () => {
    const seen: RelatedOutcome[] = [];
    const notFound = (() => Promise.resolve(new Response('{"error":{"code":"article_not_found","message":"No article has id x."}}', { status: 404 }))) as unknown as typeof fetch;
    await new RelatedClient((o) => seen.push(o), notFound).load('/x', 'x');
    const offline = (() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    await new RelatedClient((o) => seen.push(o), offline).load('/y', 'y');
    expect(seen).toEqual([
      { ok: false, articleId: 'x', status: 404, code: 'article_not_found', message: 'No article has id x.' },
      { ok: false, articleId: 'y', status: 0, code: 'network_error', message: 'Failed to fetch' },
    ]);
  });
});
