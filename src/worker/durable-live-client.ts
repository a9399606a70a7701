/**
 * {@link LiveLayer} over the live index's Durable Object (RPC): one object per deployment, named
 * {@link LIVE_OBJECT_NAME}, so every write and every search meets the same ordered state.
 * @module
 */
import type { LiveSearchOptions } from '../engine/live/live-index.js';
import type { BaseRef, LiveArticle, LiveLayer } from '../engine/live/live-layer.js';
import type { HighlightSpec, QueryPlan } from '../engine/query-plan.js';
import type { LiveIndexObject } from './live-object.js';
import { rpcCall } from './rpc-errors.js';

/** Name of the live index's Durable Object. */
export const LIVE_OBJECT_NAME = 'live';

/** The live index's Durable Object stub (read and write RPC). */
export function liveStub(namespace: DurableObjectNamespace<LiveIndexObject>): DurableObjectStub<LiveIndexObject> {
  return namespace.get(namespace.idFromName(LIVE_OBJECT_NAME));
}

/** Reads of the live index over RPC. A stub is bound to the request that made it, so one is made per call. */
export class DurableLiveClient implements LiveLayer {
  constructor(private readonly namespace: DurableObjectNamespace<LiveIndexObject>) {}

  private get stub() {
    return liveStub(this.namespace);
  }

  view(base: BaseRef, knownVersion: number) { return rpcCall(this.stub.view(base, knownVersion)); }
  search(base: BaseRef, plan: QueryPlan, opts: LiveSearchOptions, knownVersion: number) { return rpcCall(this.stub.search(base, plan, opts, knownVersion)); }
  hits(base: BaseRef, slots: number[], highlight: HighlightSpec) { return rpcCall(this.stub.hits(base, slots, highlight)); }
  suggest(base: BaseRef, q: string, limit: number, knownVersion: number) { return rpcCall(this.stub.suggest(base, q, limit, knownVersion)); }
  article(base: BaseRef, id: string): Promise<LiveArticle> { return rpcCall(this.stub.article(base, id) as PromiseLike<LiveArticle>); }
}
