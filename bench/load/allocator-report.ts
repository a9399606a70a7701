/**
 * `bench:soak`'s allocator readings (bench/lib/allocator-probe.ts): per server, what the workerd
 * process's tcmalloc holds before and after the measured phase (each reading right after a forced
 * garbage collection), and how much of its RSS comes back when tcmalloc is told to release its free
 * memory at the end. Splits the RSS growth that the JavaScript heap does not explain into memory the
 * runtime still uses, free memory the allocator keeps, and memory outside the allocator.
 * @module
 */
import { readAllocator, type AllocatorReading } from '../lib/allocator-probe.js';
import { describeWindowChanges, windowChanges, type WindowChange } from '../lib/memory-map.js';
import { markdownTable } from '../lib/table.js';

/** One reading: before or after the measured phase, or after the release at the end. */
export type AllocatorLabel = 'before' | 'after' | 'released';

/** One server's figures from its readings (MB). */
export interface AllocatorSummary {
  inUseBeforeMb: number; inUseAfterMb: number;
  heldBeforeMb: number; heldAfterMb: number;
  rssBeforeMb: number; rssAfterMb: number;
  /** Anonymous resident memory not held by tcmalloc (V8's heap pages, stacks, other mappings). */
  outsideBeforeMb: number; outsideAfterMb: number;
  /** RSS after the final release, and how much the release gave back. */
  rssAfterReleaseMb: number | null; releasedMb: number | null;
  /** The 4 GiB windows of the address space whose anonymous memory changed most, before → after. */
  windows: WindowChange[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Summary of one server's readings (null without both a before and an after reading). */
export function summarizeAllocator(readings: ReadonlyMap<AllocatorLabel, AllocatorReading>): AllocatorSummary | null {
  const b = readings.get('before');
  const a = readings.get('after');
  if (!b || !a) return null;
  const rel = readings.get('released');
  const outside = (x: AllocatorReading) => r1(x.resident.anonMb - (x.mb.held ?? 0));
  return {
    inUseBeforeMb: b.mb.inUse ?? NaN, inUseAfterMb: a.mb.inUse ?? NaN,
    heldBeforeMb: b.mb.held ?? NaN, heldAfterMb: a.mb.held ?? NaN,
    rssBeforeMb: b.resident.rssMb, rssAfterMb: a.resident.rssMb,
    outsideBeforeMb: outside(b), outsideAfterMb: outside(a),
    rssAfterReleaseMb: rel ? rel.resident.rssMb : null,
    releasedMb: rel?.before ? r1(rel.before.rssMb - rel.resident.rssMb) : null,
    windows: b.windows && a.windows ? windowChanges(b.windows, a.windows) : [],
  };
}

/** The readings of every server in one run; the first failure is kept and the probe not tried again. */
export class AllocatorLog {
  private readonly readings = new Map<string, Map<AllocatorLabel, AllocatorReading>>();
  /** Why no reading could be taken (gdb missing, attach refused), or null. */
  unavailable: string | null = null;

  /** Reads server `server`'s process `pid` (pausing it ~2–3 s); `released` releases free memory first. */
  async read(server: string, pid: number | undefined, label: AllocatorLabel): Promise<void> {
    if (this.unavailable !== null) return;
    if (pid === undefined) { this.unavailable = `no workerd process found for ${server}`; return; }
    try {
      const reading = await readAllocator(pid, { release: label === 'released' });
      const m = this.readings.get(server) ?? new Map<AllocatorLabel, AllocatorReading>();
      m.set(label, reading);
      this.readings.set(server, m);
    } catch (e) {
      this.unavailable = (e as Error).message;
    }
  }

  /** Per server, its {@link AllocatorSummary} (servers without both readings left out). */
  summaries(): Record<string, AllocatorSummary> {
    const out: Record<string, AllocatorSummary> = {};
    for (const [server, m] of this.readings) {
      const s = summarizeAllocator(m);
      if (s) out[server] = s;
    }
    return out;
  }

  /** Per server, one line naming the address windows whose anonymous memory changed most. */
  windowLines(): string[] {
    return Object.entries(this.summaries()).filter(([, x]) => x.windows.length > 0).map(([server, x]) => `  ${server}: ${describeWindowChanges(x.windows)}`);
  }

  /** A markdown table of {@link summaries}, or null when there is none. */
  table(): string | null {
    const s = Object.entries(this.summaries());
    if (s.length === 0) return null;
    const d = (a: number, b: number) => `${a} → ${b} (${b - a >= 0 ? '+' : ''}${r1(b - a)})`;
    return markdownTable(
      ['server', 'RSS', 'tcmalloc: in use', 'tcmalloc: held (in use + kept free)', 'anonymous memory outside tcmalloc', 'RSS after releasing free memory at the end'],
      s.map(([server, x]) => [server, d(x.rssBeforeMb, x.rssAfterMb), d(x.inUseBeforeMb, x.inUseAfterMb), d(x.heldBeforeMb, x.heldAfterMb), d(x.outsideBeforeMb, x.outsideAfterMb), x.rssAfterReleaseMb === null ? '—' : `${x.rssAfterReleaseMb} (−${x.releasedMb})`]),
    );
  }
}
