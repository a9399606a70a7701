/**
 * Abbreviations and synonyms (built-in Vietnamese news abbreviations plus the user's file recorded in
 * the manifest), expanded in both directions: `UBND` also finds `Ủy ban nhân dân` and the reverse.
 * @module
 */
import { BUILTIN_ABBREVIATIONS } from '../analyzer/abbreviations.js';
import { analyzeQueryText } from '../analyzer/analyze.js';

/** One side of a rule, analyzed. */
export interface SynonymForm {
  folded: string[];
  exact: string[];
}

/** A span of query syllables that matched a rule, and what it is equivalent to. */
export interface SynonymMatch {
  start: number;
  /** Exclusive end. */
  end: number;
  alternatives: SynonymForm[];
}

const formOf = (text: string): SynonymForm => {
  const tokens = analyzeQueryText(text);
  return { folded: tokens.map((t) => t.folded), exact: tokens.map((t) => t.exact) };
};

/** Lookup structure over all rules, keyed by folded syllable sequences. */
export class SynonymTable {
  /** Folded form → every other form of its equivalence group. */
  private readonly byKey = new Map<string, SynonymForm[]>();
  private maxLength = 0;

  /**
   * @param pairs `[short, long]` pairs; built-ins are always included. Rules are transitive:
   * `tphcm = thành phố hồ chí minh` and `tp hcm = thành phố hồ chí minh` make all three equivalent.
   */
  constructor(pairs: ReadonlyArray<readonly [string, string]> = []) {
    const forms = new Map<string, SynonymForm>();
    const parent = new Map<string, string>();
    const find = (k: string): string => {
      let r = k;
      while (parent.get(r) !== r) r = parent.get(r)!;
      parent.set(k, r);
      return r;
    };
    const add = (text: string): string | null => {
      const f = formOf(text);
      if (!f.folded.length) return null;
      const key = f.folded.join(' ');
      if (!forms.has(key)) { forms.set(key, f); parent.set(key, key); }
      return key;
    };
    for (const [a, b] of [...BUILTIN_ABBREVIATIONS, ...pairs]) {
      const ka = add(a);
      const kb = add(b);
      if (ka && kb) parent.set(find(ka), find(kb));
    }
    const groups = new Map<string, string[]>();
    for (const key of forms.keys()) {
      const root = find(key);
      groups.set(root, [...(groups.get(root) ?? []), key]);
    }
    for (const members of groups.values()) {
      for (const key of members) {
        this.byKey.set(key, members.filter((m) => m !== key).map((m) => forms.get(m)!));
        this.maxLength = Math.max(this.maxLength, forms.get(key)!.folded.length);
      }
    }
  }

  /** Non-overlapping matches in a syllable sequence, longest first, left to right. */
  find(folded: readonly string[]): SynonymMatch[] {
    const out: SynonymMatch[] = [];
    let i = 0;
    while (i < folded.length) {
      let matched = false;
      for (let len = Math.min(this.maxLength, folded.length - i); len >= 1; len--) {
        const alts = this.byKey.get(folded.slice(i, i + len).join(' '));
        if (alts && alts.length) {
          out.push({ start: i, end: i + len, alternatives: alts });
          i += len;
          matched = true;
          break;
        }
      }
      if (!matched) i++;
    }
    return out;
  }
}
