/**
 * Worker entry point: the Hono app and the Durable Object class serving shards.
 * @module
 */
import { createApp } from './app.js';

export { ShardObject } from './worker/shard-object.js';
export { LiveIndexObject } from './worker/live-object.js';

/** The Worker. */
export default createApp();
