/**
 * Turns schema validation failures into the API's 400 error body, naming the parameter and the fix.
 * @module
 */
import type { Context } from 'hono';
import { sendError } from './errors.js';

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  /** A schema's own error code for the API (`params: { apiCode }` on a custom issue). */
  params?: { apiCode?: string };
}

/** The `defaultHook` of the OpenAPI app: 400 with the first issue's message. */
export function validationHook(result: { success: boolean; error?: { issues: Issue[] } }, c: Context) {
  if (result.success) return;
  const issues = result.error?.issues ?? [];
  const first = issues[0];
  const param = first?.path?.map(String).join('.') || 'request';
  const message = first ? (first.message.includes(param) ? first.message : `${param}: ${first.message}`) : 'The request is invalid.';
  const code = first?.params?.apiCode ?? (issues.length && first.path.length ? 'invalid_parameter' : 'invalid_request');
  return sendError(c, 400, code, first?.params?.apiCode ? first.message : message);
}
