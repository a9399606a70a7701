/**
 * `npm run bench:related [-- --only=ours] [--no-speed] [--export-pool] [--import-grades=FILE] [--rebuild]`
 *
 * Launcher: re-executes itself as `node --max-old-space-size=8192 --import tsx bench/related/main.ts …`
 * (a large heap for the 35k-article build and the in-memory baselines; `--import tsx` so worker
 * threads load TypeScript too), then exits with the child's status. See `bench/README.md`.
 * @module
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const child = spawn(
  process.execPath,
  ['--max-old-space-size=8192', '--import', 'tsx', path.join(here, 'main.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', cwd: path.resolve(here, '../..'), env: process.env },
);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
