/**
 * The native allocator of a local Worker runtime, read from outside. workerd links Google's tcmalloc
 * (hugepage-aware), and most of its resident memory that is not V8's heap is memory tcmalloc holds:
 * either in use by the runtime (requests, Durable Object storage, V8's malloc'd zones and backing
 * stores) or freed and kept in tcmalloc's caches, which RSS cannot tell apart. tcmalloc answers both
 * through `MallocExtension_Internal_GetNumericProperty`, exported by the workerd binary; this probe
 * attaches `gdb` to the process for a moment (~2–3 s, the process paused: never during a measured
 * phase), reads the properties, and optionally calls `MallocExtension_Internal_ReleaseMemoryToSystem`
 * so that the caller can see how much of the RSS was free memory the allocator kept.
 *
 * Needs `gdb` (Debian package) and permission to attach (root, or `ptrace_scope` 0); without them the
 * probe says why and the benchmark goes on without it.
 * @module
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { memoryWindows, type MemoryWindow } from './memory-map.js';
import { residentSplit, type ResidentSplit } from './proc.js';

const run = promisify(execFile);

/** The tcmalloc properties read, by the name the probe reports them under. */
export const ALLOCATOR_PROPERTIES = {
  /** Bytes the program has allocated and not freed. */
  inUse: 'generic.current_allocated_bytes',
  /** Bytes tcmalloc holds in physical memory (in use, cached free, metadata). */
  held: 'generic.physical_memory_used',
  /** Free bytes in the page heap (whole spans). */
  pageHeapFree: 'tcmalloc.pageheap_free_bytes',
  /** Free objects in the central free lists. */
  centralFree: 'tcmalloc.central_cache_free',
  /** Free objects in the transfer caches. */
  transferFree: 'tcmalloc.transfer_cache_free',
  /** Free objects in the per-CPU caches. */
  cpuFree: 'tcmalloc.cpu_free',
} as const;

/** One allocator property's name in this probe. */
export type AllocatorProperty = keyof typeof ALLOCATOR_PROPERTIES;

/** What the allocator says about one process, MB, with its resident memory at that moment. */
export interface AllocatorReading {
  /** tcmalloc property → MB (a property tcmalloc does not know is left out). */
  mb: Partial<Record<AllocatorProperty, number>>;
  /** Resident memory read right after gdb detached (after the release, when one was asked for). */
  resident: ResidentSplit;
  /** Its anonymous memory per 4 GiB window of the address space at that moment (null when unreadable). */
  windows: MemoryWindow[] | null;
  /** Resident memory just before, when a release was asked for: the release gave back `before.rssMb − resident.rssMb`. */
  before?: ResidentSplit;
}

/** The gdb commands that print each property as `ALLOC <name> <ok> <bytes>` and, optionally, release free memory. */
export function allocatorScript(release: boolean): string {
  const lines = ['set pagination off', 'set confirm off', 'set $buf = (unsigned long *) malloc(8)'];
  for (const [name, prop] of Object.entries(ALLOCATOR_PROPERTIES)) {
    lines.push(`set $ok = (unsigned char) MallocExtension_Internal_GetNumericProperty("${prop}", ${prop.length}, $buf)`);
    lines.push(`printf "ALLOC ${name} %d %lu\\n", $ok, *$buf`);
  }
  lines.push('call (void) free($buf)');
  if (release) lines.push('call (void) MallocExtension_Internal_ReleaseMemoryToSystem((unsigned long) -1)', 'printf "ALLOC released 1 0\\n"');
  lines.push('detach', 'quit');
  return lines.join('\n') + '\n';
}

/**
 * The properties in gdb's output (MB, one decimal); a property tcmalloc did not recognise (ok 0) is
 * left out. Throws when the output has none, with gdb's own last lines (symbol missing, attach refused).
 */
export function parseAllocatorOutput(text: string): { mb: Partial<Record<AllocatorProperty, number>>; released: boolean } {
  const mb: Partial<Record<AllocatorProperty, number>> = {};
  let released = false;
  for (const m of text.matchAll(/^ALLOC (\w+) (\d+) (\d+)$/gm)) {
    if (m[1] === 'released') { released = true; continue; }
    if (m[1] in ALLOCATOR_PROPERTIES && m[2] !== '0') mb[m[1] as AllocatorProperty] = Math.round((Number(m[3]) / 1048576) * 10) / 10;
  }
  if (Object.keys(mb).length === 0) {
    const tail = text.trim().split('\n').slice(-3).join(' | ');
    throw new Error(`no allocator properties in gdb's output (${tail || 'empty'})`);
  }
  return { mb, released };
}

/**
 * Reads the allocator of process `pid` (see the module comment), optionally releasing its free memory
 * to the system first. Rejects with a message when gdb is missing, cannot attach, or the process has
 * no tcmalloc.
 */
export async function readAllocator(pid: number, options: { release?: boolean } = {}): Promise<AllocatorReading> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alloc-probe-'));
  try {
    const script = path.join(dir, 'probe.gdb');
    writeFileSync(script, allocatorScript(options.release === true));
    const before = options.release ? residentSplit(pid) ?? undefined : undefined;
    let out: string;
    try {
      const r = await run('gdb', ['-q', '-nx', '-batch', '-p', String(pid), '-x', script], { timeout: 60_000, maxBuffer: 16 << 20 });
      out = `${r.stdout}\n${r.stderr}`;
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { stdout?: string; stderr?: string };
      if (err.code === 'ENOENT') throw new Error('gdb is not installed (apt-get install -y gdb)');
      out = `${err.stdout ?? ''}\n${err.stderr ?? err.message}`;
    }
    const { mb } = parseAllocatorOutput(out);
    const resident = residentSplit(pid);
    if (!resident) throw new Error(`process ${pid} ended while its allocator was read`);
    return { mb, resident, windows: memoryWindows(pid), ...(before ? { before } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
