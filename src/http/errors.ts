/**
 * The error contract of the API: every error is JSON `{ error: { code, message } }` with a message a
 * person can act on. Never a stack trace, never an internal path.
 * @module
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Schema of every error response. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_parameter' }),
      message: z.string().openapi({ example: 'limit must be a whole number from 1 to 50 (got "abc").' }),
    }),
  })
  .openapi('Error');

/** An error response body. */
export type ErrorBody = z.infer<typeof ErrorSchema>;

/** Builds an error body. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Sends an error response. */
export function sendError(c: Context, status: ContentfulStatusCode, code: string, message: string, headers?: Record<string, string>) {
  return c.json(errorBody(code, message), status, headers);
}

/** OpenAPI response entries for the documented errors. */
export const errorResponses = {
  400: { description: 'Invalid request parameters; the message says which and how to fix it.', content: { 'application/json': { schema: ErrorSchema } } },
  429: { description: 'Rate limit exceeded; retry after the number of seconds in `Retry-After`.', content: { 'application/json': { schema: ErrorSchema } } },
  503: { description: 'The search index is missing, corrupt or built by another version; the message says what to rebuild.', content: { 'application/json': { schema: ErrorSchema } } },
} as const;
