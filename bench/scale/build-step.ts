/**
 * The scale benchmark's build step: runs the index build CLI in its own process exactly as
 * `npm run build:index` does, times it (wall and CPU: the machine may be shared), and measures
 * every artifact raw and gzipped.
 * @module
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
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
  /** Peak resident memory of the build process (MB, as the build reports it). */
  peakRssMb: number;
  /** Phase timings the build reported (ms). */
  phasesMs: Record<string, number>;
  loadAverageBefore: number[];
  loadAverageAfter: number[];
  documents: number;
  /** Per shard: its head and title index (raw and gzipped), and the raw bytes and count of its block files. */
  shards: Array<{ shard: number; documents: number; head: ArtifactSize; postingsBytes: number; documentsBytes: number; suggest: ArtifactSize; files: number }>;
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
 * @param shardCount shard count (default: the build decides from the corpus size)
 */
export async function runBuildStep(root: string, input: string, out: string, log: (s: string) => void, shardCount?: number): Promise<BuildStep> {
  const args = ['--max-old-space-size=8192', '--import', 'tsx', 'index-build/cli.ts', '--input', input, '--out', out, ...(shardCount ? ['--shards', String(shardCount)] : [])];
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
  const peakRssMb = Number(/^\s*peak memory:\s+(\d+) MB/m.exec(stdout)?.[1] ?? NaN);
  const phasesMs: Record<string, number> = {};
  const timeLine = /^\s*time:\s+(.*)$/m.exec(stdout)?.[1] ?? '';
  for (const m of timeLine.matchAll(/(\w+) ([\d.]+)s/g)) phasesMs[m[1]] = Math.round(Number(m[2]) * 1000);

  const indexDir = path.join(root, out, 'index');
  const manifest = JSON.parse(await readFile(path.join(indexDir, 'manifest.json'), 'utf8')) as IndexManifest;
  const size = async (file: string, bytes: number): Promise<ArtifactSize> => ({ file, bytes, gzipBytes: (await gzipAsync(await readFile(path.join(indexDir, file)))).length });
  // Two at a time: the machine has two cores. Block files (hundreds per shard) are counted, not gzipped.
  const jobs = [manifest.lexicon, ...manifest.shards.flatMap((s) => [s.head, s.suggest])];
  const sizes = new Map<string, ArtifactSize>();
  for (let i = 0; i < jobs.length; i += 2) {
    for (const s of await Promise.all(jobs.slice(i, i + 2).map((f) => size(f.file, f.bytes)))) sizes.set(s.file, s);
  }
  const shards = manifest.shards.map((s) => ({
    shard: s.shard, documents: s.documentCount, head: sizes.get(s.head.file)!, suggest: sizes.get(s.suggest.file)!,
    postingsBytes: s.files.postingsBytes, documentsBytes: s.files.documentsBytes, files: s.files.count,
  }));
  const all = await listFiles(indexDir);
  const largest = all.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  return {
    command, wallMs, cpuS: cpu.last(), peakRssMb, phasesMs, loadAverageBefore, loadAverageAfter: loadAverage(),
    documents: manifest.documentCount, shards, lexicon: sizes.get(manifest.lexicon.file)!,
    files: all.length, largestFile: sizes.get(largest.file) ?? { ...largest, gzipBytes: NaN },
  };
}

/** Every file under `dir` (relative names) with its size. */
async function listFiles(dir: string): Promise<Array<{ file: string; bytes: number }>> {
  const out: Array<{ file: string; bytes: number }> = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    out.push({ file: path.relative(dir, full), bytes: (await stat(full)).size });
  }
  return out;
}
