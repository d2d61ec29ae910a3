import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** What the HTTP door says when a request fails: `{ error: HttpErrorBody }`. */
export interface HttpErrorBody {
  /** A stable, machine-readable code (`invalid_request`, `not_found`, `unauthorized`...). */
  code: string;
  /** A sentence for the person (never internals). */
  message: string;
  /** The request field at fault (`message`, `threadId`, `asOf`...), when one is. */
  field?: string;
  /** JSON path of the problem inside a submitted document or operation, when known. */
  path?: string;
}

/**
 * An expected failure of a request: thrown by a handler, turned into `{ error }` with its
 * status by the app's one error handler (`onError`). Anything else thrown is unexpected and
 * becomes a generic 500.
 */
export class HttpError extends Error {
  readonly body: HttpErrorBody;
  /** Extra response headers (e.g. `WWW-Authenticate` on a 401). */
  readonly headers: Record<string, string>;

  constructor(
    readonly status: ContentfulStatusCode,
    code: string,
    message: string,
    extra: { field?: string | undefined; path?: string | undefined; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.headers = extra.headers ?? {};
    this.body = { code, message };
    if (extra.field !== undefined) this.body.field = extra.field;
    if (extra.path !== undefined) this.body.path = extra.path;
  }
}
