/**
 * A free TCP port for a benchmark server.
 * @module
 */
import { createServer } from 'node:net';

/**
 * Asks the OS for a free TCP port on 127.0.0.1 (bind to port 0, read it, close).
 * @returns the port number (free at the time of the call)
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
