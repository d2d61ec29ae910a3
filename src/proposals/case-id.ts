import { ID_PATTERN } from '../engine/index.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';

/** The longest business case id accepted (it becomes part of file names such as a QBR deck's). */
export const MAX_CASE_ID_LENGTH = 128;

/**
 * Checks a business case id with the same pattern as every other id (`ID_PATTERN`,
 * `^[a-z0-9][a-z0-9-]*$`, at most `MAX_CASE_ID_LENGTH` characters): no path separators or
 * dots (`../../tmp/evil`), no CR/LF, NUL, zero-width or other invisible characters, no `@`
 * (which storage keys use). `where` names it in the refusal (and `field` the request field, when there is one). The refused id is quoted
 * (`quoteId`) so control and invisible characters show as escapes, never raw, in an answer or a log.
 */
export function checkCaseId(id: string, where = 'business case id', field?: string): Outcome<string> {
  if (id.length <= MAX_CASE_ID_LENGTH && ID_PATTERN.test(id)) return succeed(id);
  const shown = quoteId(id.length > 80 ? `${id.slice(0, 80)}...` : id);
  const why = id.length > MAX_CASE_ID_LENGTH ? `is longer than ${MAX_CASE_ID_LENGTH} characters` : 'must match ^[a-z0-9][a-z0-9-]*$';
  return failWith('invalid_argument', `${where} ${shown} ${why}`, { field });
}

/**
 * An id as an answer or a log line may quote it: in double quotes, with every character
 * outside printable ASCII (CR, LF, NUL, zero-width and other invisible characters) written as
 * a `\uXXXX` escape, so what was refused can be seen and cannot break a line.
 */
export function quoteId(id: string): string {
  return `"${id.replace(/[^\x20-\x7e]|["\\]/g, (ch) => (ch === '"' || ch === '\\' ? `\\${ch}` : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`))}"`;
}
