/**
 * Binary search over ascending numeric columns (typed arrays of the index format, or plain arrays).
 * @module
 */

/** First index in `a[start..end)` whose value is ≥ `value` (`a` ascending there); `end` when none is. */
export function lowerBound(a: ArrayLike<number>, value: number, start = 0, end = a.length): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
