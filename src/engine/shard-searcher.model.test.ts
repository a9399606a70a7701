import { describe, expect, it } from 'vitest';
import type { PostingList, PostingsView } from '../index-format/postings-view.js';
import { NO_CATEGORY, NO_DATE } from '../index-format/shard-postings.js';
import { coverageFactor } from '../scoring/coverage.js';
import { freshnessFactor } from '../scoring/freshness.js';
import { HeadlineQuery } from '../scoring/headline-match.js';
import type { PlannedTerm, QueryPlan, SearchOptions, ShardHit } from './query-plan.js';
import { ShardSearcher, encodeKey, hitOrder } from './shard-searcher.js';

// The searcher against a model: every document scored by the definition (impacts summed in clause
// order, clauses counted once, coverage factor, freshness, headline boost), filtered and sorted. Random shards
// mix lists covering most documents (evaluated densely) and rare ones (tracked document by document).

let seed = 1234;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = (n: number) => Math.floor(rnd() * n);

interface FakeShard { view: PostingsView; lists: Map<string, { docs: number[]; impacts: number[] }> }

function fakeShard(n: number, keys: string[]): FakeShard {
  const lists = new Map<string, { docs: number[]; impacts: number[] }>();
  for (const key of keys) {
    const density = rnd() < 0.5 ? 0.6 + 0.4 * rnd() : 0.02 * rnd();
    const docs: number[] = [];
    // An exact key (`k0=x`) holds some of its folded key's documents, as every index does (term-keys.ts).
    const folded = key.includes('=') ? lists.get(key.slice(0, key.indexOf('='))) : undefined;
    if (folded) {
      for (const d of folded.docs) if (rnd() < 0.7) docs.push(d);
    } else {
      for (let d = 0; d < n; d++) if (rnd() < density) docs.push(d);
    }
    lists.set(key, { docs, impacts: docs.map(() => 1 + pick(60000)) });
  }
  const headlineStarts = new Uint32Array(n + 1);
  const headline: number[] = [];
  for (let d = 0; d < n; d++) {
    headlineStarts[d] = headline.length;
    const len = pick(8);
    for (let i = 0; i < len; i++) headline.push(pick(keys.length + 20));
  }
  headlineStarts[n] = headline.length;
  const terms = Uint32Array.from(headline);
  const view: PostingsView = {
    documentCount: n,
    docDate: Int32Array.from({ length: n }, () => (rnd() < 0.1 ? NO_DATE : pick(1000))),
    docCategory: Uint16Array.from({ length: n }, () => (rnd() < 0.1 ? NO_CATEGORY : pick(3))),
    headlineStarts,
    headlineTerms: terms,
    headlineExact: terms,
    list(key: Uint8Array): PostingList | null {
      const l = lists.get(new TextDecoder().decode(key));
      if (!l) return null;
      return { docs: Uint32Array.from(l.docs), impacts: Uint16Array.from(l.impacts), start: 0, end: l.docs.length, max: Math.max(0, ...l.impacts) };
    },
    headlineNumber(key: Uint8Array): number {
      return keys.indexOf(new TextDecoder().decode(key));
    },
  };
  return { view, lists };
}

function modelSearch(shard: FakeShard, plan: QueryPlan, opts: SearchOptions, scale: number): { total: number; hits: ShardHit[] } {
  const n = shard.view.documentCount;
  const terms = [...plan.terms].sort((a, b) => a.clause - b.clause);
  const headline = plan.syllables.length >= 2 ? new HeadlineQuery(plan.syllables.map((s) => shard.view.headlineNumber(encodeKey(`${s}`)))) : null;
  const hits: ShardHit[] = [];
  let total = 0;
  for (let d = 0; d < n; d++) {
    let acc = 0;
    const clauses = new Set<number>();
    let touched = false;
    for (const t of terms) {
      const l = shard.lists.get(t.key);
      const p = l ? l.docs.indexOf(d) : -1;
      if (p < 0) continue;
      touched = true;
      acc += t.weight * scale * l!.impacts[p];
      if (t.clause >= 0) clauses.add(t.clause);
    }
    const inRequired = plan.required.every((k) => shard.lists.get(k)?.docs.includes(d));
    if (plan.required.some((k) => shard.lists.get(k)?.docs.includes(d))) touched = true;
    if (!touched || !inRequired) continue;
    const words = [...clauses].filter((c) => c < plan.clauseCount).length;
    if (words < plan.minShouldMatch) continue;
    if (plan.excluded.some((k) => shard.lists.get(k)?.docs.includes(d))) continue;
    const date = shard.view.docDate[d];
    if (opts.fromMinutes !== undefined && (date === NO_DATE || date < opts.fromMinutes)) continue;
    if (opts.categories?.length && !opts.categories.includes(shard.view.docCategory[d])) continue;
    total++;
    let score = plan.terms.length ? acc * coverageFactor(clauses.size, plan.clauseCount + plan.pairClauseCount) : 0;
    if (opts.freshness) score = (plan.terms.length ? score : 1) * freshnessFactor(date, opts.freshness);
    if (headline && !headline.empty && plan.terms.length && score > 0) score *= headline.boost(shard.view.headlineTerms, shard.view.headlineExact, shard.view.headlineStarts[d], shard.view.headlineStarts[d + 1]);
    hits.push({ shard: 0, doc: d, score, date });
  }
  const better = hitOrder(opts.sort);
  hits.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  return { total, hits: hits.slice(0, opts.topK) };
}

