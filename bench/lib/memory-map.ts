/**
 * Where a process's anonymous memory lies: `/proc/<pid>/smaps` summed per 4 GiB window of the address
 * space. In workerd the windows tell the memory's owners apart: the V8 isolates of the process (the
 * user Worker's and wrangler's own Workers') share one 4 GiB pointer-compression cage (256 KiB pages
 * committed in one window), tcmalloc reserves its own regions elsewhere, and thread stacks and `[heap]`
 * (brk) are named. `bench:soak` diffs two such maps taken right after forced collections to say which
 * window holds the memory that grew.
 * @module
 */
import { readFileSync } from 'node:fs';

/** Anonymous resident memory of one 4 GiB window of the address space. */
export interface MemoryWindow {
  /** The window's first address, hex (`0x1166_0000_0000` written `0x116600000000`). */
  window: string;
  /** Anonymous resident kB (the smaps `Anonymous:` field, summed). */
  anonymousKb: number;
  /** Size of the window's private writable mappings (kB): address space committed for writing, resident or not. */
  writableKb: number;
  /** Mappings with anonymous memory in the window. */
  mappings: number;
  /** Names of those mappings (`[heap]`, `[stack]`, `[anon:…]`, a file), '' for unnamed ones. */
  names: string[];
}

const WINDOW_BITS = 32n;

/** Parses an smaps text into {@link MemoryWindow}s holding anonymous memory, ascending by address. */
export function parseMemoryWindows(smaps: string): MemoryWindow[] {
  const windows = new Map<bigint, MemoryWindow>();
  let current: { window: bigint; name: string; writable: boolean } | null = null;
  const windowOf = (key: bigint) => {
    let w = windows.get(key);
    if (!w) {
      w = { window: `0x${(key << WINDOW_BITS).toString(16)}`, anonymousKb: 0, writableKb: 0, mappings: 0, names: [] };
      windows.set(key, w);
    }
    return w;
  };
  for (const line of smaps.split('\n')) {
    const head = /^([0-9a-f]+)-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      current = { window: BigInt(`0x${head[1]}`) >> WINDOW_BITS, name: head[3].trim(), writable: head[2][1] === 'w' && head[2][3] === 'p' };
      continue;
    }
    if (!current) continue;
    const size = /^Size:\s+(\d+) kB/.exec(line);
    if (size) {
      if (current.writable) windowOf(current.window).writableKb += Number(size[1]);
      continue;
    }
    const anon = /^Anonymous:\s+(\d+) kB/.exec(line);
    if (!anon) continue;
    const kb = Number(anon[1]);
    if (kb === 0) continue;
    const w = windowOf(current.window);
    w.anonymousKb += kb;
    w.mappings++;
    if (!w.names.includes(current.name)) w.names.push(current.name);
  }
  return [...windows.entries()]
    .filter(([, w]) => w.anonymousKb > 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, w]) => w);
}

/** {@link parseMemoryWindows} of process `pid` now, or null when it cannot be read. */
export function memoryWindows(pid: number): MemoryWindow[] | null {
  try {
    return parseMemoryWindows(readFileSync(`/proc/${pid}/smaps`, 'utf8'));
  } catch {
    return null;
  }
}

/** How one window changed between two maps (MB). */
export interface WindowChange {
  window: string;
  beforeMb: number;
  afterMb: number;
  changeMb: number;
  /** Size of the window's private writable mappings (MB), before → after: whether address space was committed or pages already committed were touched. */
  writableBeforeMb: number;
  writableAfterMb: number;
  /** Mappings in the window in the second map (the first's when it is gone). */
  mappings: number;
  names: string[];
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

/** The windows whose anonymous memory changed most between `before` and `after`, largest change first. */
export function windowChanges(before: readonly MemoryWindow[], after: readonly MemoryWindow[], most = 5): WindowChange[] {
  const keys = new Set([...before, ...after].map((w) => w.window));
  const find = (list: readonly MemoryWindow[], key: string) => list.find((w) => w.window === key);
  const out: WindowChange[] = [];
  for (const key of keys) {
    const b = find(before, key);
    const a = find(after, key);
    const beforeKb = b?.anonymousKb ?? 0;
    const afterKb = a?.anonymousKb ?? 0;
    out.push({ window: key, beforeMb: mb(beforeKb), afterMb: mb(afterKb), changeMb: mb(afterKb - beforeKb), writableBeforeMb: mb(b?.writableKb ?? 0), writableAfterMb: mb(a?.writableKb ?? 0), mappings: (a ?? b)!.mappings, names: (a ?? b)!.names });
  }
  return out.sort((x, y) => Math.abs(y.changeMb) - Math.abs(x.changeMb) || (x.window < y.window ? -1 : 1)).slice(0, most);
}

/** One line per change: `0x1166…: 28.4 → 40.1 MB (+11.7; writable 64 → 80 MB; 112 mappings, unnamed)`. */
export function describeWindowChanges(changes: readonly WindowChange[]): string {
  return changes
    .map((c) => {
      const names = c.names.map((n) => (n === '' ? 'unnamed' : n)).slice(0, 3).join(', ');
      return `${c.window}: ${c.beforeMb} → ${c.afterMb} MB (${c.changeMb >= 0 ? '+' : ''}${c.changeMb}; writable ${c.writableBeforeMb} → ${c.writableAfterMb} MB; ${c.mappings} mappings, ${names})`;
    })
    .join('; ');
}
