/**
 * Exact-diacritics benchmark: an accented query must return documents containing exactly that word
 * (precision of the top 10), and an unaccented query must still reach every accented reading.
 * Word containment is decided with the engine's own tokenizer (`exact` forms: lower-case, canonical
 * tone placement), so `Đảng` in a headline and `đảng` in a body are the same word.
 * @module
 */
import { tokenize } from '../../src/analyzer/tokenize.js';
import { naiveFold } from '../lib/fold.js';
import { precisionAtK } from '../lib/metrics.js';

/** Accented queries, scored by precision of the top 10. */
export const ACCENTED_QUERIES: readonly string[] = ['Đảng', 'đang', 'thuế', 'thuê', 'dạng', 'đường', 'dương'];
/** Unaccented queries, checked for reaching every accented reading in their top 200. */
export const UNACCENTED_QUERIES: readonly string[] = ['dang', 'thue', 'duong'];
/** Depth looked at for the unaccented queries. */
export const READINGS_DEPTH = 200;

/** The exact (analyzer) form of one word. */
export function exactForm(word: string): string {
  const t = tokenize(word.normalize('NFC'));
  if (t.length !== 1) throw new Error(`not one token: ${word}`);
  return t[0].exact;
}

/** The accented queries that fold to an unaccented one. */
export function readingsOf(unaccented: string): string[] {
  return ACCENTED_QUERIES.filter((w) => naiveFold(w) === unaccented);
}

/**
 * Which of the accented query words each document contains, as a bit mask (bit i = ACCENTED_QUERIES[i]).
 * @param texts document texts (title + lead + body), NFC
 */
export function containmentMasks(texts: Iterable<string>): Uint8Array {
  const forms = ACCENTED_QUERIES.map(exactForm);
  const bit = new Map(forms.map((f, i) => [f, 1 << i]));
  const out: number[] = [];
  for (const text of texts) {
    let m = 0;
    for (const t of tokenize(text)) m |= bit.get(t.exact) ?? 0;
    out.push(m);
  }
  return Uint8Array.from(out);
}

/** Precision result of one accented query for one engine. */
export interface PrecisionScore {
  query: string;
  /** Hits looked at (≤ 10). */
  hits: number;
  precision: number;
  /** Ids in the top 10 that do not contain the word. */
  wrong: string[];
}

/** Readings result of one unaccented query for one engine. */
export interface ReadingsScore {
  query: string;
  hits: number;
  readings: Array<{ word: string; inTop: number; total: number }>;
  findsAllReadings: boolean;
}

/**
 * Scores one engine.
 * @param precisionResults top-10 ids per accented query (ACCENTED_QUERIES order)
 * @param readingResults top-200 ids per unaccented query (UNACCENTED_QUERIES order)
 * @param maskOf containment mask of a document id (0 for unknown ids)
 * @param totals documents of the engine's corpus containing each accented word
 */
export function scoreExact(
  precisionResults: readonly string[][],
  readingResults: readonly string[][],
  maskOf: (id: string) => number,
  totals: readonly number[],
): { precision: PrecisionScore[]; readings: ReadingsScore[] } {
  const precision = ACCENTED_QUERIES.map((query, i) => {
    const ids = precisionResults[i] ?? [];
    const has = (id: string) => (maskOf(id) & (1 << i)) !== 0;
    return { query, hits: Math.min(10, ids.length), precision: precisionAtK(ids, has, 10), wrong: ids.slice(0, 10).filter((id) => !has(id)) };
  });
  const readings = UNACCENTED_QUERIES.map((query, j) => {
    const ids = (readingResults[j] ?? []).slice(0, READINGS_DEPTH);
    const rs = readingsOf(query).map((word) => {
      const i = ACCENTED_QUERIES.indexOf(word);
      return { word, inTop: ids.filter((id) => (maskOf(id) & (1 << i)) !== 0).length, total: totals[i] };
    });
    return { query, hits: ids.length, readings: rs, findsAllReadings: rs.every((r) => r.inTop > 0) };
  });
  return { precision, readings };
}