describe('ShardSearcher against its definition', () => {
  it('gives the same totals, hits and scores on random shards and plans, dense or sparse', () => {
    let dense = 0;
    let fresh = 0;
    for (let round = 0; round < 200; round++) {
      const keys = Array.from({ length: 8 }, (_, i) => `k${i}`);
      // Exact keys of some folded keys, and one whose folded key the shard lacks.
      const exact = ['k0=a', 'k1=b', 'k2=c', 'k9=z'];
      const n = 20 + pick(300);
      const shard = fakeShard(n, [...keys, ...exact]);
      const clauseCount = 1 + pick(4);
      const pairClauseCount = pick(2);
      const terms: PlannedTerm[] = [];
      for (const key of keys) {
        if (rnd() < 0.35) continue;
        const kind = rnd();
        const clause = kind < 0.7 ? pick(clauseCount) : kind < 0.85 && pairClauseCount ? clauseCount + pick(pairClauseCount) : -1;
        terms.push({ key, weight: 0.2 + rnd(), clause });
        // As the planner writes a word: its folded key, then its exact key, in one clause (and, at times,
        // the key again or the exact key first).
        const e = exact.find((x) => x.startsWith(`${key}=`));
        if (e && rnd() < 0.6) terms.push({ key: e, weight: 0.2 + rnd(), clause });
        if (rnd() < 0.1) terms.push({ key, weight: 0.2 + rnd(), clause });
        if (e && rnd() < 0.1) terms.splice(terms.length - 1, 0, { key: e, weight: 0.2 + rnd(), clause });
      }
      if (rnd() < 0.2) terms.push({ key: 'k9=z', weight: 0.5, clause: pick(clauseCount) });
      // At times no scored terms at all: a plan of required keys alone (scored 0, or 1 × freshness).
      if (rnd() < 0.1) terms.length = 0;
      const plan: QueryPlan = {
        terms, clauseCount, pairClauseCount,
        minShouldMatch: pick(clauseCount + 1),
        required: terms.length === 0 || rnd() < 0.2 ? [keys[pick(8)]] : [],
        excluded: rnd() < 0.2 ? [keys[pick(8)]] : [],
        syllables: rnd() < 0.6 ? keys.slice(0, 1 + pick(4)) : [],
        highlight: { folded: [], exact: [], phrases: [] },
      };
      const sort = (['relevance', 'relevance', 'date:desc', 'date:asc'] as const)[pick(4)];
      const opts: SearchOptions = {
        topK: 1 + pick(15), sort, facets: [], ...(rnd() < 0.2 ? { fromMinutes: 300 } : {}), ...(rnd() < 0.2 ? { categories: [1] } : {}),
        // Dates run 0–999 minutes: half-lives from a few minutes (most matches at the smallest factor) to many.
        ...(rnd() < 0.3 ? { freshness: { halfLifeMinutes: 1 + pick(400), referenceMinutes: 900 + pick(200) } } : {}),
      };
      if (opts.freshness) fresh++;
      const postings = terms.reduce((a, t) => a + (shard.lists.get(t.key)?.docs.length ?? 0), 0);
      if (postings * 4 >= n && (plan.minShouldMatch >= 1 || plan.required.length > 0)) dense++;
      const got = new ShardSearcher(0, shard.view, 0.001, ['a', 'b', 'c']).search(plan, opts);
      const want = modelSearch(shard, plan, opts, 0.001);
      expect(got.total, `round ${round}`).toBe(want.total);
      expect(got.hits.map((h) => [h.doc, h.score, h.date]), `round ${round}`).toEqual(want.hits.map((h) => [h.doc, h.score, h.date]));
    }
    expect(dense).toBeGreaterThan(20);
    expect(fresh).toBeGreaterThan(30);
  });
});
