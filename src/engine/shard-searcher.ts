/**
 * Executes a {@link QueryPlan} on one shard's postings: accumulates stored impacts per document,
 * counts matched clauses, applies required/excluded keys and filters, counts facets and keeps the
 * top k. Work is proportional to the lengths of the posting lists the plan touches; scratch arrays
 * are allocated once per shard and reused across queries.
 * @module
 */
import { NO_CATEGORY, NO_DATE } from '../index-format/shard-postings.js';
import type { PostingsView } from '../index-format/postings-view.js';
import { minutesToYear } from '../index-format/dates.js';
import { foldedKey } from '../index-format/term-keys.js';
import { utf8Bytes } from '../index-format/term-dictionary.js';
import { coverageFactors } from '../scoring/coverage.js';
import { freshnessFactor } from '../scoring/freshness.js';
import { HeadlineQuery, headlineBoostBound } from '../scoring/headline-match.js';
import { ADD, CHECK, COUNT, COUNT_AND_MARK, clauseVisits } from './clause-visits.js';
import type { QueryPlan, SearchOptions, ShardHit, ShardResult } from './query-plan.js';
import { TopK, kthLargestAt } from './top-k.js';

const byScore = (a: ShardHit, b: ShardHit) => a.score > b.score || (a.score === b.score && a.doc < b.doc);
const byDateDesc = (a: ShardHit, b: ShardHit) =>
  a.date > b.date || (a.date === b.date && (a.score > b.score || (a.score === b.score && a.doc < b.doc)));
const byDateAsc = (a: ShardHit, b: ShardHit) => {
  // Undated documents go last in both directions.
  const ad = a.date === NO_DATE ? Infinity : a.date;
  const bd = b.date === NO_DATE ? Infinity : b.date;
  return ad < bd || (ad === bd && (a.score > b.score || (a.score === b.score && a.doc < b.doc)));
};

/**
 * Lists with at least one posting per this many documents of the shard are evaluated densely (see
 * {@link ShardSearcher.search}).
 */
const DENSE_POSTINGS_PER_DOCUMENT = 4;

/** The order of hits for a sort: true when `a` ranks above `b` (ties broken by document number). */
export function hitOrder(sort: SearchOptions['sort']): (a: ShardHit, b: ShardHit) => boolean {
  return sort === 'date:desc' ? byDateDesc : sort === 'date:asc' ? byDateAsc : byScore;
}

/**
 * The order of hits across shards (the front's merge): {@link hitOrder}, then shard number, then
 * document. Negative when `a` ranks above `b`.
 */
export function compareHits(sort: SearchOptions['sort']): (a: ShardHit, b: ShardHit) => number {
  const better = hitOrder(sort);
  return (a, b) => {
    if (better(a, b)) return -1;
    if (better(b, a)) return 1;
    return a.shard - b.shard || a.doc - b.doc;
  };
}

/** Turns an index key into its UTF-8 bytes (the dictionaries compare bytes). */
export type KeyEncoder = (key: string) => Uint8Array;

/** Encodes every time: right where each key is looked up once. */
export const encodeKey: KeyEncoder = utf8Bytes;

/** Query execution over one shard. */
export class ShardSearcher {
  private readonly acc: Float64Array;
  private readonly coverage: Uint16Array;
  private readonly pairCoverage: Uint16Array;
  private readonly lastClause: Int32Array;
  private readonly requiredHits: Uint16Array;
  private readonly excludedMark: Uint8Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;
  /** The current query's matches (after filters). */
  private readonly matches: Int32Array;

