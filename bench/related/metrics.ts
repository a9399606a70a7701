/**
 * The quality lines of the related-articles benchmark, computed from each engine's related lists.
 * Every engine is judged on what it shows: its first {@link TOP} related articles. Our engine also
 * reports copies it collapsed (of the source, or into a shown article); baselines report none.
 * @module
 */

/** Related articles looked at per source. */
export const TOP = 5;

/** What an engine answered for one source article. */
export interface RelatedList {
  /** Related article ids shown, best first (the source itself never counts). */
  ids: string[];
  /** Ids the engine reported as copies of the source (not shown). */
  sourceCopies: string[];
  /** Ids the engine reported as copies collapsed into a shown article (not shown themselves). */
  collapsed: string[];
}

/** A ratio with its parts. */
export interface Ratio {
  value: number;
  num: number;
  den: number;
}

const ratio = (num: number, den: number): Ratio => ({ value: den ? num / den : NaN, num, den });
const shown = (l: RelatedList) => l.ids.slice(0, TOP);

/**
 * Share of the shown related articles in the source's category, over `TOP` slots per source (an
 * empty slot counts as a miss).
 */
export function sameCategoryShare(lists: ReadonlyMap<string, RelatedList>, category: (id: string) => string | undefined): Ratio {
  let same = 0;
  for (const [source, l] of lists) {
    const c = category(source);
    for (const id of shown(l)) if (c !== undefined && category(id) === c) same++;
  }
  return ratio(same, lists.size * TOP);
}

/** Ordered pairs (source, other) of articles sharing a headline, over sources that have a list. */
function pairs(groups: readonly (readonly string[])[], lists: ReadonlyMap<string, RelatedList>): Array<[string, string, RelatedList]> {
  const out: Array<[string, string, RelatedList]> = [];
  for (const g of groups) {
    for (const a of g) {
      const l = lists.get(a);
      if (!l) continue;
      for (const b of g) if (b !== a) out.push([a, b, l]);
    }
  }
  return out;
}

/**
 * For articles whose headline repeats on another article: the share of (article, other) pairs where
 * the other is found — shown among the first `TOP`, or reported as a copy.
 */
export function repeatedHeadlineFound(groups: readonly (readonly string[])[], lists: ReadonlyMap<string, RelatedList>): Ratio {
  let found = 0;
  const all = pairs(groups, lists);
  for (const [, b, l] of all) if (shown(l).includes(b) || l.sourceCopies.includes(b) || l.collapsed.includes(b)) found++;
  return ratio(found, all.length);
}

/**
 * Among those pairs, the ones that are copies of one story (`isCopy`): the share where the other is
 * found and collapsed — reported as a copy, not shown as a separate related article.
 */
export function copiesCollapsed(groups: readonly (readonly string[])[], lists: ReadonlyMap<string, RelatedList>, isCopy: (a: string, b: string) => boolean): Ratio {
  let ok = 0;
  let n = 0;
  for (const [a, b, l] of pairs(groups, lists)) {
    if (!isCopy(a, b)) continue;
    n++;
    if (!shown(l).includes(b) && (l.sourceCopies.includes(b) || l.collapsed.includes(b))) ok++;
  }
  return ratio(ok, n);
}

/** Share of lists that show a copy of the source, or two copies of one story (lower is better). */
export function listsWithCopies(lists: ReadonlyMap<string, RelatedList>, isCopy: (a: string, b: string) => boolean): Ratio {
  let bad = 0;
  for (const [source, l] of lists) {
    const ids = shown(l);
    const dup = ids.some((id, i) => isCopy(source, id) || ids.slice(0, i).some((other) => isCopy(other, id)));
    if (dup) bad++;
  }
  return ratio(bad, lists.size);
}

/** Grades of judged (source, related) pairs: 0 unrelated, 1 related, 2 closely related. */
export type Grades = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Judged quality of the shown lists of the judged sample. */
export interface JudgedQuality {
  /** Share of the `TOP` slots holding an article graded ≥ 1 (empty slots count as misses). */
  related: Ratio;
  /** Mean grade over the `TOP` slots (empty slots count 0), 0–2. */
  meanGrade: number;
  /** Shown (source, article) pairs without a grade: the numbers are incomplete until they are graded. */
  unjudged: Array<[string, string]>;
}

/** Quality of the lists of the judged sources under `grades`. */
export function judgedQuality(sources: readonly string[], lists: ReadonlyMap<string, RelatedList>, grades: Grades): JudgedQuality {
  let related = 0;
  let sum = 0;
  const unjudged: Array<[string, string]> = [];
  for (const s of sources) {
    for (const id of shown(lists.get(s) ?? { ids: [], sourceCopies: [], collapsed: [] })) {
      const g = grades[s]?.[id];
      if (g === undefined) { unjudged.push([s, id]); continue; }
      sum += g;
      if (g >= 1) related++;
    }
  }
  const slots = sources.length * TOP;
  return { related: ratio(related, slots), meanGrade: slots ? sum / slots : NaN, unjudged };
}
