/**
 * Loads shared between requests must outlive the request that started them. In a stateless Worker
 * every request has its own I/O context: when it ends (its response sent, or its client gone), the
 * I/O it left running is cancelled, and another request awaiting that shared load would wait forever
 * (the runtime then fails it: "The script will never generate a response"). The index, its score
 * bounds, pair parts and, in-process, shards and their blocks are loaded once per isolate and awaited
 * by whichever requests need them, so every such load is handed to {@link keepAlive}, which the
 * Worker wires to `waitUntil` (`worker/keep-alive-hook.ts`): the request that started a load then
 * lasts until the load settles (Cloudflare allows 30 s after the response). Outside a Worker (Node
 * tools, tests) nothing needs keeping alive and the hook does nothing.
 * @module
 */

/** Keeps the current request alive until a promise settles. */
export type KeepAliveHook = (work: Promise<unknown>) => void;

let hook: KeepAliveHook = () => {};

/**
 * Hands a load other requests may await to the runtime, so that it completes even if the current
 * request ends first. Never throws and never rejects: `work`'s failure stays with its own callers.
 */
export function keepAlive(work: Promise<unknown>): void {
  try {
    hook(work.then(() => undefined, () => undefined));
  } catch {
    // No request to attach to (module scope, or a runtime without waitUntil): nothing to keep alive.
  }
}

/** Sets what {@link keepAlive} does (the Worker entry: `waitUntil`; tests: a recorder). Returns the previous hook. */
export function setKeepAliveHook(next: KeepAliveHook): KeepAliveHook {
  const previous = hook;
  hook = next;
  return previous;
}

/** Options of {@link sharedLoad}. */
export interface SharedLoadOptions {
  /**
   * After a failed load, calls within this many milliseconds get the same failure instead of a new
   * load (default 0: the next call tries again). For loads that are costly and whose failure a retry
   * within seconds will not fix (a corrupt or missing file).
   */
  retryAfterMs?: number;
}

/**
 * A load run once and shared by every caller, whatever request it comes from: a failed load is
 * forgotten (at once, or after `retryAfterMs`), so a later call tries again, and each load is handed
 * to {@link keepAlive}. For the stateless front's requests only: a promise settled in one Durable
 * Object's I/O context reaches an awaiter in another object only when that object next receives an
 * event, so loads shared between objects of one isolate keep the loaded value instead
 * (`worker/manifest-loader.ts`, `sharedManifest`).
 */
export function sharedLoad<T>(load: () => Promise<T>, opts: SharedLoadOptions = {}): () => Promise<T> {
  const retryAfterMs = opts.retryAfterMs ?? 0;
  let pending: Promise<T> | null = null;
  /** When `pending` failed (ms since the epoch), or null while it has not. */
  let failedAt: number | null = null;
  return () => {
    if (pending && failedAt !== null && Date.now() - failedAt >= retryAfterMs) { pending = null; failedAt = null; }
    if (!pending) {
      const p = load();
      pending = p;
      p.catch(() => {
        if (pending !== p) return;
        if (retryAfterMs > 0) failedAt = Date.now();
        else pending = null;
      });
      keepAlive(p);
    }
    return pending;
  };
}
