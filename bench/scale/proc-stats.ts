/**
 * Linux `/proc` readings for the scale benchmark: CPU time of a running process (to tell CPU cost
 * from wall time on a shared machine) and resident memory of the workerd processes under this one.
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';

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

/** Load average (1, 5, 15 min), rounded. */
export function loadAverage(): number[] {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
  } catch {
    return [];
  }
}

/**
 * Ids of the `workerd` processes descending from `root` (default: this process).
 * @param root ancestor process id
 */
export function workerdPids(root = process.pid): number[] {
  const parent = new Map<number, number>();
  const out: number[] = [];
  const names = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      names.set(Number(name), stat.slice(stat.indexOf('(') + 1, close));
      parent.set(Number(name), Number(stat.slice(close + 2).split(' ')[1]));
    } catch { /* exited while listing */ }
  }
  for (const [pid, name] of names) {
    if (name !== 'workerd') continue;
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) { out.push(pid); break; }
  }
  return out;
}

/**
 * Summed RSS (MB) and count of `workerd` processes descending from `root` (default: this process).
 * @param root ancestor process id
 */
export function workerdRss(root = process.pid): { mb: number; processes: number } {
  const parent = new Map<number, number>();
  const comm = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      comm.set(Number(name), stat.slice(stat.indexOf('(') + 1, close));
      parent.set(Number(name), Number(stat.slice(close + 2).split(' ')[1]));
    } catch { /* exited while listing */ }
  }
  const descends = (pid: number) => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  let kb = 0;
  let processes = 0;
  for (const [pid, name] of comm) {
    if (name !== 'workerd' || !descends(pid)) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
      processes++;
    } catch { /* exited */ }
  }
  return { mb: Math.round(kb / 102.4) / 10, processes };
}
