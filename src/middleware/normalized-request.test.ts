import { describe, expect, it } from 'vitest';
import { normalizedRequestKey } from './normalized-request.js';

describe('normalizedRequestKey', () => {
  it('sorts parameters and drops empty ones', () => {
    expect(normalizedRequestKey('http://x/search?q=ha+noi&limit=5&offset=')).toBe('/search?limit=5&q=ha+noi');
    expect(normalizedRequestKey('http://x/search?limit=5&q=ha%20noi')).toBe(normalizedRequestKey('http://y/search?q=ha+noi&limit=5'));
  });
  it('keeps repeated parameters in a stable order', () => {
    expect(normalizedRequestKey('http://x/search?category=b&category=a')).toBe('/search?category=a&category=b');
  });
  it('names the day in the key of a search with freshness, whose scores move once a day', () => {
    const morning = Date.UTC(2026, 11, 5, 1, 0), evening = Date.UTC(2026, 11, 5, 22, 0), next = Date.UTC(2026, 11, 6, 1, 0);
    const url = 'http://x/search?q=ha+noi&freshness=30d';
    expect(normalizedRequestKey(url, morning)).toBe(normalizedRequestKey(url, evening));
    expect(normalizedRequestKey(url, next)).not.toBe(normalizedRequestKey(url, morning));
    // Without freshness the answer does not depend on the day.
    expect(normalizedRequestKey('http://x/search?q=ha+noi', next)).toBe(normalizedRequestKey('http://x/search?q=ha+noi', morning));
  });
});
