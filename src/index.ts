/**
 * Worker entry point: the Hono app, the Durable Object class serving shards and the one holding
 * search insights.
 * @module
 */
import './worker/keep-alive-hook.js';
import { createApp } from './app.js';

export { ShardObject } from './worker/shard-object.js';
export { LiveIndexObject } from './worker/live-object.js';
export { InsightsObject } from './worker/insights-object.js';

/** The Worker. */
export default createApp();
