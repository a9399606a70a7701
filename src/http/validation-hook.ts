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

/**
 * The `defaultHook` of the OpenAPI app: 400 with the first issue's message. Its code: a schema's own,
 * else `invalid_field` for a JSON body's field (as the write routes' own checks say),
 * `invalid_parameter` for a query or path parameter (an unknown field or parameter counts as one),
 * `invalid_request` for the request as a whole.
 */
export function validationHook(result: { success: boolean; target?: string; error?: { issues: Issue[] } }, c: Context) {
  if (result.success) return;
  const issues = result.error?.issues ?? [];
  const first = issues[0];
  const param = first?.path?.map(String).join('.') ?? '';
  const message = !first ? 'The request is invalid.' : !param || first.message.includes(param) ? first.message : `${param}: ${first.message}`;
  return sendError(c, 400, first ? codeOf(first, result.target) : 'invalid_request', first?.params?.apiCode ? first.message : message);
}

/** The API code of an issue: the schema's own, else by what it is about (see {@link validationHook}). */
function codeOf(issue: Issue, target: string | undefined): string {
  if (issue.params?.apiCode) return issue.params.apiCode;
  if (!issue.path.length && issue.code !== 'unrecognized_keys') return 'invalid_request';
  return target === 'json' ? 'invalid_field' : 'invalid_parameter';
}
