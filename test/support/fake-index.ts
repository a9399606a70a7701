/**
 * A stand-in for the `index-context` middleware in middleware unit tests: puts a minimal index and a
 * live sequence number on the context, counting how often the sequence number is read.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../src/http/app-env.js';
import type { IndexRuntime } from '../../src/worker/index-runtime.js';

/** The fake's state: change `seq` between requests; `seqReads` counts live-index calls. */
export interface FakeIndex { contentHash: string; seq: number; seqReads: number }

/** Middleware setting `c.var.index` and `c.var.liveSeq` from `state`. */
export function fakeIndexContext(state: FakeIndex): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('index', { manifest: { contentHash: state.contentHash } } as unknown as IndexRuntime);
    let memo: Promise<number> | null = null;
    c.set('liveSeq', () => (memo ??= Promise.resolve(++state.seqReads && state.seq)));
    await next();
  };
}
