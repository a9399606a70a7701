/**
 * The address every shard-object call carries: which build's index and which shard of it.
 * @module
 */

/** Identifies which shard of which index build a call is for. */
export interface ShardAddress {
  contentHash: string;
  shard: number;
}
