/**
 * A deterministic generator of a large synthetic news archive from the baomoi-35k corpus, for the
 * 10× scale benchmark (`npm run bench:scale -- --corpus 350k`). See docs/scaling.md ("The synthetic
 * archive") for what it models and why.
 *
 * Each derived article is one source article re-published at a new time with:
 * - **a date** from {@link articleTimes}: ten years, growing daily volume, weekly and daily rhythm; the
 *   source articles are replayed in their own (chronological) order once per cycle of the source's
 *   size, with local shuffling, so each year of the archive has the source's topical rhythm;
 * - **new people** ({@link replaceNames}): names drawn from Vietnamese family, middle and given-name
 *   frequencies, except newsmakers the source mentions in many articles;
 * - **new rare words** ({@link replaceRareWords}): foreign-looking rare words drawn from a Markov
 *   model, long numbers redrawn, years moved to the article's year;
 * - **a length of its own**: some articles keep only their first paragraphs, some continue with
 *   paragraphs of the next article of the same period, so lengths spread like a real archive's.
 * The same sources, count and seed always give the same articles, byte for byte.
 * @module
 */
import type { BaomoiArticle } from '../../lib/baomoi.js';
import { mulberry32, type Random } from '../../lib/prng.js';
import { learnNames, replaceNames, type NameModel } from './names.js';
import { forEachWord, looksForeign, replaceRareWords, WordModel } from './rare-words.js';
import { articleTimes, DEFAULT_TIMELINE, type TimelineOptions } from './timeline.js';

/** One article of the synthetic archive (a JSON Lines record the index build reads). */
export interface SyntheticArticle {
  id: string;
  title: string;
  lead: string;
  body: string;
  /** `YYYY-MM-DDTHH:MM`, Vietnam wall-clock time. */
  date: string;
}

/** Options of {@link generateCorpus}. */
export interface GeneratorOptions {
  count: number;
  seed: number;
  timeline: TimelineOptions;
  /** Year the source corpus was published in (years in the text move by the derived year minus this). */
  sourceYear: number;
  /** Source words seen in fewer articles than this count as rare. */
  rareBelowDocs: number;
  /** Share of articles cut after a random number of paragraphs. */
  truncateShare: number;
  /** Share of articles continued with paragraphs of a neighbouring article. */
  extendShare: number;
  /** Window (in source articles) within which the replay order is shuffled. */
  shuffleWindow: number;
}

/** Defaults used by the scale benchmark. */
export const DEFAULT_GENERATOR: GeneratorOptions = {
  count: 350_000, seed: 350_000, timeline: DEFAULT_TIMELINE, sourceYear: 2017, rareBelowDocs: 20,
  truncateShare: 0.2, extendShare: 0.15, shuffleWindow: 400,
};

/** What the generator learned from the sources. */
interface Learned {
  names: NameModel;
  words: WordModel;
  rare: (w: string) => boolean;
}

function learn(sources: readonly BaomoiArticle[], opts: GeneratorOptions): Learned {
  const df = new Map<string, number>();
  for (const a of sources) {
    const seen = new Set<string>();
    for (const text of [a.title, a.lead, a.body]) forEachWord(text, (w) => { if (looksForeign(w)) seen.add(w); });
    for (const w of seen) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const names = learnNames(sources.map((a) => `${a.title}\n${a.lead}\n${a.body}`));
  const words = new WordModel([...df.keys()].sort());
  return { names, words, rare: (w) => (df.get(w) ?? 0) < opts.rareBelowDocs };
}

/** Source numeric order (baomoi ids grow with publication time); non-numeric ids last, by name. */
function chronological(sources: readonly BaomoiArticle[]): number[] {
  return sources.map((_, i) => i).sort((a, b) => {
    const x = Number(sources[a].id);
    const y = Number(sources[b].id);
    if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
    return sources[a].id < sources[b].id ? -1 : sources[a].id > sources[b].id ? 1 : 0;
  });
}

/** The replay order of one cycle: chronological, shuffled within windows. */
function cycleOrder(base: readonly number[], rand: Random, window: number): number[] {
  const order = [...base];
  for (let start = 0; start < order.length; start += window) {
    const end = Math.min(order.length, start + window);
    for (let i = end - 1; i > start; i--) {
      const j = start + Math.floor(rand() * (i - start + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
  }
  return order;
}

/** A 32-bit mix of two integers (seeds one PRNG per article). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 15;
  h = Math.imul(h, 0x27d4eb2f);
  return (h ^ (h >>> 13)) >>> 0;
}

function paragraphs(body: string): string[] {
  return body ? body.split('\n') : [];
}

/**
 * The synthetic archive, article by article in chronological order (ids ascending with time).
 * @param sources the baomoi articles (any order; replayed chronologically by id)
 * @param options overrides of {@link DEFAULT_GENERATOR}
 */
export function* generateCorpus(sources: readonly BaomoiArticle[], options: Partial<GeneratorOptions> = {}): Generator<SyntheticArticle> {
  const opts = { ...DEFAULT_GENERATOR, ...options };
  if (sources.length === 0) throw new Error('no source articles');
  const learned = learn(sources, opts);
  const times = articleTimes(opts.count, opts.timeline);
  const base = chronological(sources);
  let order: number[] = [];
  for (let j = 0; j < opts.count; j++) {
    const cycle = Math.floor(j / base.length);
    const at = j % base.length;
    if (at === 0) order = cycleOrder(base, mulberry32(mix(opts.seed, cycle)), opts.shuffleWindow);
    const src = sources[order[at]];
    const rand = mulberry32(mix(opts.seed, j + 1));
    const date = times[j];
    let body = paragraphs(src.body);
    const r = rand();
    if (r < opts.truncateShare && body.length > 1) {
      body = body.slice(0, 1 + Math.floor(rand() * (body.length - 1)));
    } else if (r < opts.truncateShare + opts.extendShare) {
      const next = sources[order[(at + 1) % order.length]];
      const extra = paragraphs(next.body);
      body = [...body, ...extra.slice(0, 1 + Math.floor(rand() * Math.min(3, Math.max(1, extra.length))))];
    }
    const named = replaceNames([src.title, src.lead, body.join('\n')], learned.names, rand);
    const worded = replaceRareWords(named.texts, rand, { isRare: learned.rare, model: learned.words, yearShift: Number(date.slice(0, 4)) - opts.sourceYear });
    const [title, lead, text] = worded.texts;
    yield { id: String(100_000_000 + j), title, lead, body: text, date };
  }
}
