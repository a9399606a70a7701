// Worker-thread bootstrap: Node 20 worker threads do not inherit the parent's `--import tsx` loader,
// so register tsx here, then load the TypeScript worker script named in workerData.__script.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__script);
