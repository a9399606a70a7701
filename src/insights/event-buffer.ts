/**
 * Per-isolate batching of insights events, off the response path. A request that records something
 * only pushes a small object into memory; the first push into an empty buffer schedules a flush
 * `delayMs` later, handed to that request's `waitUntil`, which sends everything buffered by then
 * (from any request of the isolate) in batches of at most `maxBatch`. Memory is bounded: beyond
 * `maxPending` buffered items, new ones are dropped and counted as lost (the count travels with the
 * next batch, so losses are visible in the insights instead of silent).
 *
 * Each flush runs in the context of the request that scheduled it and never waits on another
 * request's promise (Workers do not allow I/O across requests).
 * @module
 */

/** Sizes and timing of an {@link EventBuffer}. */
export interface EventBufferOptions {
  /** Milliseconds between the first buffered item and its flush. */
  delayMs: number;
  /** Most items per send. */
  maxBatch: number;
  /** Most items buffered while waiting; further ones are dropped and counted as lost. */
  maxPending: number;
  /** Send rounds one flush may make when the buffer holds more than `maxBatch` items. */
  maxRounds: number;
}

/** Sends one batch; rejects when it could not be delivered. */
export type SendBatch<T> = (items: T[], lost: number) => Promise<void>;

/**
 * Defaults: flush 500 ms after the first item (so an isolate makes at most two Durable Object calls a
 * second however busy it is: bounded request cost and few SQLite commits), 200 per batch, at most 2000
 * waiting.
 */
export const EVENT_BUFFER_DEFAULTS: EventBufferOptions = { delayMs: 500, maxBatch: 200, maxPending: 2000, maxRounds: 5 };

/** Counters of an {@link EventBuffer} (for logs and tests). */
export interface EventBufferStats {
  pushed: number;
  sent: number;
  lost: number;
  failedSends: number;
}

/** See the module comment. */
export class EventBuffer<T> {
  private pending: T[] = [];
  private scheduled = false;
  /** Lost since the last successful send (reported with the next batch). */
  private unreportedLost = 0;
  readonly stats: EventBufferStats = { pushed: 0, sent: 0, lost: 0, failedSends: 0 };

  constructor(
    private readonly opts: EventBufferOptions = EVENT_BUFFER_DEFAULTS,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Items waiting to be sent. */
  get size(): number {
    return this.pending.length;
  }

  /**
   * Buffers an item. Returns the flush promise when this call scheduled one (hand it to the
   * request's `waitUntil`), else `null` (a flush is already scheduled and will take the item).
   */
  push(item: T, send: SendBatch<T>): Promise<void> | null {
    this.stats.pushed++;
    if (this.pending.length >= this.opts.maxPending) {
      this.stats.lost++;
      this.unreportedLost++;
      return null;
    }
    this.pending.push(item);
    if (this.scheduled) return null;
    this.scheduled = true;
    return this.flushLater(send);
  }

  private async flushLater(send: SendBatch<T>): Promise<void> {
    try {
      await this.sleep(this.opts.delayMs);
    } finally {
      this.scheduled = false;
    }
    for (let round = 0; round < this.opts.maxRounds && this.pending.length; round++) {
      const batch = this.pending.splice(0, this.opts.maxBatch);
      const lost = this.unreportedLost;
      this.unreportedLost = 0;
      try {
        await send(batch, lost);
        this.stats.sent += batch.length;
      } catch {
        this.stats.failedSends++;
        // Not delivered: count the batch as lost (and the losses it carried) rather than retry
        // into a store that is failing; the count is reported with the next batch that succeeds.
        this.stats.lost += batch.length;
        this.unreportedLost += lost + batch.length;
        return;
      }
    }
  }
}
