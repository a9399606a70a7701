/**
 * Checks that the installed wrangler carries patches/wrangler+4.86.0.patch (applied by `npm install`
 * / `npm ci` through the `postinstall` script): its DevTools inspector proxy must not switch on the
 * runtime's network recording until DevTools attaches. Without the patch, plain `npx wrangler dev`
 * cannot load the 35k-article index (see patches/README.md and `npm run bench:wrangler-dev`).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const wranglerDir = path.dirname(require.resolve('wrangler/package.json'));
const proxyFile = path.join(wranglerDir, 'wrangler-dist/InspectorProxyWorker.js');

/** The parts of wrangler's InspectorProxyWorker (a Durable Object class inside wrangler's proxy workerd) this test drives. */
interface InspectorProxy {
  websockets: { devtools?: { send(m: string): void } };
  runtimeKeepAliveInterval: ReturnType<typeof setInterval> | null;
  handleRuntimeWebSocketOpen(runtime: { send(m: string): void }): void;
}
type InspectorProxyClass = new (state: unknown, env: Record<string, unknown>) => InspectorProxy;

const opened: InspectorProxy[] = [];
afterEach(() => {
  for (const p of opened.splice(0)) clearInterval(p.runtimeKeepAliveInterval ?? undefined);
});

/** Opens the runtime connection of a fresh proxy and returns the DevTools methods it sent the runtime. */
async function methodsSentOnRuntimeOpen(devtoolsAttached: boolean): Promise<string[]> {
  const { InspectorProxyWorker } = (await import(pathToFileURL(proxyFile).href)) as { InspectorProxyWorker: InspectorProxyClass };
  // Debug logs go to wrangler's Node process through this binding; answer them like it does.
  const proxy = new InspectorProxyWorker({}, { PROXY_CONTROLLER: { fetch: async () => new Response(null, { status: 204 }) } });
  opened.push(proxy);
  if (devtoolsAttached) proxy.websockets.devtools = { send() {} };
  const sent: string[] = [];
  proxy.handleRuntimeWebSocketOpen({ send: (m) => sent.push((JSON.parse(m) as { method: string }).method) });
  await new Promise((r) => setTimeout(r, 10)); // sendRuntimeMessage awaits the runtime promise
  return sent;
}

describe('wrangler inspector proxy (patches/wrangler+4.86.0.patch)', () => {
  it('is the wrangler version the patch was made for', () => {
    const version = (JSON.parse(readFileSync(path.join(wranglerDir, 'package.json'), 'utf8')) as { version: string }).version;
    const patch = readFileSync(path.join(import.meta.dirname, `wrangler+${version}.patch`), 'utf8');
    expect(patch).toContain('InspectorProxyWorker.js');
  });

  it('does not record network events while no DevTools is attached', async () => {
    const sent = await methodsSentOnRuntimeOpen(false);
    expect(sent).toContain('Runtime.enable');
    expect(sent).not.toContain('Network.enable');
  });

  it('records them for an attached DevTools, as before', async () => {
    expect(await methodsSentOnRuntimeOpen(true)).toEqual(expect.arrayContaining(['Runtime.enable', 'Debugger.enable', 'Network.enable']));
  });

  it('switches recording on when DevTools connects and off when it leaves', () => {
    const source = readFileSync(proxyFile, 'utf8');
    const connect = source.slice(source.indexOf('handleDevToolsWebSocketUpgradeRequest'), source.indexOf('handleDevToolsIncomingMessage ='));
    expect(connect).toMatch(/method: "Network\.enable"/);
    expect(connect).toMatch(/method: "Network\.disable"/);
  });
});
