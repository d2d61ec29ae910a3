import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { unexpectedCode } from '../app/unexpected-code.ts';
import { ERROR_CATALOGUE, errorReference, redactSecrets, type ErrorCode } from '../errors/index.ts';
import type { AppEnv } from './app-env.ts';
import { HttpError, type HttpErrorBody } from './http-error.ts';

/** Seconds a client is told to wait (`Retry-After`) when the database was busy (another process held its write lock). */
export const RETRY_AFTER_BUSY_S = 2;

/** Where the app writes what went wrong on its side (one line per failure, secrets redacted). */
export type HttpLog = (line: string) => void;

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
};

/** Logs an unexpected failure: method, path, reference and the error (never headers, bodies or tokens). */
export function logFailure(log: HttpLog, secrets: readonly string[], c: Context, reference: string, err: unknown): void {
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  log(redactSecrets(`ve http: ${c.req.method} ${c.req.path} failed (reference ${reference}): ${detail}`, secrets));
}

/**
 * The door's one error mapping (hono `onError`), through the error catalogue:
 * - `HttpError` (expected: validation, auth, application outcomes): the catalogue's status for its code and `{ error }`
 *   (logged too when the catalogue says so, e.g. `unavailable`);
 * - hono's own `HTTPException` below 500: its status with a generic code;
 * - anything else is unexpected: a failure of the language model is `model_unavailable`
 *   (502), a database busy past the busy timeout `unavailable` (503 with `Retry-After`), the
 *   rest `internal` (500); logged with a reference, and the person gets only the catalogue's
 *   wording with that reference.
 * Internals (messages, stacks, SQL, provider responses) never reach the client.
 */
export function errorHandler(log: HttpLog, secrets: readonly string[] = []): ErrorHandler<AppEnv> {
  return (err, c) => {
    if (err instanceof HttpError) {
      if (ERROR_CATALOGUE[err.body.code].logged) log(redactSecrets(`ve http: ${c.req.method} ${c.req.path}: ${err.body.code}: ${err.message}`, secrets));
      return c.json({ error: err.body }, err.status, err.headers);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const body: HttpErrorBody = { code: CODE_BY_STATUS[err.status] ?? 'invalid_request', message: err.message || 'the request was refused' };
      return c.json({ error: body }, err.status);
    }
    const reference = errorReference();
    logFailure(log, secrets, c, reference, err);
    const code = unexpectedCode(err);
    const entry = ERROR_CATALOGUE[code];
    // A busy database is a moment's wait: say when to try again.
    const headers = code === 'unavailable' ? { 'Retry-After': String(RETRY_AFTER_BUSY_S) } : undefined;
    return c.json({ error: { code, message: entry.hidden!(reference) } }, entry.http, headers);
  };
}
