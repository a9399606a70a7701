/**
 * Known-item benchmark on baomoi: seeded sample of articles, four query kinds derived from each
 * headline, and the relevance rule (the article itself or any article with the identical title).
 * @module
 */
import type { BaomoiArticle } from '../lib/baomoi.js';
import { stripDiacritics } from '../lib/fold.js';
import { firstRelevantRank, mrrAtK, successAtK } from '../lib/metrics.js';
import { mulberry32, sampleIndices } from '../lib/prng.js';
import { makeTypo } from '../lib/typo.js';

/** The benchmark's seed: sample = mulberry32(SEED), typos = mulberry32(SEED + 1), MiniSearch subset = mulberry32(SEED + 2). */
export const SEED = 20261127;

/** Syllables of a headline that make a kind (c) query. */
export const PREFIX_SYLLABLES = 5;

/** The first `PREFIX_SYLLABLES` whitespace-separated words of a headline (punctuation kept). */
export const headlinePrefix = (title: string) => title.split(/\s+/).filter((w) => w !== '').slice(0, PREFIX_SYLLABLES).join(' ');

/** Query kinds. */
export type KnownKind = 'a' | 'b' | 'c' | 'd';

/** Kinds in report order with their labels and the cutoff of their target metric. */
export const KNOWN_KINDS: ReadonlyArray<{ kind: KnownKind; label: string }> = [
  { kind: 'a', label: '(a) title as written' },
  { kind: 'b', label: '(b) title without diacritics' },
  { kind: 'c', label: '(c) first 5 syllables, no diacritics' },
  { kind: 'd', label: '(d) title with one typo' },
];

/** One known-item query. */
export interface KnownQuery {
  kind: KnownKind;
  /** Index of the target in the article list. */
  target: number;
  q: string;
  /** For kind d: the word that was changed and how. */
  note?: string;
}

/** The generated query set. */
export interface KnownItemQueries {
  /** Article indices of the targets, in draw order. */
  targets: number[];
  /** Queries per kind, in target order (kind d lacks targets whose title has no eligible word). */
  byKind: Record<KnownKind, KnownQuery[]>;
}

/**
 * Draws the sample and derives the four queries of each target.
 * @param articles the whole corpus in file-name order
 * @param sample how many targets (default 1000)
 */
export function makeKnownItemQueries(articles: readonly BaomoiArticle[], sample: number): KnownItemQueries {
  const targets = sampleIndices(mulberry32(SEED), articles.length, sample);
  const typoRand = mulberry32(SEED + 1);
  const byKind: Record<KnownKind, KnownQuery[]> = { a: [], b: [], c: [], d: [] };
  for (const t of targets) {
    const title = articles[t].title;
    const plain = stripDiacritics(title);
    byKind.a.push({ kind: 'a', target: t, q: title });
    byKind.b.push({ kind: 'b', target: t, q: plain });
    byKind.c.push({ kind: 'c', target: t, q: headlinePrefix(plain) });
    const typo = makeTypo(title, typoRand);
    if (typo) byKind.d.push({ kind: 'd', target: t, q: typo.text, note: `${typo.kind}: ${typo.word} → ${typo.typo}` });
  }
  return { targets, byKind };
}

/**
 * Chooses the subset of articles for engines too slow to run on all of them: every target plus
 * other articles drawn with mulberry32(SEED + 2), up to `size` in all, returned in corpus order.
 * @param total corpus size
 * @param targets target indices (always included)
 * @param size subset size (≥ targets)
 */
export function chooseSubset(total: number, targets: readonly number[], size: number): number[] {
  const chosen = new Set(targets);
  const want = Math.min(total, Math.max(size, chosen.size));
  const rand = mulberry32(SEED + 2);
  const order = sampleIndices(rand, total, total);
  for (const i of order) {
    if (chosen.size >= want) break;
    chosen.add(i);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * Relevance rule: the target itself or any article whose trimmed title is identical.
 * @param articles the corpus
 * @returns for an article index, the set of ids that count as correct
 */
export function titleTwins(articles: readonly BaomoiArticle[]): (target: number) => Set<string> {
  const byTitle = new Map<string, string[]>();
  for (const a of articles) {
    const key = a.title.trim();
    const list = byTitle.get(key);
    if (list) list.push(a.id);
    else byTitle.set(key, [a.id]);
  }
  return (target) => new Set(byTitle.get(articles[target].title.trim()) ?? [articles[target].id]);
}

/** Metrics of one kind for one engine. */
export interface KnownScores {
  n: number;
  s1: number;
  s10: number;
  mrr10: number;
  /** First-relevant rank per query (0 = not in the top 10), in query order. */
  ranks: number[];
}

/**
 * Scores ranked results of one kind.
 * @param queries the kind's queries
 * @param results top-10 ids per query
 * @param relevant the relevance rule
 */
export function scoreKnown(queries: readonly KnownQuery[], results: readonly string[][], relevant: (target: number) => Set<string>): KnownScores {
  const ranks = queries.map((q, i) => {
    const ok = relevant(q.target);
    return firstRelevantRank(results[i] ?? [], (id) => ok.has(id), 10);
  });
  return { n: ranks.length, s1: successAtK(ranks, 1), s10: successAtK(ranks, 10), mrr10: mrrAtK(ranks, 10), ranks };
}
