import { ERROR_CATALOGUE, type AppError, type ErrorCode } from '../errors/index.ts';

/** What the HTTP door says when a request fails: `{ error: HttpErrorBody }`. */
export interface HttpErrorBody {
  /** A stable, machine-readable code (`ERROR_CODES`: `invalid_request`, `not_found`, `unauthorized`...). */
  code: ErrorCode;
  /** A sentence for the person (never internals). */
  message: string;
  /** The request field at fault (`message`, `threadId`, `asOf`...), when one is. */
  field?: string;
  /** JSON path of the problem inside a submitted document or operation, when known. */
  path?: string;
}

/**
 * An expected failure of a request: thrown by a handler, turned into `{ error }` by the app's
 * one error handler (`onError`). The status is the error catalogue's for the code, so a code
 * means the same status on every route. Anything else thrown is unexpected and becomes the
 * catalogue's `internal` (or `model_unavailable`).
 */
export class HttpError extends Error {
  readonly body: HttpErrorBody;
  /** Extra response headers (e.g. `WWW-Authenticate` on a 401). */
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, message: string, extra: { field?: string | undefined; path?: string | undefined; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'HttpError';
    this.headers = extra.headers ?? {};
    this.body = { code, message };
    if (extra.field !== undefined) this.body.field = extra.field;
    if (extra.path !== undefined) this.body.path = extra.path;
  }

  /** The status the catalogue gives the code. */
  get status(): (typeof ERROR_CATALOGUE)[ErrorCode]['http'] {
    return ERROR_CATALOGUE[this.body.code].http;
  }

  /**
   * An application failure as the door answers it: the code and message as they are; a field
   * at fault is named at the start of the message (`quarter: no month of Q2 2027 is realized`)
   * as in every other 400 of this door, except for a `not_found`, whose message names it.
   */
  static from(error: AppError): HttpError {
    const message = error.field !== undefined && error.code !== 'not_found' ? `${error.field}: ${error.message}` : error.message;
    return new HttpError(error.code, message, { field: error.field, path: error.path });
  }
}
