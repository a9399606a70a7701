/**
 * `npm run bench:soak-controls`: what the local runtime itself does with memory under a soak, apart
 * from any Worker's state. Two control Workers that keep nothing run side by side under the same
 * load as `bench:soak` (a full-speed warm-up, then a steady trickle):
 * - `plain` (`control-worker/`): answers a fixed ~6 KB JSON body;
 * - `durable-objects` (`control-do-worker/`): calls 10 Durable Objects over RPC per request, like a
 *   search over a 10-shard index, and answers the same kind of body.
 * It samples each runtime's RSS (the workerd that runs the Worker, not wrangler's dev proxy) and prints
 * the slope of each over the steady phase, whole and second half. A slope of the DO control comparable
 * with the search Worker's in `bench:soak` says the creep is the local runtime's DO RPC path.
 * Options: `--warmup <requests>` (default 16000), `--minutes <n>` (default 6), `--rate <req/s>` (default 10).
 * Writes `bench/results/soak-controls.json`.
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { runtimeRssOf, slope } from '../lib/proc.js';
import { markdownTable } from '../lib/table.js';
import { startLocalWorkerProcess, type LocalWorker } from '../../scripts/local-worker.js';
import { CONTROL_WORKERS, type ControlName } from './control-workers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    warmup: { type: 'string', default: '16000' },
    minutes: { type: 'string', default: '6' },
    rate: { type: 'string', default: '10' },
  },
});
const warmup = Number(args.warmup), minutes = Number(args.minutes), rate = Number(args.rate);
for (const [name, v] of Object.entries({ warmup, minutes, rate })) {
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number (got ${JSON.stringify(args[name as keyof typeof args])})`);
}

type Control = ControlName;
const names = Object.keys(CONTROL_WORKERS) as Control[];

/** Distinct query strings, so that nothing can be answered from a cache. */
const WORDS = ['ha noi', 'bong da', 'kinh te', 'thoi tiet', 'gia vang', 'chung khoan', 'giao thong', 'bao lu'];
const requestsOf = () => {
  let n = 0;
  return [{ method: 'GET', setupRequest: (req: object) => ({ ...req, path: `/?q=${encodeURIComponent(`${WORDS[n % WORDS.length]} ${n++}`)}` }) }];
};

const servers = {} as Record<Control, LocalWorker>;
/** RSS of the workerd running the Worker (wrangler's dev proxy, on the public port, left out). */
const runtimeMb = (c: Control): number => runtimeRssOf(servers[c]).workerMb;

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
try {
  mkdirSync(path.join(root, 'bench/.cache/load'), { recursive: true });
  for (const c of names) {
    servers[c] = await startLocalWorkerProcess({ config: CONTROL_WORKERS[c].config, readyWhen: 'started', logFile: path.join(root, `bench/.cache/load/server-control-${c}.log`) });
    console.log(`control ${c}: ready at ${servers[c].url}`);
  }
  const warm = await Promise.all(names.map((c) => autocannon({ url: servers[c].url, connections: 8, amount: warmup, requests: requestsOf(), timeout: 30 })));
  names.forEach((c, i) => console.log(`warm-up ${c}: ${warm[i]['2xx']} responses, ${warm[i].non2xx} non-2xx, ${warm[i].errors} errors; runtime RSS ${round(runtimeMb(c), 1)} MB`));

  const points = Object.fromEntries(names.map((c) => [c, [] as Array<{ x: number; y: number }>])) as Record<Control, Array<{ x: number; y: number }>>;
  const started = Date.now();
  const take = () => { const x = (Date.now() - started) / 60_000; for (const c of names) points[c].push({ x, y: runtimeMb(c) }); };
  take();
  const timer = setInterval(take, 15_000);
  const steady = await Promise.all(names.map((c) => autocannon({ url: servers[c].url, connections: 4, overallRate: rate, duration: minutes * 60, requests: requestsOf(), timeout: 30 })));
  clearInterval(timer);
  take();

  const rows = names.map((c, i) => {
    const p = points[c];
    const half = p.filter((q) => q.x >= minutes / 2);
    return {
      control: c,
      responses: steady[i]['2xx'],
      failed: steady[i].non2xx + steady[i].errors + steady[i].timeouts,
      startMb: round(p[0].y, 1),
      endMb: round(p.at(-1)!.y, 1),
      minMb: round(Math.min(...p.map((q) => q.y)), 1),
      slopeMbPerMin: round(slope(p)),
      secondHalfSlopeMbPerMin: round(slope(half)),
    };
  });
  console.log(`\nControl Workers, ${warmup} warm-up requests at 8 connections, then ${rate} req/s for ${minutes} min (runtime RSS sampled every 15 s):\n`);
  console.log(markdownTable(['control', 'responses', 'failed', 'start MB', 'end MB', 'min MB', 'slope MB/min', '2nd half MB/min'], rows.map((r) => [r.control, r.responses, r.failed, r.startMb, r.endMb, r.minMb, r.slopeMbPerMin, r.secondHalfSlopeMbPerMin].map(String))));
  const out = path.join(root, 'bench/results/soak-controls.json');
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), config: { warmup, minutes, rate }, rows, samples: points }, null, 2)}\n`);
  console.log(`\nwritten: ${path.relative(root, out)}`);
} finally {
  for (const s of Object.values(servers)) await s.stop();
}
