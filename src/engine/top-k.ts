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
