/**
 * The control Workers of the soak benchmarks (`run.ts --control`, `controls.ts`): Workers that keep
 * nothing, run under the same local runtime and load as the search Worker, so that what the runtime
 * does with memory by itself can be told apart from what a Worker keeps. Like the search Worker they
 * have static assets with `run_worker_first` (bench/load/control-assets/), so every request passes
 * through the same wrangler asset Workers, whose heaps grow between their own collections (session
 * 41: without them the controls carried none of that growth, ~2.3 MB/min of the search servers').
 * @module
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Each control: its wrangler.toml and what it does. */
export const CONTROL_WORKERS = {
  plain: {
    config: path.join(here, 'control-worker/wrangler.toml'),
    what: 'a Worker that answers every request with a fixed ~6 KB JSON body (bench/load/control-worker/), same runtime, load and static-assets routing',
  },
  'durable-objects': {
    config: path.join(here, 'control-do-worker/wrangler.toml'),
    what: 'a Worker that calls 10 Durable Objects over RPC (and one more) per request and keeps nothing (bench/load/control-do-worker/), same runtime, load and static-assets routing',
  },
} as const;

/** A control's name. */
export type ControlName = keyof typeof CONTROL_WORKERS;

/** Whether `name` names a control. */
export function isControlName(name: string): name is ControlName {
  return Object.hasOwn(CONTROL_WORKERS, name);
}
