/**
 * {@link ShardClient} over a shard's Durable Object (RPC). A stub is an I/O object bound to the
 * request that created it, so a fresh stub is made per call (cheap: the id is computed once). Typed
 * index errors thrown by the object are restored ({@link rpcCall}).
 * @module
 */
import type { HighlightSpec, QueryPlan, SearchOptions } from '../engine/query-plan.js';
import type { ShardClient } from '../engine/shard-client.js';
import { rpcCall } from './rpc-errors.js';
import type { ShardAddress } from './shard-address.js';
import type { ShardObject } from './shard-object.js';

/** Calls one shard's Durable Object. */
export class DurableShardClient implements ShardClient {
  private readonly id: DurableObjectId;

  constructor(private readonly namespace: DurableObjectNamespace<ShardObject>, name: string, private readonly addr: ShardAddress) {
    this.id = namespace.idFromName(name);
  }

  private get stub() {
    return this.namespace.get(this.id);
  }

  search(plan: QueryPlan, opts: SearchOptions) { return rpcCall(this.stub.search(this.addr, plan, opts)); }
  hits(docs: number[], highlight: HighlightSpec) { return rpcCall(this.stub.hits(this.addr, docs, highlight)); }
  suggest(q: string, limit: number) { return rpcCall(this.stub.suggest(this.addr, q, limit)); }
  article(id: string) { return rpcCall(this.stub.article(this.addr, id)); }
  lookup(keys: string[], ids: string[]) { return rpcCall(this.stub.lookup(this.addr, keys, ids)); }
  relatedCandidates(docs: number[]) { return rpcCall(this.stub.relatedCandidates(this.addr, docs)); }
  prefetch(forms: string[]) { return rpcCall(this.stub.prefetch(this.addr, forms)); }
  copyStatus() { return rpcCall(this.stub.copyStatus(this.addr)); }
}
