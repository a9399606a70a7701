/**
 * The API's error for an `HTTPException` thrown by Hono or `@hono/zod-openapi` before a handler runs:
 * their messages ("Malformed JSON in request body", "Unsupported Media Type") say what failed, not
 * what to send instead. Known ones get a code and a message a person can act on; any other
 * client error keeps its status and message under the generic `bad_request` code.
 * @module
 */
/** The API's answer to a framework-thrown client error, for `sendError`. */
export interface FrameworkError {
  /** The HTTP status (4xx). */
  status: number;
  /** The error code. */
  code: string;
  /** What to do about it. */
  message: string;
}

/**
 * Translates a framework-thrown client error (status < 500) of a request with this method, path and
 * `Content-Type` into the API's error.
 */
export function frameworkError(status: number, message: string, request: { method: string; path: string; contentType: string | undefined }): FrameworkError {
  const route = `${request.method} ${request.path}`;
  if (status === 415) {
    const got = request.contentType ? `, not "${request.contentType.slice(0, 60)}"` : ', and none was sent';
    return { status, code: 'unsupported_media_type', message: `${route} takes a JSON body: send it with Content-Type: application/json${got}.` };
  }
  if (status === 400 && /malformed json/i.test(message)) {
    return { status, code: 'invalid_json', message: `The body of ${route} is not valid JSON: send one JSON object (its fields are listed at /docs).` };
  }
  return { status, code: 'bad_request', message: message || 'The request could not be processed.' };
}
