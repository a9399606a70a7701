/**
 * The scale benchmark's build step: runs the index build CLI in its own process exactly as
 * `npm run build:index` does, times it (wall and CPU: the machine may be shared), and measures
 * every artifact raw and gzipped.
 * @module
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { IndexManifest } from '../../src/index-format/manifest.js';
import { followCpu, loadAverage } from '../lib/proc.js';

const gzipAsync = promisify(gzip);

/** Raw and gzipped size of one artifact. */
export interface ArtifactSize { file: string; bytes: number; gzipBytes: number }

/** What the build step measured. */
export interface BuildStep {
  command: string;
  wallMs: number;
  /** CPU seconds of the build process (user + system, all threads). */
  cpuS: number;
  /** Phase timings the build reported (ms). */
  phasesMs: Record<string, number>;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  documents: number;
  shards: Array<{ shard: number; documents: number; postings: ArtifactSize; documentsStore: ArtifactSize; suggest: ArtifactSize }>;
  lexicon: ArtifactSize;
  /** Files in the static-assets `index/` folder (artifacts + manifest). */
  files: number;
  largestFile: ArtifactSize;
}

/**
 * Runs the build and measures its output.
 * @param root project root (the build runs there)
 * @param input corpus path relative to `root`
 * @param out static-assets folder relative to `root`
 * @param log progress output
 */
export async function runBuildStep(root: string, input: string, out: string, log: (s: string) => void): Promise<BuildStep> {
  const args = ['--max-old-space-size=8192', '--import', 'tsx', 'index-build/cli.ts', '--input', input, '--out', out];
  const command = `node ${args.join(' ')}`;
  log(`  $ ${command}`);
  const loadAverageBefore = loadAverage();
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const cpu = followCpu(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (b: Buffer) => { stdout += b.toString(); });
  child.stderr!.on('data', (b: Buffer) => { stderr = (stderr + b.toString()).slice(-4000); });
  const code: number | null = await new Promise((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - t0;
  cpu.stop();
  if (code !== 0) throw new Error(`the build failed (exit ${code}):\n${stdout.slice(-2000)}\n${stderr}`);
  for (const line of stdout.trimEnd().split('\n')) log(`  | ${line}`);
  const phasesMs: Record<string, number> = {};
  const timeLine = /^\s*time:\s+(.*)$/m.exec(stdout)?.[1] ?? '';
  for (const m of timeLine.matchAll(/(\w+) ([\d.]+)s/g)) phasesMs[m[1]] = Math.round(Number(m[2]) * 1000);

  const indexDir = path.join(root, out, 'index');
  const manifest = JSON.parse(await readFile(path.join(indexDir, 'manifest.json'), 'utf8')) as IndexManifest;
  const size = async (file: string, bytes: number): Promise<ArtifactSize> => ({ file, bytes, gzipBytes: (await gzipAsync(await readFile(path.join(indexDir, file)))).length });
  // Two at a time: the machine has two cores.
  const jobs = [manifest.lexicon, ...manifest.shards.flatMap((s) => [s.postings, s.documents, s.suggest])];
  const sizes = new Map<string, ArtifactSize>();
  for (let i = 0; i < jobs.length; i += 2) {
    for (const s of await Promise.all(jobs.slice(i, i + 2).map((f) => size(f.file, f.bytes)))) sizes.set(s.file, s);
  }
  const shards = manifest.shards.map((s) => ({ shard: s.shard, documents: s.documentCount, postings: sizes.get(s.postings.file)!, documentsStore: sizes.get(s.documents.file)!, suggest: sizes.get(s.suggest.file)! }));
  const all = [...sizes.values()];
  return {
    command, wallMs, cpuS: cpu.last(), phasesMs, loadAverageBefore, loadAverageAfter: loadAverage(),
    documents: manifest.documentCount, shards, lexicon: sizes.get(manifest.lexicon.file)!,
    files: all.length + 1, largestFile: all.reduce((a, b) => (b.bytes > a.bytes ? b : a)),
  };
}
