/**
 * Bounded selection of the k best items with a binary min-heap: O(n log k) over candidates and
 * O(k) memory, independent of how many documents match.
 * @module
 */

/** Keeps the `k` greatest items under `better(a, b)` (true when a ranks above b). */
export class TopK<T> {
  private readonly heap: T[] = [];

  constructor(private readonly k: number, private readonly better: (a: T, b: T) => boolean) {}

  /** Offers an item; it is kept when it beats the current worst of the k best. */
  push(item: T): void {
    const h = this.heap;
    if (this.k <= 0) return;
    if (h.length < this.k) {
      h.push(item);
      this.up(h.length - 1);
    } else if (this.better(item, h[0])) {
      h[0] = item;
      this.down(0);
    }
  }

  /** Whether an item would currently be kept (cheap pre-check before allocating it). */
  wouldAccept(item: T): boolean {
    return this.heap.length < this.k || this.better(item, this.heap[0]);
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.heap].sort((a, b) => (this.better(a, b) ? -1 : this.better(b, a) ? 1 : 0));
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(h[p], h[i])) break; // parent is worse or equal: heap property holds (min at root)
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < h.length && this.better(h[worst], h[l])) worst = l;
      if (r < h.length && this.better(h[worst], h[r])) worst = r;
      if (worst === i) break;
      [h[worst], h[i]] = [h[i], h[worst]];
      i = worst;
    }
  }
}

/**
 * The `k`-th largest of `values[at[0]]`, …, `values[at[count − 1]]` (−Infinity when `count < k` or
 * `k ≤ 0`), with a min-heap of k numbers: one comparison for most items. A shard uses it as a lower
 * bound of its k-th best score before computing any headline boost (boosts are ≥ 1).
 */
export function kthLargestAt(values: ArrayLike<number>, at: ArrayLike<number>, count: number, k: number): number {
  if (k <= 0 || count < k) return -Infinity;
  const heap = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    // Sift up.
    let j = i;
    const v = values[at[i]];
    while (j > 0) {
      const p = (j - 1) >> 1;
      if (heap[p] <= v) break;
      heap[j] = heap[p];
      j = p;
    }
    heap[j] = v;
  }
  for (let i = k; i < count; i++) {
    const v = values[at[i]];
    if (v <= heap[0]) continue;
    // Replace the root and sift down.
    let j = 0;
    for (;;) {
      const l = 2 * j + 1;
      if (l >= k) break;
      const r = l + 1;
      const c = r < k && heap[r] < heap[l] ? r : l;
      if (heap[c] >= v) break;
      heap[j] = heap[c];
      j = c;
    }
    heap[j] = v;
  }
  return heap[0];
}
