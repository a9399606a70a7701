/**
 * `bench:soak --heap`: the local runtime's other isolates. One workerd process runs the user Worker
 * and wrangler's own Workers (entry, asset router, asset service, the assets' KV, cache…), each a V8
 * isolate. Their heaps share one pointer-compression cage (one 4 GiB window of the address space) and
 * count in the runtime's RSS, but the user-Worker probe does not see them. This reads each of them
 * through the runtime's inspector: right after a forced collection before and after the measured phase
 * (what they keep), and their committed heaps at the RSS samples during it (how they grow), so that the
 * RSS change can be split into the user Worker's heap, theirs, and the rest.
 * @module
 */
import { HeapProbe, listRuntimeIsolates } from '../lib/heap-probe.js';
import { markdownTable } from '../lib/table.js';

/** One isolate's V8 heap (MB). */
export interface IsolateHeap {
  /** The inspector target id, e.g. `assets:router:vn-search`, `core:entry`. */
  id: string;
  /** Heap in use (after a forced collection: live objects only). */
  usedMb: number;
  /** Heap committed. */
  totalMb: number;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** The isolates of a runtime other than the user Worker's, each with its own inspector connection. */
export class RuntimeIsolates {
  private constructor(private readonly probes: ReadonlyArray<{ id: string; probe: HeapProbe }>) {}

  /**
   * Connects to every isolate of the runtime under process `root` except the user Worker
   * (`core:user:*`). `poke` sends the server a request that reaches them (an isolate runs an inspector
   * command at its next turn).
   */
  static async open(root: number, poke: () => Promise<unknown>): Promise<RuntimeIsolates> {
    const targets = (await listRuntimeIsolates(root)).filter((t) => !t.id.startsWith('core:user:'));
    return new RuntimeIsolates(targets.map((t) => ({ id: t.id, probe: new HeapProbe(t.webSocketDebuggerUrl, poke) })));
  }

  /** How many isolates besides the user Worker's. */
  get count(): number {
    return this.probes.length;
  }

  /**
   * Forces a full collection in each and reads what survives. An isolate runs the collection at its
   * next turn: one that gets no requests (the asset Workers, once the user Worker's block caches hold
   * every block it reads) does not answer within `timeoutMs` and is left out; its heap does not
   * change without requests either, as {@link usage} during the phase shows.
   */
  async collect(timeoutMs = 3_000): Promise<IsolateHeap[]> {
    return this.each((p) => p.liveHeap(timeoutMs));
  }

  /** Each one's heap now, garbage included; an isolate not answering within `timeoutMs` is left out. */
  async usage(timeoutMs = 5_000): Promise<IsolateHeap[]> {
    return this.each((p) => p.usage(timeoutMs));
  }

  /** Closes every connection. */
  close(): void {
    for (const { probe } of this.probes) probe.close();
  }

  /**
   * Reads all of them at once (the idle isolates cost one timeout together, not one each). One that
   * does not answer in time is left out and its connection closed, rather than left holding the
   * command.
   */
  private async each(read: (p: HeapProbe) => Promise<{ usedMb: number; totalMb: number }>): Promise<IsolateHeap[]> {
    const heaps = await Promise.all(this.probes.map(async ({ id, probe }) => {
      try {
        const u = await read(probe);
        return { id, usedMb: u.usedMb, totalMb: u.totalMb };
      } catch {
        probe.close();
        return null;
      }
    }));
    return heaps.filter((h): h is IsolateHeap => h !== null);
  }
}

/** Sum of some isolates' heaps (MB). */
export function sumIsolates(heaps: readonly IsolateHeap[]): { usedMb: number; totalMb: number } {
  return { usedMb: r1(heaps.reduce((n, h) => n + h.usedMb, 0)), totalMb: r1(heaps.reduce((n, h) => n + h.totalMb, 0)) };
}

/** One server's readings of its other isolates, right after the forced collections. */
export interface IsolatesReadings {
  /** Isolates besides the user Worker's. */
  count: number;
  before: IsolateHeap[];
  after: IsolateHeap[];
}

/** Per server: the committed-heap change of the isolates read both times, and the isolates whose committed heap changed most. */
export function isolatesChange(r: IsolatesReadings, most = 3): { answered: number; before: { usedMb: number; totalMb: number }; after: { usedMb: number; totalMb: number }; largest: Array<{ id: string; beforeMb: number; afterMb: number }> } {
  const both = r.after.filter((a) => r.before.some((b) => b.id === a.id)).map((a) => a.id);
  const pick = (hs: readonly IsolateHeap[]) => hs.filter((h) => both.includes(h.id));
  const largest = both
    .map((id) => ({ id, beforeMb: r.before.find((h) => h.id === id)!.totalMb, afterMb: r.after.find((h) => h.id === id)!.totalMb }))
    .sort((x, y) => Math.abs(y.afterMb - y.beforeMb) - Math.abs(x.afterMb - x.beforeMb) || x.id.localeCompare(y.id))
    .slice(0, most);
  return { answered: both.length, before: sumIsolates(pick(r.before)), after: sumIsolates(pick(r.after)), largest };
}

/** The table of every server's other isolates (markdown), or '' without readings. */
export function isolatesTable(readings: Readonly<Record<string, IsolatesReadings>>): string {
  const rows = Object.entries(readings).map(([server, r]) => {
    const c = isolatesChange(r);
    const change = r1(c.after.totalMb - c.before.totalMb);
    return [
      server,
      `${c.answered} of ${r.count}`,
      `${c.before.usedMb} → ${c.after.usedMb} MB`,
      `${c.before.totalMb} → ${c.after.totalMb} MB`,
      `${change > 0 ? '+' : ''}${change} MB`,
      c.largest.map((l) => `${l.id} ${l.beforeMb} → ${l.afterMb}`).join('; ') || '—',
    ];
  });
  if (!rows.length) return '';
  return markdownTable(['server', 'isolates collected (of the others)', 'live heap after a full GC, before → after', 'committed heap, before → after', 'change', 'largest changes (committed MB)'], rows);
}
