/**
 * Errors across Durable Object RPC. Workers RPC keeps only the message (and the name of standard
 * Error types), so the index errors a shard or the live index throws (a corrupt or missing file, an
 * index from another version) would reach the front Worker as plain Errors. The objects encode their
 * type in the message ({@link toRpcError}) and the clients turn it back into the same type
 * ({@link fromRpcError}); everything above the clients sees typed errors only.
 * @module
 */
import { ArtifactError } from '../engine/artifact.js';
import { ContainerError } from '../index-format/binary-container.js';
import { IndexUnavailableError } from './manifest-loader.js';

const TAGGED = /^\[(ArtifactError|ContainerError|IndexUnavailableError)(?::([a-z_]+))?\] ([\s\S]*)$/;

/** The error to throw from a Durable Object method: typed index errors keep their type in the message. */
export function toRpcError(e: unknown): unknown {
  if (e instanceof IndexUnavailableError) return new Error(`[IndexUnavailableError:${e.code}] ${e.message}`);
  if (e instanceof ArtifactError) return new Error(`[ArtifactError] ${e.message}`);
  if (e instanceof ContainerError) return new Error(`[ContainerError] ${e.message}`);
  return e;
}

/** The error a Durable Object method threw, with its type restored when it was a typed index error. */
export function fromRpcError(e: unknown): unknown {
  const m = e instanceof Error ? TAGGED.exec(e.message) : null;
  if (!m) return e;
  const [, type, code, message] = m;
  if (type === 'ArtifactError') return new ArtifactError(message);
  if (type === 'ContainerError') return new ContainerError(message);
  return new IndexUnavailableError(code ?? 'index_corrupt', message);
}

/** Runs a Durable Object method body, encoding typed errors for the caller. */
export async function rpcGuard<T>(body: () => Promise<T> | T): Promise<T> {
  try {
    return await body();
  } catch (e) {
    throw toRpcError(e);
  }
}

/** Awaits an RPC call, restoring typed errors. */
export async function rpcCall<T>(call: PromiseLike<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    throw fromRpcError(e);
  }
}
