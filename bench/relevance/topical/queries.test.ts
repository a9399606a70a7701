import { describe, expect, it } from 'vitest';
import { stripDiacritics } from '../../lib/fold.js';
import { typeText } from '../../lib/telex.js';
import { TopicMatcher } from './judge.js';
import { HALVES, loadTopicalQueries } from './queries.js';

const queries = loadTopicalQueries();

describe('the topical query set', () => {
  it('has at least 150 queries with unique ids, spread over subjects and kinds', () => {
    expect(queries.length).toBeGreaterThanOrEqual(150);
    expect(new Set(queries.map((q) => q.id)).size).toBe(queries.length);
    expect(new Set(queries.map((q) => q.subject)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(queries.map((q) => q.kind)).size).toBe(6);
  });

  it('types each query the way it says: as written, without diacritics, or in Telex', () => {
    for (const q of queries) {
      if (q.typed === 'plain') expect(q.q, q.id).toBe(stripDiacritics(q.topic).toLowerCase());
      else if (q.typed === 'telex') expect(q.q, q.id).toBe(typeText(q.topic, 'telex'));
      else expect(q.q, q.id).toBe(q.topic);
    }
    for (const t of ['diacritics', 'plain', 'telex'] as const) expect(queries.some((q) => q.typed === t)).toBe(true);
  });

  it('splits into two halves of (nearly) equal size, each covering every subject', () => {
    const sizes = HALVES.map((h) => queries.filter((q) => q.half === h).length);
    expect(Math.abs(sizes[0] - sizes[1])).toBeLessThanOrEqual(queries.length % 2 === 0 ? 0 : 1 + new Set(queries.map((q) => q.subject)).size);
    for (const h of HALVES) expect(new Set(queries.filter((q) => q.half === h).map((q) => q.subject)).size).toBe(new Set(queries.map((q) => q.subject)).size);
  });

  it('gives every topic concepts with phrases the judge can compile', () => {
    for (const q of queries) expect(new TopicMatcher(q.about).size, q.id).toBeGreaterThan(0);
  });
});
