/**
 * Runs a TypeScript benchmark step in a fresh Node process (own heap, own flags such as
 * `--max-old-space-size`) and collects its JSON result. The child prints its result as one line
 * `@@RESULT <json>` on stdout (see {@link emitResult}); everything else it prints is passed through
 * to this process's stderr, prefixed, so progress stays visible.
 * @module
 */
import { spawn } from 'node:child_process';

/** Prefix of the result line a child prints. */
export const RESULT_PREFIX = '@@RESULT ';

/** Options of {@link runNodeChild}. */
export interface NodeChildOptions {
  /** Script path (run through tsx). */
  script: string;
  /** Arguments after the script. */
  args?: string[];
  /** Node flags before `--import tsx`, e.g. `['--max-old-space-size=128', '--expose-gc']`. */
  nodeFlags?: string[];
  /** Kill the child (SIGKILL) after this many milliseconds (default: no limit). */
  timeoutMs?: number;
  /** Prefix for passed-through output lines (default: none, output is discarded). */
  echoPrefix?: string;
  /** Working directory (default: this process's). */
  cwd?: string;
}

/** What a child run produced. */
export interface NodeChildResult<T> {
  /** The parsed `@@RESULT` line, or null when the child printed none (crash, out of memory, timeout). */
  result: T | null;
  /** Exit code (null when killed by a signal). */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Wall time from spawn to exit, milliseconds. */
  wallMs: number;
  /** Whether the timeout killed it. */
  timedOut: boolean;
  /** The last 4,000 characters of stderr (for crash reports). */
  stderrTail: string;
}

/**
 * Spawns `node <nodeFlags> --import tsx <script> <args>` and waits for it to exit.
 * @param o what to run
 * @returns the result line and exit status (never rejects on a child failure)
 */
export function runNodeChild<T>(o: NodeChildOptions): Promise<NodeChildResult<T>> {
  const started = performance.now();
  const child = spawn(process.execPath, [...(o.nodeFlags ?? []), '--import', 'tsx', o.script, ...(o.args ?? [])], {
    cwd: o.cwd ?? process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let result: T | null = null;
  let stderrTail = '';
  let outBuf = '';
  let timedOut = false;
  const echo = (line: string) => { if (o.echoPrefix !== undefined && line.trim()) process.stderr.write(`${o.echoPrefix}${line}\n`); };
  child.stdout!.on('data', (b: Buffer) => {
    outBuf += b.toString();
    let nl: number;
    while ((nl = outBuf.indexOf('\n')) >= 0) {
      const line = outBuf.slice(0, nl);
      outBuf = outBuf.slice(nl + 1);
      if (line.startsWith(RESULT_PREFIX)) result = JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
      else echo(line);
    }
  });
  child.stderr!.on('data', (b: Buffer) => {
    const s = b.toString();
    stderrTail = (stderrTail + s).slice(-4000);
    for (const line of s.split('\n')) echo(line);
  });
  const timer = o.timeoutMs ? setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, o.timeoutMs) : null;
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (outBuf.startsWith(RESULT_PREFIX)) result = JSON.parse(outBuf.slice(RESULT_PREFIX.length)) as T;
      resolve({ result, code, signal, wallMs: performance.now() - started, timedOut, stderrTail });
    });
  });
}

/**
 * Prints a child's result line (call once, at the end of the child script).
 * @param value any JSON-serializable value
 */
export function emitResult(value: unknown): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(value)}\n`);
}
