/**
 * The live JavaScript heap of a local Worker runtime, read through workerd's own V8 inspector (not
 * wrangler's inspector proxy, which would enable network recording): force a full garbage collection
 * (`HeapProfiler.collectGarbage`) and read what survives (`Runtime.getHeapUsage`). RSS alone cannot
 * tell a heap that has not yet collected its garbage from state a Worker keeps; the heap used after a
 * full collection can. Locally the front Worker and every Durable Object share one isolate, so one
 * probe sees all of them.
 *
 * Needs the runtime started with its inspector on (`LocalWorkerOptions.inspector`). workerd runs an
 * inspector command at the isolate's next turn, so a command completes only when the Worker gets a
 * request: the probe sends one (`poke`) until the answer comes.
 * @module
 */
import WebSocket from 'ws';
import { commandLine, descendants, listeningPortsOf } from './proc.js';

/** One inspector target of workerd's `/json/list`: one V8 isolate (`core:user:<name>` is the user Worker). */
export interface InspectorTarget { id: string; webSocketDebuggerUrl: string }

/**
 * Every isolate target of the runtime among the workerd processes under `root` (the one started with
 * `--inspector-addr`), WebSocket URLs on 127.0.0.1; [] when its inspector does not answer (yet).
 * Locally one runtime process runs the user Worker and wrangler's own Workers (entry, asset router
 * and service, cache…), each its own isolate.
 */
export async function listRuntimeIsolates(root: number): Promise<InspectorTarget[]> {
  for (const p of descendants(root)) {
    if (p.comm !== 'workerd' || !commandLine(p.pid).includes('--inspector-addr')) continue;
    for (const port of listeningPortsOf(p.pid)) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(2000) });
        if (!res.ok) continue;
        const targets = await res.json() as InspectorTarget[];
        if (Array.isArray(targets) && targets.some((t) => t.id.startsWith('core:user:'))) {
          return targets.map((t) => ({ id: t.id, webSocketDebuggerUrl: t.webSocketDebuggerUrl.replace('//localhost:', '//127.0.0.1:') }));
        }
      } catch { /* not the inspector */ }
    }
  }
  return [];
}

/** The inspector URL of the user Worker among the workerd processes under `root`, looked up once. */
async function lookupRuntimeInspector(root: number): Promise<string | null> {
  return (await listRuntimeIsolates(root)).find((t) => t.id.startsWith('core:user:'))?.webSocketDebuggerUrl ?? null;
}

/**
 * The inspector WebSocket URL of the user Worker run by the workerd processes under `root` (the one
 * started with `--inspector-addr`); waits up to `timeoutMs` for it to listen, then throws.
 */
export async function findRuntimeInspector(root: number, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const url = await lookupRuntimeInspector(root);
    if (url) return url;
    if (Date.now() > deadline) throw new Error(`no workerd inspector under process ${root} after ${timeoutMs} ms (was the Worker started with inspector: true?)`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The runtime's JavaScript heap, in MB. */
export interface HeapUsage {
  /** V8 heap in use (live objects, and garbage not yet collected). */
  usedMb: number;
  /** V8 heap reserved. */
  totalMb: number;
  /** Memory of ArrayBuffers and other backing stores outside the V8 heap (0 when V8 does not say). */
  backingMb: number;
  /**
   * The embedder's garbage-collected heap (cppgc, where the runtime keeps the native halves of its API
   * objects: requests, RPC stubs, SQL cursors…), collected with V8's major collections; 0 when V8 does
   * not say.
   */
  embedderMb: number;
}

/**
 * A connection to a runtime's inspector that measures its heap. wrangler's inspector proxy connects to
 * the same inspector, which may close an earlier connection: a command whose connection closes is
 * sent again on a new one.
 */
export class HeapProbe {
  private next = 0;
  private ws: WebSocket | null = null;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  /**
   * @param url the inspector's WebSocket URL ({@link findRuntimeInspector})
   * @param poke sends the Worker one request (any answer will do)
   */
  constructor(private readonly url: string, private readonly poke: () => Promise<unknown>) {}

  /** The open connection, opened (again) when needed. */
  private socket(): Promise<WebSocket> {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) return Promise.resolve(this.ws);
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(this.url);
      ws.on('message', (m) => {
        const d = JSON.parse(String(m)) as { id?: number; result?: unknown; error?: { message: string } };
        const p = d.id !== undefined ? this.pending.get(d.id) : undefined;
        if (!p) return; // an event
        this.pending.delete(d.id!);
        if (d.error) p.reject(new Error(d.error.message)); else p.resolve(d.result);
      });
      ws.on('close', () => {
        if (this.ws === ws) this.ws = null;
        for (const p of this.pending.values()) p.reject(new ClosedError());
        this.pending.clear();
      });
      ws.once('open', () => { this.ws = ws; resolve(ws); });
      ws.once('error', reject);
    });
  }

  /**
   * Sends one command and pokes the Worker every 250 ms until it is answered: the isolate runs the
   * command at its next turn (a busy server takes one anyway). Sent again, up to 3 times, when its
   * connection closes before the answer.
   */
  private async call<T>(method: string, timeoutMs = 60_000): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.callOnce<T>(method, timeoutMs);
      } catch (e) {
        if (!(e instanceof ClosedError) || attempt >= 3) throw e;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  private async callOnce<T>(method: string, timeoutMs: number): Promise<T> {
    const ws = await this.socket();
    const id = ++this.next;
    let done = false;
    const answer = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method}: no answer in ${timeoutMs} ms`)); }, timeoutMs);
      this.pending.set(id, { resolve: (v) => { clearTimeout(timer); resolve(v as T); }, reject: (e) => { clearTimeout(timer); reject(e); } });
      ws.send(JSON.stringify({ id, method, params: {} }));
    }).finally(() => { done = true; });
    answer.catch(() => undefined); // awaited below
    while (!done) {
      await Promise.race([answer, new Promise((r) => setTimeout(r, 250))]);
      if (!done) await this.poke().catch(() => undefined);
    }
    return answer;
  }

  /** The heap now, garbage included (the command given `timeoutMs`). */
  async usage(timeoutMs = 60_000): Promise<HeapUsage> {
    const r = await this.call<{ usedSize: number; totalSize: number; backingStorageSize?: number; embedderHeapUsedSize?: number }>('Runtime.getHeapUsage', timeoutMs);
    const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
    return { usedMb: mb(r.usedSize), totalMb: mb(r.totalSize), backingMb: mb(r.backingStorageSize ?? 0), embedderMb: mb(r.embedderHeapUsedSize ?? 0) };
  }

  /** Forces a full garbage collection and returns what survives it (each command given `timeoutMs`). */
  async liveHeap(timeoutMs = 60_000): Promise<HeapUsage> {
    await this.call('HeapProfiler.collectGarbage', timeoutMs);
    return this.usage(timeoutMs);
  }

  /** Closes the connection. */
  close(): void {
    this.ws?.close();
    this.ws = null;
  }
}

/** The inspector connection closed before a command was answered. */
class ClosedError extends Error {
  constructor() { super('inspector connection closed'); }
}
