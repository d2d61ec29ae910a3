import { randomUUID } from 'node:crypto';
import { AISDKError } from 'ai';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './app-env.ts';
import { HttpError, type HttpErrorBody } from './http-error.ts';
import { redactSecrets } from './redact-secrets.ts';

/** Where the app writes what went wrong on its side (one line per failure, secrets redacted). */
export type HttpLog = (line: string) => void;

const CODE_BY_STATUS: Record<number, string> = { 400: 'invalid_request', 401: 'unauthorized', 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large' };

/** A short reference tying a generic 500/502 answer to its log line. */
export function errorReference(): string {
  return randomUUID().slice(0, 8);
}

/** Logs an unexpected failure: method, path, reference and the error (never headers, bodies or tokens). */
export function logFailure(log: HttpLog, secrets: readonly string[], c: Context, reference: string, err: unknown): void {
  const detail = err instanceof Error ? (err.stack ?? `${err.name}: ${err.message}`) : String(err);
  log(redactSecrets(`ve http: ${c.req.method} ${c.req.path} failed (reference ${reference}): ${detail}`, secrets));
}

/**
 * The door's one error mapping (hono `onError`):
 * - `HttpError` (expected: validation, auth, proposal outcomes): its status and `{ error }`;
 * - hono's own `HTTPException` below 500: its status with a generic code;
 * - a failure of the language model (any ai SDK error reaching the door): 502 `model_unavailable`;
 * - anything else: 500 `internal`, with a reference; the details go to the log only.
 * Internals (messages, stacks, SQL, provider responses) never reach the client.
 */
export function errorHandler(log: HttpLog, secrets: readonly string[] = []): ErrorHandler<AppEnv> {
  return (err, c) => {
    if (err instanceof HttpError) return c.json({ error: err.body }, err.status, err.headers);
    if (err instanceof HTTPException && err.status < 500) {
      const body: HttpErrorBody = { code: CODE_BY_STATUS[err.status] ?? 'invalid_request', message: err.message || 'the request was refused' };
      return c.json({ error: body }, err.status as ContentfulStatusCode);
    }
    const reference = errorReference();
    logFailure(log, secrets, c, reference, err);
    if (AISDKError.isInstance(err)) {
      return c.json({ error: { code: 'model_unavailable', message: `the language model did not answer (reference ${reference}); try again later` } }, 502);
    }
    return c.json({ error: { code: 'internal', message: `internal error (reference ${reference})` } }, 500);
  };
}