  /**
   * @param shard shard number (reported in hits)
   * @param postings the shard's postings (for a built shard: the blocks of the query's keys must be
   *   loaded before {@link search} runs)
   * @param impactScale from the manifest's scoring parameters
   * @param categories the manifest's category names (for facet labels)
   */
  constructor(readonly shard: number, readonly postings: PostingsView, private readonly impactScale: number, private readonly categories: readonly string[]) {
    const n = postings.documentCount;
    this.acc = new Float64Array(n);
    this.coverage = new Uint16Array(n);
    this.pairCoverage = new Uint16Array(n);
    this.lastClause = new Int32Array(n).fill(-1);
    this.requiredHits = new Uint16Array(n);
    this.excludedMark = new Uint8Array(n);
    this.seen = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.matches = new Int32Array(n);
  }

  /**
   * Runs a plan with filters, facets and ordering; returns the shard's total and top `topK` (only
   * those ranking above `opts.ref` when given).
   * @param encode how keys become bytes (pass a `KeyMemory`'s encoder when running one plan on many segments)
   */
  search(plan: QueryPlan, opts: SearchOptions, encode: KeyEncoder = encodeKey): ShardResult {
    const { docDate, docCategory } = this.postings;
    const n = this.postings.documentCount;
    const { acc, coverage, pairCoverage, lastClause, requiredHits, excludedMark, seen, touched } = this;
    let touchedCount = 0;
    const browse = plan.terms.length === 0 && plan.required.length === 0;

    // Excluded keys.
    const excludedRanges = plan.excluded.map((k) => this.postings.list(encode(k))).filter((r) => r !== null);
    for (const r of excludedRanges) for (let p = r!.start; p < r!.end; p++) excludedMark[r!.docs[p]] = 1;
    // Documents taken down or replaced by the live index: never counted, never returned.
    const suppressed = opts.suppressed ?? [];
    for (const d of suppressed) if (d >= 0 && d < n) excludedMark[d] = 1;

    // Required keys (deduplicated): a document must appear in every list.
    const required = [...new Set(plan.required)];
    const requiredRanges = required.map((k) => this.postings.list(encode(k)));
    const requiredImpossible = requiredRanges.some((r) => r === null);

    // Visit lists clause by clause so that a clause is counted once per document.
    const terms = [...plan.terms].sort((a, b) => a.clause - b.clause);
    const lists = !browse && !requiredImpossible ? terms.map((t) => this.postings.list(encode(t.key))) : [];
    const msm = Math.max(0, plan.minShouldMatch);
    // Dense: when a match needs a word clause or a required key (so is told by its counts alone) and
    // the lists cover much of the shard, the matches are found by one pass over every document instead
    // of keeping track of each document the lists touch.
    let postings = 0;
    for (const r of lists) if (r) postings += r.end - r.start;
    const dense = !browse && !requiredImpossible && (msm >= 1 || required.length > 0) && postings * DENSE_POSTINGS_PER_DOCUMENT >= n;
    if (!browse && !requiredImpossible) {
      for (const r of requiredRanges) {
        const docs = r!.docs;
        if (dense) {
          for (let p = r!.start; p < r!.end; p++) requiredHits[docs[p]]++;
          continue;
        }
        for (let p = r!.start; p < r!.end; p++) {
          const d = docs[p];
          requiredHits[d]++;
          if (seen[d] === 0) { seen[d] = 1; touched[touchedCount++] = d; }
        }
      }
      const wordClauses = plan.clauseCount;
      const visits = clauseVisits(terms, lists.map((r) => r !== null));
      for (let i = 0; i < terms.length; i++) {
        const r = lists[i];
        if (!r) continue;
        const w = terms[i].weight * this.impactScale;
        const c = terms[i].clause;
        const { docs, impacts } = r;
        const visit = visits[i];
        const counts = c < 0 ? null : c < wordClauses ? coverage : pairCoverage;
        if (visit === ADD && (dense || c >= 0)) {
          // Outside any clause (dense), or covered by an earlier list of its clause (so already seen).
          for (let p = r.start; p < r.end; p++) acc[docs[p]] += w * impacts[p];
        } else if (dense && visit === COUNT) {
          for (let p = r.start; p < r.end; p++) {
            const d = docs[p];
            acc[d] += w * impacts[p];
            counts![d]++;
          }
        } else if (dense && visit === COUNT_AND_MARK) {
          for (let p = r.start; p < r.end; p++) {
            const d = docs[p];
            acc[d] += w * impacts[p];
            counts![d]++;
            lastClause[d] = c;
          }
        } else if (dense) {
          for (let p = r.start; p < r.end; p++) {
            const d = docs[p];
            acc[d] += w * impacts[p];
            if (lastClause[d] !== c) { counts![d]++; lastClause[d] = c; }
          }
        } else {
          // Sparse: documents are tracked as the lists first touch them.
          for (let p = r.start; p < r.end; p++) {
            const d = docs[p];
            if (seen[d] === 0) { seen[d] = 1; touched[touchedCount++] = d; }
            acc[d] += w * impacts[p];
            if (visit === COUNT) counts![d]++;
            else if (visit === COUNT_AND_MARK) { counts![d]++; lastClause[d] = c; }
            else if (visit === CHECK && lastClause[d] !== c) { counts![d]++; lastClause[d] = c; }
          }
        }
      }
    }

    const better = hitOrder(opts.sort);
    const top = new TopK<ShardHit>(opts.topK, better);
    // Hits that cannot rank above the front's reference (its k-th best so far) are not returned.
    const ref = opts.ref;
    const cmp = ref ? compareHits(opts.sort) : null;
    const keep = (hit: ShardHit) => (!cmp || cmp(hit, ref!) < 0) && top.wouldAccept(hit);
    const catFilter = opts.categories && opts.categories.length ? new Set(opts.categories) : null;
    const from = opts.fromMinutes;
    const to = opts.toMinutes;
    const wantCategory = opts.facets.includes('category');
    const wantYear = opts.facets.includes('year');
    const categoryCounts = wantCategory ? new Map<number, number>() : null;
    const yearCounts = wantYear ? new Map<number, number>() : null;
    let total = 0;
    const requiredNeeded = required.length;
    const allClauses = plan.clauseCount + (plan.pairClauseCount ?? 0);

    // Headline match: only scored documents, and only when the boost could still matter.
    const headline = !browse && (plan.syllables.length >= 2 || (plan.coverage && plan.syllables.length >= 1))
      ? this.headlineQuery(plan, encode)
      : null;
    const { headlineStarts, headlineTerms, headlineExact } = this.postings;
    // The most this query's headline boost can be (a headline is scanned only when that could matter).
    const maxBoost = headline ? headlineBoostBound(headline.length, plan.coverage !== undefined) : 1;

    // 1. Matches: filters, total and facets; each match's score before the headline boost into acc.
    const matches = this.matches;
    const factors = coverageFactors(allClauses);
    const scored = plan.terms.length > 0;
    const fresh = opts.freshness;
    const count = (d: number): boolean => {
      if (excludedMark[d]) return false;
      const date = docDate[d];
      if (from !== undefined && (date === NO_DATE || date < from)) return false;
      if (to !== undefined && (date === NO_DATE || date > to)) return false;
      if (catFilter && (docCategory[d] === NO_CATEGORY || !catFilter.has(docCategory[d]))) return false;
      if (categoryCounts && docCategory[d] !== NO_CATEGORY) categoryCounts.set(docCategory[d], (categoryCounts.get(docCategory[d]) ?? 0) + 1);
      if (yearCounts && date !== NO_DATE) {
        const y = minutesToYear(date);
        yearCounts.set(y, (yearCounts.get(y) ?? 0) + 1);
      }
      matches[total++] = d;
      return true;
    };
    if (browse) {
      for (let d = 0; d < n; d++) if (count(d) && fresh !== undefined) acc[d] = freshnessFactor(docDate[d], fresh);
    } else if (!requiredImpossible) {
      const end = dense ? n : touchedCount;
      for (let i = 0; i < end; i++) {
        const d = dense ? i : touched[i];
        if (requiredHits[d] !== requiredNeeded || coverage[d] < msm) continue;
        let score = scored ? acc[d] * factors[coverage[d] + pairCoverage[d]] : 0;
        // Freshness: a match of a plan without scored terms (browsing by filters, required keys alone)
        // counts as relevance 1, so that it is ordered by its date too.
        if (fresh !== undefined) score = (scored ? score : 1) * freshnessFactor(docDate[d], fresh);
        if (count(d)) acc[d] = score;
      }
    }

    // 2. The top k. By score, a boost is ≥ 1, so the k-th best score before boosts is a lower bound
    //    of the k-th best after them (as is the front's reference): a match whose score × the largest
    //    boost stays below it cannot reach the page, and its headline is never scanned.
    let floor = -Infinity;
    if (opts.sort === 'relevance') {
      floor = kthLargestAt(acc, matches, total, opts.topK);
      if (ref && ref.score > floor) floor = ref.score;
    }
    // The headline query when its boost can differ from 1.
    const boosted = headline !== null && !headline.empty ? headline : null;
    const probe: ShardHit = { shard: this.shard, doc: 0, score: 0, date: 0 };
    for (let i = 0; i < total; i++) {
      const d = matches[i];
      const score = acc[d];
      if (score * maxBoost < floor) continue;
      // One probe object for every candidate; a hit is allocated only for those the top k takes.
      probe.doc = d;
      probe.score = score;
      probe.date = docDate[d];
      if (boosted !== null && scored && score > 0) {
        probe.score = score * maxBoost;
        if (!keep(probe)) continue;
        const hs = headlineStarts[d];
        const he = headlineStarts[d + 1];
        // Most headlines hold none of the query's syllables: their boost is 1 without a scan.
        probe.score = boosted.mayRaise(headlineTerms, hs, he) ? score * boosted.boost(headlineTerms, headlineExact, hs, he) : score;
      }
      if (keep(probe)) top.push({ shard: probe.shard, doc: d, score: probe.score, date: probe.date });
    }

    // Reset scratch state for the next query.
    if (dense) {
      acc.fill(0); coverage.fill(0); pairCoverage.fill(0); lastClause.fill(-1); requiredHits.fill(0);
    } else {
      for (let i = 0; i < touchedCount; i++) {
        const d = touched[i];
        acc[d] = 0; coverage[d] = 0; pairCoverage[d] = 0; lastClause[d] = -1; requiredHits[d] = 0; seen[d] = 0;
      }
    }
    if (browse && fresh !== undefined) acc.fill(0); // browsing with freshness kept each match's factor
    for (const r of excludedRanges) for (let p = r!.start; p < r!.end; p++) excludedMark[r!.docs[p]] = 0;
    for (const d of suppressed) if (d >= 0 && d < n) excludedMark[d] = 0;

    const facets: ShardResult['facets'] = {};
    if (categoryCounts) facets.category = Object.fromEntries([...categoryCounts].map(([c, k]) => [this.categories[c] ?? String(c), k]));
    if (yearCounts) facets.year = Object.fromEntries([...yearCounts].map(([y, k]) => [String(y), k]));
    return { total, hits: top.sorted(), facets };
  }

  /** The plan's headline query in the numbers of this shard's headline columns. */
  private headlineQuery(plan: QueryPlan, encode: KeyEncoder): HeadlineQuery {
    const index = (key: string) => this.postings.headlineNumber(encode(key));
    const terms = plan.syllables.map((f) => index(foldedKey(f)));
    const c = plan.coverage;
    if (!c) return new HeadlineQuery(terms);
    return new HeadlineQuery(terms, {
      exact: c.exactKeys.map((k) => (k === '' ? -1 : index(k) < 0 ? -2 : index(k))),
      bound: c.bound,
      alternatives: c.alternatives.map((a) => ({ start: a.start, end: a.end, terms: a.folded.map((f) => index(foldedKey(f))) })),
    });
  }
}
