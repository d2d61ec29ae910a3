/**
 * Expected failures of the engine are values, not exceptions: every refusal, invalid
 * document and evaluation problem is an `EngineError` that names what was wrong and where.
 */
export type EngineErrorCode = 'invalid_document' | 'invalid_operation' | 'not_found' | 'conflict' | 'refused' | 'evaluation_error' | 'invalid_argument';

/** A typed, user-readable engine error. `path` is a JSON path such as `$.scenarios[0].id`. */
export interface EngineError {
  code: EngineErrorCode;
  message: string;
  path?: string;
}

/** Either a value or an engine error; the engine never throws for expected failures. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: EngineError };

/** Builds a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result. */
export function fail<T = never>(code: EngineErrorCode, message: string, path?: string): Result<T> {
  return { ok: false, error: path === undefined ? { code, message } : { code, message, path } };
}
