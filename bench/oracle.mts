import { openIndex } from '/work/main/index-build/open-index.ts';
import { shardBounds } from '/work/main/src/engine/shard-bounds.ts';
import { queryMix } from '/work/main/bench/lib/query-mix.ts';
import { loadBaomoi, sharedCorpusPath } from '/work/main/bench/lib/baomoi.ts';
const svc = await openIndex(process.argv[2] ?? '/tmp/b35/index');
const mix = queryMix(loadBaomoi(sharedCorpusPath('/work/main', 'baomoi-35k')), 1100);
const S = svc.shards.length;
const oracle: number[] = [], bounded: number[] = [], matching: number[] = [], ratios: number[] = [], ratiosSingle: number[] = [], ratiosMulti: number[] = [];
for (const m of mix) {
  const { planned, lexicon } = await svc.planWithTail(m.q, false) as any;
  const plan = planned.plan;
  const res = await Promise.all(svc.shards.map((s) => s.search(plan, { topK: 10, sort: 'relevance', facets: [] })));
  const all = res.flatMap((r) => r.hits).sort((a, b) => b.score - a.score);
  if (all.length < 10) continue;
  const theta = all[9].score;
  const contributing = new Set(all.slice(0, 10).map((h) => h.shard)).size;
  const b = shardBounds(plan, svc.scoreBounds!, svc.manifest.scoring.impactScale, lexicon);
  let over = 0, match = 0;
  for (let s = 0; s < S; s++) {
    if (res[s].total > 0) match++;
    if (b.mayMatch[s] && b.bound[s] >= theta) over++;
    const best = res[s].hits[0]?.score;
    if (best) { const r = b.bound[s] / best; ratios.push(r); (plan.syllables.length > 1 ? ratiosMulti : ratiosSingle).push(r); }
  }
  oracle.push(contributing); bounded.push(over); matching.push(match);
}
const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
const q = (a: number[], p: number) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length * p)]; };
console.log(`queries ${oracle.length} of ${mix.length}, shards ${S}`);
console.log(`shards holding a top-10 hit (oracle minimum): median ${med(oracle)} mean ${mean(oracle).toFixed(2)}`);
console.log(`shards whose bound reaches the k-th score: median ${med(bounded)} mean ${mean(bounded).toFixed(2)}`);
console.log(`shards with any match: median ${med(matching)} mean ${mean(matching).toFixed(2)}`);
console.log(`bound / shard best: single-syllable p50 ${q(ratiosSingle, 0.5)?.toFixed(2)} p90 ${q(ratiosSingle, 0.9)?.toFixed(2)}; multi p50 ${q(ratiosMulti, 0.5).toFixed(2)} p90 ${q(ratiosMulti, 0.9).toFixed(2)}`);
