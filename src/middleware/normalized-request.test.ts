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
});
