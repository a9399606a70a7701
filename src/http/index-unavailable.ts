/**
 * Index failures as HTTP answers: a missing, corrupt or incompatible index is a 503 with what to
 * rebuild, never a 500. Matches on error types only (errors from Durable Objects arrive typed, see
 * `worker/rpc-errors.ts`).
 * @module
 */
import { ArtifactError } from '../engine/artifact.js';
import { ContainerError } from '../index-format/binary-container.js';
import { IndexUnavailableError, REBUILD_ADVICE as REBUILD } from '../worker/manifest-loader.js';

/** The 503 an error stands for, or null when it is not an index failure. */
export function asIndexUnavailable(e: unknown): IndexUnavailableError | null {
  if (e instanceof IndexUnavailableError) return e;
  if (e instanceof ArtifactError) return new IndexUnavailableError('index_corrupt', `${e.message}. ${REBUILD}`);
  if (e instanceof ContainerError) return new IndexUnavailableError('index_corrupt', `The search index is damaged: ${e.message}. ${REBUILD}`);
  return null;
}
