/**
 * Control Worker with Durable Objects (bench/load/controls.ts): every request calls `search` on 10
 * objects and `hits` on one, over RPC, with arguments and answers about the size of a search's, and
 * answers a fixed-size JSON body. Neither the Worker nor the objects keep anything between requests,
 * so memory its runtime gains under load is the local runtime's DO RPC path, not a Worker's state.
 * @module
 */
import { DurableObject } from 'cloudflare:workers';

/** Objects called per request (the 35k index has 10 shards). */
const FAN_OUT = 10;

/** One hit of a ~6 KB answer. */
const HIT = { id: 'control', title: 'x'.repeat(80), snippet: 'y'.repeat(480) };

/** An object that answers from its arguments alone. */
export class ControlObject extends DurableObject {
  /** A shard-like top list built from the arguments. */
  search(shard: number, plan: { q: string; terms: string[] }): { shard: number; total: number; top: Array<{ doc: number; score: number; key: string }> } {
    return { shard, total: plan.terms.length, top: Array.from({ length: 10 }, (_, i) => ({ doc: i, score: i * 1.5, key: plan.terms[i % plan.terms.length] ?? '' })) };
  }

  /** One fixed hit per document asked for. */
  hits(docs: number[]): Array<typeof HIT> {
    return docs.map(() => HIT);
  }
}

/** Bindings of this Worker. */
interface ControlEnv { OBJECTS: DurableObjectNamespace<ControlObject> }

export default {
  async fetch(request: Request, env: ControlEnv): Promise<Response> {
    const q = new URL(request.url).searchParams.get('q') ?? '';
    const plan = { q, terms: q.split(' ') };
    const stub = (i: number) => env.OBJECTS.get(env.OBJECTS.idFromName(`control-${i}`));
    const parts = await Promise.all(Array.from({ length: FAN_OUT }, (_, i) => stub(i).search(i, plan)));
    const hits = await stub(0).hits(Array.from({ length: 10 }, (_, i) => i));
    return Response.json({ total: parts.reduce((a, p) => a + p.total, 0), hits });
  },
};
