/**
 * Isolate probe for `npm run bench:scale`: the front Worker and each Durable Object report a random
 * marker stored on `globalThis` (created lazily: random values are not allowed at global scope).
 * Equal markers mean the same isolate, i.e. one shared heap and one shared memory limit.
 * @module
 */
import { DurableObject } from 'cloudflare:workers';

interface ProbeEnv { PROBE: DurableObjectNamespace<Probe> }

/** This isolate's marker. */
function marker(): string {
  const g = globalThis as { __isolateMarker?: string };
  g.__isolateMarker ??= crypto.randomUUID();
  return g.__isolateMarker;
}

/** A Durable Object that only reports its isolate marker. */
export class Probe extends DurableObject<ProbeEnv> {
  /** The marker of the isolate this object runs in. */
  marker(): string {
    return marker();
  }
}

export default {
  /** `GET /?n=10`: the front's marker and the markers of `n` distinct objects. */
  async fetch(req: Request, env: ProbeEnv): Promise<Response> {
    const n = Math.min(64, Number(new URL(req.url).searchParams.get('n') ?? '10'));
    const objects = await Promise.all(Array.from({ length: n }, (_, i) => env.PROBE.get(env.PROBE.idFromName(`shard-${i}`)).marker()));
    return Response.json({ front: marker(), objects });
  },
} satisfies ExportedHandler<ProbeEnv>;
