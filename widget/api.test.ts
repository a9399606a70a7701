import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportClick, resolveEndpoint, SearchClient, searchUrl, type Outcome } from './api.js';

const ok = (q: string) => new Response(JSON.stringify({ query: q, total: 1, hits: [{ id: q }] }), { status: 200 });

/** A fetch whose responses are resolved by the test, in any order. */
function controllableFetch() {
  const calls: Array<{ url: string; signal: AbortSignal; resolve: (r: Response) => void }> = [];
  const fetcher = ((url: string, init: RequestInit) => new Promise<Response>((resolve, reject) => {
    init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    calls.push({ url, signal: init.signal!, resolve });
  })) as unknown as typeof fetch;
  return { calls, fetcher };
}

describe('SearchClient', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('debounces keystrokes into one request', async () => {
    const { calls, fetcher } = controllableFetch();
    const seen: Outcome[] = [];
    const client = new SearchClient((q) => `/search?q=${q}`, (o) => seen.push(o), 150, fetcher);
    client.search('h');
    await vi.advanceTimersByTimeAsync(100);
    client.search('ha');
    await vi.advanceTimersByTimeAsync(100);
    client.search('ha n');
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(150);
    expect(calls.map((c) => c.url)).toEqual(['/search?q=ha n']);
    calls[0].resolve(ok('ha n'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([{ ok: true, query: 'ha n', data: { query: 'ha n', total: 1, hits: [{ id: 'ha n' }] } }]);
  });

  it('aborts the request in flight and drops stale responses', async () => {
    const { calls, fetcher } = controllableFetch();
    const seen: string[] = [];
    const client = new SearchClient((q) => q, (o) => seen.push(o.query), 150, fetcher);
    client.search('ha', true);
    await vi.advanceTimersByTimeAsync(0);
    client.search('ha noi', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[0].signal.aborted).toBe(true);
    calls[1].resolve(ok('ha noi'));
    calls[0].resolve(ok('ha')); // late answer to the old query: ignored
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['ha noi']);
  });

  it('drops a response that arrives after a newer search was scheduled', async () => {
    const calls: Array<(r: Response) => void> = [];
    const fetcher = (() => new Promise<Response>((resolve) => calls.push(resolve))) as unknown as typeof fetch;
    const seen: string[] = [];
    const client = new SearchClient((q) => q, (o) => seen.push(o.query), 150, fetcher);
    client.search('ha', true);
    await vi.advanceTimersByTimeAsync(0);
    client.search('ha noi'); // still debouncing
    calls[0](ok('ha'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    calls[1](ok('ha noi'));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['ha noi']);
  });

  it('reports HTTP and network errors with the API error code', async () => {
    const seen: Outcome[] = [];
    const fail = (async () => new Response('{"error":{"code":"internal_error","message":"boom"}}', { status: 500 })) as unknown as typeof fetch;
    new SearchClient((q) => q, (o) => seen.push(o), 150, fail).search('x', true);
    const down = (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    new SearchClient((q) => q, (o) => seen.push(o), 150, down).search('y', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toHaveLength(2);
    expect(seen).toContainEqual({ ok: false, query: 'x', status: 500, code: 'internal_error', message: 'boom' });
    expect(seen).toContainEqual({ ok: false, query: 'y', status: 0, code: 'network_error', message: 'Failed to fetch' });
  });

  it('cancel() silences everything pending', async () => {
    const { calls, fetcher } = controllableFetch();
    const seen: string[] = [];
    const client = new SearchClient((q) => q, (o) => seen.push(o.query), 150, fetcher);
    client.search('ha', true);
    client.search('hanoi');
    client.cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toHaveLength(1);
    expect(calls[0].signal.aborted).toBe(true);
    expect(seen).toEqual([]);
  });
});

describe('URLs', () => {
  it('resolves endpoints absolute or relative, without trailing slash', () => {
    expect(resolveEndpoint('https://api.example/', 'https://page.example/a/b')).toBe('https://api.example');
    expect(resolveEndpoint('https://api.example/v1/', 'https://page.example/')).toBe('https://api.example/v1');
    expect(resolveEndpoint('/', 'https://page.example/a/b')).toBe('https://page.example');
    expect(resolveEndpoint('', 'http://127.0.0.1:8787/x')).toBe('http://127.0.0.1:8787');
  });
  it('asks /search for prefix matches with the fields it shows', () => {
    expect(searchUrl('https://api.example', 'hà nội & co', 8)).toBe('https://api.example/search?q=h%C3%A0+n%E1%BB%99i+%26+co&limit=8&prefix=true&fields=id%2Ctitle%2Ctitle_html%2Csnippet%2Cdate%2Curl%2Ccategory');
  });
  it('adds freshness when the attribute holds a half-life the API reads, and leaves out anything else', () => {
    expect(searchUrl('https://api.example', 'giá vàng', 8, '30d')).toMatch(/&freshness=30d$/);
    expect(searchUrl('https://api.example', 'giá vàng', 8, ' 1y ')).toMatch(/&freshness=1y$/);
    for (const bad of [null, '', 'soon', '30', '30 days', '-1d', '0d', '101y']) expect(searchUrl('https://api.example', 'giá vàng', 8, bad), String(bad)).not.toContain('freshness');
  });
});

describe('reportClick', () => {
  it('sends one click event to <endpoint>/events as a text beacon', () => {
    const sent: Array<[string, string]> = [];
    expect(reportClick('https://s.example', 'Hà Nội', 3, (u, d) => { sent.push([u, d]); return true; })).toBe(true);
    expect(sent).toEqual([['https://s.example/events', '{"type":"click","q":"Hà Nội","rank":3}']]);
  });

  it('sends nothing for an empty or over-long query, or without sendBeacon', () => {
    const beacon = vi.fn(() => true);
    expect(reportClick('https://s.example', '  ', 1, beacon)).toBe(false);
    expect(reportClick('https://s.example', 'a'.repeat(513), 1, beacon)).toBe(false);
    expect(beacon).not.toHaveBeenCalled();
    expect(reportClick('https://s.example', 'ha noi', 1, () => { throw new Error('blocked'); })).toBe(false);
  });
});
