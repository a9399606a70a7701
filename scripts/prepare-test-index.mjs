// `npm test` helper: builds the sample corpus (data/) into the fixture indexes the workerd tests serve:
// one single-shard index (served in-process) and one 3-shard index (served by Durable Objects).
import { execFileSync } from 'node:child_process';

const tsx = ['node_modules/tsx/dist/cli.mjs', 'index-build/cli.ts', '--input', 'data'];
for (const [out, extra] of [['dist/test-assets/single', []], ['dist/test-assets/sharded', ['--shards', '3']]]) {
  execFileSync(process.execPath, [...tsx, '--out', out, ...extra], { stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`test index ready: ${out}/index`);
}
