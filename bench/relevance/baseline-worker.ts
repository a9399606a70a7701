/**
 * Worker-thread entry: runs one baseline task (`workerData`) and posts its {@link TaskOutput}.
 * Started by `run.ts` so two engines use the two cores at once.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runTask, type TaskInput } from './task.js';

parentPort!.postMessage(runTask(workerData as TaskInput));
