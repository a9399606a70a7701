/**
 * Runs benchmark tasks on a fixed number of lanes (one per core): a FIFO semaphore, plus a helper
 * that runs a baseline task in a worker thread.
 * @module
 */
import { Worker } from 'node:worker_threads';
import type { TaskInput, TaskOutput } from './task.js';

/** A FIFO counting semaphore. */
export class Lanes {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  /** @param count lanes that may run at once */
  constructor(count: number) {
    this.free = count;
  }

  /**
   * Runs `fn` once a lane is free (in submission order).
   * @param fn the work
   */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/**
 * Runs a baseline task in a worker thread (same loader flags as this process, large heap).
 * @param task the task (structured-cloned into the worker)
 */
export function runInWorker(task: TaskInput): Promise<TaskOutput> {
  return runWorker<TaskOutput>(new URL('./baseline-worker.ts', import.meta.url), task, `baseline worker for ${task.key}`);
}

/**
 * Runs a worker script that posts exactly one message, and resolves with that message.
 * @param script worker module URL
 * @param data its `workerData` (structured-cloned)
 * @param label for error messages
 */
export function runWorker<T>(script: URL, data: unknown, label: string): Promise<T> {
  return new Promise((resolve, reject) => {
    // worker-entry.mjs registers tsx in the worker, then imports `script` (TypeScript).
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: { ...(data as object), __script: script.href },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: 6144 },
    });
    let done = false;
    worker.once('message', (out: T) => { done = true; resolve(out); });
    worker.once('error', (err) => { done = true; reject(err); });
    worker.once('exit', (code) => { if (!done) reject(new Error(`${label} exited with code ${code}`)); });
  });
}
