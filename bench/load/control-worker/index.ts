/**
 * Control Worker of the soak benchmark: answers every request at once with a fixed JSON body about
 * the size of a search response, keeping nothing between requests. Whatever memory its runtime gains
 * under load is the local runtime's own (workerd and wrangler's dev server), not a Worker's state.
 * @module
 */

/** A fixed body of ~6 KB, like a 10-hit search response. */
const BODY = JSON.stringify({ total: 0, hits: Array.from({ length: 10 }, (_, i) => ({ id: `control-${i}`, title: 'x'.repeat(80), snippet: 'y'.repeat(480) })) });

export default {
  fetch(): Response {
    return new Response(BODY, { headers: { 'content-type': 'application/json; charset=utf-8' } });
  },
};
