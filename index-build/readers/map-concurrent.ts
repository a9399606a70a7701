/**
 * Bounded-concurrency async map, used to read many corpus files without opening them all at once.
 *
 * @packageDocumentation
 */

/**
 * Runs `fn` over `items` with at most `limit` calls in flight, keeping results in input order.
 * If any call rejects, the returned promise rejects with that error (calls already started still finish).
 *
 * @param items - Inputs.
 * @param limit - Maximum concurrent calls (at least 1).
 * @param fn - Async work for one item; receives the item and its index.
 * @param onSettled - Called after each item completes, with the number completed so far and the total.
 * @returns Results, `results[i]` belonging to `items[i]`.
 */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  onSettled?: (done: number, total: number) => void,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let nextIndex = 0;
  let done = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (!failed && nextIndex < items.length) {
      const i = nextIndex++;
      try {
        results[i] = await fn(items[i], i);
      } catch (err) {
        failed = true;
        throw err;
      }
      done++;
      onSettled?.(done, items.length);
    }
  }
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}
