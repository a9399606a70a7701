/**
 * Memory and open file descriptors of the processes a `wrangler dev` command runs, by role: wrangler
 * itself (Node), its dev proxy (a workerd listening on the public port, which also runs the DevTools
 * inspector proxy) and the workerd running the Worker and its Durable Objects.
 * @module
 */
import { commandLine, descendants, entryPort, openFds, rssMb } from '../lib/proc.js';

/** What a process does for `wrangler dev`. */
export type Role = 'wrangler (Node)' | 'dev proxy (workerd)' | 'Worker runtime (workerd)';

/** Every role, in report order. */
export const ROLES: readonly Role[] = ['wrangler (Node)', 'dev proxy (workerd)', 'Worker runtime (workerd)'];

/** One role at one moment: summed over its processes. */
export interface RoleSample {
  role: Role;
  pids: number[];
  rssMb: number;
  fds: number;
}

/**
 * Samples the processes under `rootPid` (the `npx wrangler dev` the benchmark started).
 * @param rootPid process whose descendants are wrangler's
 * @param publicPort the port given with `--port` (tells the dev proxy from the runtime)
 */
export function sampleRoles(rootPid: number, publicPort: number): RoleSample[] {
  const samples = new Map<Role, RoleSample>(ROLES.map((role) => [role, { role, pids: [], rssMb: 0, fds: 0 }]));
  for (const p of descendants(rootPid)) {
    let role: Role | null = null;
    if (p.comm === 'workerd') role = entryPort(p.pid) === publicPort ? 'dev proxy (workerd)' : 'Worker runtime (workerd)';
    else if (commandLine(p.pid).includes('wrangler-dist/cli.js')) role = 'wrangler (Node)';
    if (!role) continue;
    const s = samples.get(role)!;
    s.pids.push(p.pid);
    s.rssMb = Math.round((s.rssMb + rssMb(p.pid)) * 10) / 10;
    s.fds += openFds(p.pid);
  }
  return [...samples.values()];
}
