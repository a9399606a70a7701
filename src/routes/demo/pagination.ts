/**
 * Page links of the demo results page: the first and last pages, a window around the current one,
 * and gaps (`null`) where pages are left out: `1 … 4 5 [6] 7 8 … 20`.
 * @module
 */

/** Page numbers to link, with `null` for a gap. */
export function pageNumbers(current: number, last: number, around = 2): Array<number | null> {
  if (last <= 1) return last === 1 ? [1] : [];
  const pages = new Set<number>([1, last]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= last) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  sorted.forEach((p, i) => {
    if (i > 0) {
      const gap = p - sorted[i - 1];
      if (gap === 2) out.push(p - 1); // a gap of one page: show the page rather than "…"
      else if (gap > 2) out.push(null);
    }
    out.push(p);
  });
  return out;
}
