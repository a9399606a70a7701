/**
 * Wires the engine's {@link keepAlive} to the Workers runtime's `waitUntil` (imported from
 * `cloudflare:workers`, so it applies to whichever request is running): loads that other requests
 * share then finish even when the request that started them has ended (see `engine/keep-alive.ts`).
 * Imported for its effect by the Worker entry.
 * @module
 */
import { waitUntil } from 'cloudflare:workers';
import { setKeepAliveHook } from '../engine/keep-alive.js';

setKeepAliveHook((work) => waitUntil(work));
