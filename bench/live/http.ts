/**
 * Small HTTP helpers of the live benchmark: timed requests and a bounded pool of workers.
 * @module
 */

/** A response's status, parsed body and duration. */
export interface Timed<T> {
  status: number;
  body: T;
  ms: number;
  /** When the answer had arrived (performance.now()). */
  at: number;
}

/** Sends a request and parses its JSON (or NDJSON text) answer; network errors throw. */
export async function timed<T = any>(url: string, init?: RequestInit): Promise<Timed<T>> {
  const t0 = performance.now();
  const res = await fetch(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(60_000) });
  const text = await res.text();
  const at = performance.now();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body, ms: at - t0, at };
}

/** Runs `task` over `items` with at most `concurrency` at a time, in order of start. */
export async function pool<T>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** A search URL for a query (the whole query as typed, no completion of the last word). */
export const searchUrl = (base: string, q: string, limit = 10) => `${base}/search?q=${encodeURIComponent(q)}&limit=${limit}&prefix=false&fields=id`;
