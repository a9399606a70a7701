import { describe, expect, it } from 'vitest';
import { ArtifactError } from '../engine/artifact.js';
import { ContainerError } from '../index-format/binary-container.js';
import { IndexUnavailableError } from './manifest-loader.js';
import { fromRpcError, rpcCall, rpcGuard, toRpcError } from './rpc-errors.js';

/** What Workers RPC keeps of a thrown error: a plain Error with the message. */
const overRpc = (e: unknown) => (e instanceof Error ? new Error(e.message) : e);

describe('typed errors across Durable Object RPC', () => {
  it('restores the type, code and message of index errors', () => {
    const cases = [new ArtifactError('index file shard-001.docs is corrupt'), new ContainerError('section "x" is out of bounds'), new IndexUnavailableError('index_changing', 'A new index is being deployed; retry.')];
    for (const e of cases) {
      const back = fromRpcError(overRpc(toRpcError(e))) as Error;
      expect(back).toBeInstanceOf(e.constructor);
      expect(back.message).toBe(e.message);
      if (e instanceof IndexUnavailableError) expect((back as IndexUnavailableError).code).toBe('index_changing');
    }
  });

  it('leaves other errors alone', () => {
    const e = new TypeError('boom');
    expect(toRpcError(e)).toBe(e);
    expect(fromRpcError(new Error('[NotOurs] x'))).toBeInstanceOf(Error);
    expect(fromRpcError(new Error('[NotOurs] x'))).not.toBeInstanceOf(IndexUnavailableError);
  });

  it('rpcGuard and rpcCall wrap both ends', async () => {
    await expect(rpcCall(rpcGuard(() => { throw new ContainerError('truncated'); }).catch((e) => { throw overRpc(e); }))).rejects.toBeInstanceOf(ContainerError);
    expect(await rpcCall(rpcGuard(() => 42))).toBe(42);
  });
});
