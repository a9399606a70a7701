/**
 * Ground truth for "copies of one story" in the related-articles benchmark, computed exactly and
 * independently of the engine: two articles are copies when their texts are identical, or when
 * their sets of word 3-shingles (lower-cased letter/digit runs, as strings) overlap with Jaccard
 * ≥ 0.6, or with containment ≥ 0.9 when the shorter text has at least 12 shingles. That is the
 * definition the engine implements with 32-bit hashes (`src/engine/related/shingles.ts`); here it
 * is evaluated on exact string sets, so a hash or estimation error in the engine would show.
 * @module
 */

/** A text's distinct word 3-shingles (a text of 1–2 words is one "shingle" of those words). */
export function wordShingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  if (words.length === 0) return new Set();
  if (words.length < 3) return new Set([words.join(' ')]);
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/** Jaccard and containment of two shingle sets. */
export function setOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): { jaccard: number; containment: number } {
  if (a.size === 0 || b.size === 0) return { jaccard: 0, containment: 0 };
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const s of small) if (large.has(s)) inter++;
  return { jaccard: inter / (a.size + b.size - inter), containment: inter / small.size };
}

/** Copies by the benchmark's definition (see the module comment). */
export function areCopies(a: ReadonlySet<string>, b: ReadonlySet<string>, textA?: string, textB?: string): boolean {
  if (textA !== undefined && textA === textB) return true;
  const o = setOverlap(a, b);
  return o.jaccard >= 0.6 || (o.containment >= 0.9 && Math.min(a.size, b.size) >= 12);
}

/** Memoized copy relation over a corpus of texts by id. */
export class CopyOracle {
  private readonly shingles = new Map<string, Set<string>>();
  private readonly memo = new Map<string, boolean>();

  /** @param textOf an article's title, lead and body joined by newlines */
  constructor(private readonly textOf: (id: string) => string) {}

  private set(id: string): Set<string> {
    let s = this.shingles.get(id);
    if (!s) {
      s = wordShingles(this.textOf(id));
      this.shingles.set(id, s);
    }
    return s;
  }

  /** Whether two articles are copies of one story (false for an article and itself). */
  copies(a: string, b: string): boolean {
    if (a === b) return false;
    const key = a < b ? `${a}\n${b}` : `${b}\n${a}`;
    let v = this.memo.get(key);
    if (v === undefined) {
      v = areCopies(this.set(a), this.set(b), this.textOf(a), this.textOf(b));
      this.memo.set(key, v);
    }
    return v;
  }
}
