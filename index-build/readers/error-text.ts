/**
 * Short, human-readable text for file-system errors in skip details.
 *
 * @packageDocumentation
 */

/**
 * Formats an error for a skip detail: `CODE: message` for a Node.js system error (without the path, which the
 * skip already names), else the error message.
 *
 * @param err - Anything thrown.
 * @returns E.g. 'EACCES: permission denied'.
 */
export function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  if (e && typeof e.code === 'string' && typeof e.message === 'string') {
    const message = e.message.replace(/^[A-Z0-9_]+: /, '').replace(/, (?:open|scandir|opendir|read|stat|lstat|realpath) .*$/, '');
    return `${e.code}: ${message}`;
  }
  return err instanceof Error ? err.message : String(err);
}
