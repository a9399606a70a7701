import { describe, expect, it } from 'vitest';
import { prefersHtml } from './negotiation.js';

describe('prefersHtml', () => {
  it('is true for browser navigations and explicit HTML requests', () => {
    expect(prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8')).toBe(true);
    expect(prefersHtml('text/html')).toBe(true);
    expect(prefersHtml('application/json;q=0.5, text/html')).toBe(true);
  });

  it('is false for API clients', () => {
    for (const accept of [undefined, '', '*/*', 'application/json', 'application/json, text/html;q=0.5', 'text/html;q=0']) expect(prefersHtml(accept), String(accept)).toBe(false);
  });
});
