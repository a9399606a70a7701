/**
 * The benchmarks' one reader of Linux `/proc`: process trees, listening ports, resident memory (of the workerd
 * processes that run the Worker and its Durable Objects), open file descriptors, CPU time, the load
 * average, and a least-squares slope to tell steady memory from a leak over a load test.
 * @module
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** One process: id, parent id and command name. */
export interface Proc { pid: number; ppid: number; comm: string }

function listProcs(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Format: pid (comm) state ppid …; comm may contain spaces and parentheses.
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, comm });
    } catch { /* the process ended while listing */ }
  }
  return out;
}

/** The kB value of field `name` in a `/proc` status or meminfo text (NaN when absent). */
function kbField(text: string, name: string): number {
  return Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
}

function rssKb(pid: number): number {
  try {
    const kb = kbField(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
    return Number.isFinite(kb) ? kb : 0;
  } catch {
    return 0;
  }
}

/** Open file descriptors of a process (sockets included), or 0 when it has ended. */
export function openFds(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
}

/** Resident memory of one process in MB (0 when it has ended). */
export function rssMb(pid: number): number {
  return Math.round((rssKb(pid) / 1024) * 10) / 10;
}

/** The command line of a process, arguments joined by spaces ('' when it has ended). */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Every descendant of `root` (not `root` itself). */
export function descendants(root: number): Proc[] {
  const procs = listProcs();
  const children = new Map<number, Proc[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: Proc[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const p = stack.pop()!;
    out.push(p);
    stack.push(...(children.get(p.pid) ?? []));
  }
  return out;
}

/** One workerd process: id, RSS and the port of its `entry` socket (which tells wrangler's proxy apart). */
export interface WorkerdProcess { pid: number; mb: number; entryPort: number | null }

/**
 * Summed RSS in MB of the `workerd` processes under `root` (and their own children): the memory
 * of the Worker and its Durable Objects, without wrangler's Node process.
 */
export function workerdRssMb(root: number): { mb: number; processes: WorkerdProcess[] } {
  const all = descendants(root);
  const workerd = all.filter((p) => p.comm === 'workerd');
  const pids = new Set<number>();
  for (const w of workerd) {
    pids.add(w.pid);
    for (const d of descendants(w.pid)) pids.add(d.pid);
  }
  const processes = [...pids].map((pid) => ({ pid, mb: Math.round((rssKb(pid) / 1024) * 10) / 10, entryPort: entryPort(pid) }));
  return { mb: Math.round(processes.reduce((a, p) => a + p.mb, 0) * 10) / 10, processes };
}

/**
 * A local Worker's memory split by process: all its workerd processes (`totalMb`), and those running
 * the Worker and its Durable Objects (`workerMb`, `workerPids`) — every workerd except wrangler's dev
 * proxy, the one listening on the public port.
 */
export function workerRuntimeRss(root: number, publicPort: number): { totalMb: number; workerMb: number; workerPids: number[] } {
  const { mb, processes } = workerdRssMb(root);
  const worker = processes.filter((p) => p.entryPort !== publicPort);
  return { totalMb: mb, workerMb: Math.round(worker.reduce((a, p) => a + p.mb, 0) * 10) / 10, workerPids: worker.map((p) => p.pid) };
}

/** {@link workerRuntimeRss} of a local Worker (its process and public URL). */
export function runtimeRssOf(server: { pid: number; url: string }): { totalMb: number; workerMb: number; workerPids: number[] } {
  return workerRuntimeRss(server.pid, Number(new URL(server.url).port));
}

/**
 * Ports in LISTEN state among the sockets of a `/proc/<pid>/net/tcp` (or `tcp6`) table whose inode is
 * in `inodes`.
 */
export function listeningPorts(table: string, inodes: ReadonlySet<string>): number[] {
  const ports: number[] = [];
  for (const line of table.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || f[3] !== '0A' || !inodes.has(f[9])) continue; // 0A = TCP_LISTEN
    ports.push(parseInt(f[1].split(':')[1], 16));
  }
  return ports;
}

/** Socket inodes a process holds open. */
export function socketInodes(pid: number): Set<string> {
  const out = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) out.add(m[1]);
    } catch { /* closed meanwhile */ }
  }
  return out;
}

/** TCP ports (IPv4 and IPv6) a process listens on. */
export function listeningPortsOf(pid: number): number[] {
  const inodes = socketInodes(pid);
  return ['tcp', 'tcp6'].flatMap((t) => listeningPorts(readFileSync(`/proc/${pid}/net/${t}`, 'utf8'), inodes));
}

/**
 * The port of a workerd process's `entry` socket (null for other processes): wrangler's dev proxy
 * listens on the public port, the workerd running the Worker on another one.
 */
export function entryPort(pid: number): number | null {
  try {
    const m = /--socket-addr=entry=[^\0]*?:(\d+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'latin1'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Ids of the `workerd` processes descending from `root` (default: this process). */
export function workerdPids(root = process.pid): number[] {
  return descendants(root).filter((p) => p.comm === 'workerd').map((p) => p.pid);
}

/** CPU seconds (user + system, all threads) a process has used so far, or null when it is gone. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "(comm) ": state is field 0, utime is field 11, stime field 12 (in clock ticks, 100/s).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Follows a process's CPU time until it exits (sampled every 200 ms).
 * @param pid the process
 * @returns `last()`: the last CPU seconds seen (exact to ~0.2 s), and `stop()`
 */
export function followCpu(pid: number): { last: () => number; stop: () => void } {
  let last = 0;
  const timer = setInterval(() => { const s = cpuSecondsOf(pid); if (s !== null) last = s; }, 200);
  return { last: () => last, stop: () => clearInterval(timer) };
}

/** Load average (1, 5, 15 min), rounded to hundredths. */
export function loadAverage(): number[] {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [];
  }
}

/** System memory from `/proc/meminfo`, GiB: the page cache (`Cached`) and free memory (`MemFree`); null when unreadable. */
export function pageCache(meminfo?: string): { cachedGB: number; freeGB: number } | null {
  try {
    const text = meminfo ?? readFileSync('/proc/meminfo', 'utf8');
    const gb = (k: number) => Math.round((k / 1024 ** 2) * 10) / 10;
    const cached = kbField(text, 'Cached');
    const free = kbField(text, 'MemFree');
    return Number.isFinite(cached) && Number.isFinite(free) ? { cachedGB: gb(cached), freeGB: gb(free) } : null;
  } catch {
    return null;
  }
}

/** A process's resident memory split as `/proc/<pid>/status` gives it, MB: all, anonymous and file-backed. */
export interface ResidentSplit { rssMb: number; anonMb: number; fileMb: number }

/** {@link ResidentSplit} of a `/proc/<pid>/status` text, or of process `pid` now; null when unreadable. */
export function residentSplit(pidOrStatus: number | string): ResidentSplit | null {
  let text: string;
  try {
    text = typeof pidOrStatus === 'string' ? pidOrStatus : readFileSync(`/proc/${pidOrStatus}/status`, 'utf8');
  } catch {
    return null;
  }
  const mb = (name: string) => Math.round((kbField(text, name) / 1024) * 10) / 10;
  const out = { rssMb: mb('VmRSS'), anonMb: mb('RssAnon'), fileMb: mb('RssFile') };
  return Object.values(out).every(Number.isFinite) ? out : null;
}

/** Least-squares slope of `y` over `x` (0 with fewer than two points). */
export function slope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  let num = 0, den = 0;
  for (const p of points) { num += (p.x - mx) * (p.y - my); den += (p.x - mx) ** 2; }
  return den === 0 ? 0 : num / den;
}
