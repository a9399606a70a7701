/**
 * Abbreviations, aliases and synonyms (built-in Vietnamese news abbreviations and aliases plus the
 * user's file recorded in the manifest), expanded in both directions: `UBND` also finds `Ủy ban nhân
 * dân`, `Barca` finds Barcelona, and the reverse.
 * @module
 */
import { BUILTIN_ABBREVIATIONS } from '../analyzer/abbreviations.js';
import { BUILTIN_ALIASES } from '../analyzer/aliases.js';
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
  /**
   * Built-in forms (written with their exact diacritics), by folded form: a query syllable typed with
   * diacritics matches one only as written (`mũ` is not the `MU` of Manchester United). Forms from the
   * user's file match by their folded syllables whatever the query's diacritics.
   */
  private readonly strictForms = new Map<string, SynonymForm>();
  private maxLength = 0;

  /**
   * @param pairs `[short, long]` pairs (the user's file). Built-in abbreviations are always included
   * and user rules join their groups; built-in aliases are included unless the user's file mentions
   * one of their forms (the user's file wins: `real = real` drops the Real Madrid alias). Rules are
   * transitive: `tphcm = thành phố hồ chí minh` and `tp hcm = thành phố hồ chí minh` make all three
   * equivalent.
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
    const add = (text: string, strict: boolean): string | null => {
      const f = formOf(text);
      if (!f.folded.length) return null;
      const key = f.folded.join(' ');
      if (!forms.has(key)) {
        forms.set(key, f);
        parent.set(key, key);
        if (strict) this.strictForms.set(key, f);
      }
      return key;
    };
    const userForms = new Set(pairs.flat().map((side) => formOf(side).folded.join(' ')));
    const aliases = BUILTIN_ALIASES.filter((rule) => rule.every((side) => !userForms.has(formOf(side).folded.join(' '))));
    const builtIn = BUILTIN_ABBREVIATIONS.length + aliases.length;
    [...BUILTIN_ABBREVIATIONS, ...aliases, ...pairs].forEach(([a, b], i) => {
      const ka = add(a, i < builtIn);
      const kb = add(b, i < builtIn);
      if (ka && kb) parent.set(find(ka), find(kb));
    });
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

  /**
   * Non-overlapping matches in a syllable sequence, longest first, left to right.
   * @param typed per syllable, its exact form when typed with diacritics, else null (omitted: match
   * by folded syllables only); a strict (built-in) form matches only syllables typed as it is written
   */
  find(folded: readonly string[], typed?: ReadonlyArray<string | null>): SynonymMatch[] {
    const out: SynonymMatch[] = [];
    let i = 0;
    while (i < folded.length) {
      let matched = false;
      for (let len = Math.min(this.maxLength, folded.length - i); len >= 1; len--) {
        const key = folded.slice(i, i + len).join(' ');
        const alts = this.byKey.get(key);
        if (alts && alts.length && this.typedAsWritten(key, typed, i)) {
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

  /** Whether the syllables typed with diacritics from `start` on spell the strict form `key` as written. */
  private typedAsWritten(key: string, typed: ReadonlyArray<string | null> | undefined, start: number): boolean {
    const form = this.strictForms.get(key);
    if (!typed || !form) return true;
    return form.exact.every((e, k) => typed[start + k] == null || typed[start + k] === e);
  }
}
