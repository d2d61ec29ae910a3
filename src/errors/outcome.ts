import type { ErrorCode } from './error-code.ts';

/**
 * An expected failure, as a value: what kind (`code`), a sentence for the person who asked
 * (`message`, never internals), and where, when known. Every door renders it through
 * `ERROR_CATALOGUE`.
 */
export interface AppError {
  code: ErrorCode;
  message: string;
  /** Index of the operation concerned, when one is. */
  index?: number;
  /** JSON path of the problem within the operation or document, when known. */
  path?: string;
  /** The request field (or argument) at fault, when one is: `quarter`, `version`, `id`... */
  field?: string;
  /** Possible meanings to offer when a name was ambiguous or unknown. */
  candidates?: string[];
}

/**
 * The one result type of the application (the workflow, the QBR drafts, the app layer): a
 * value, or an `AppError`. The engine's own `Result` has the same shape (its error codes are
 * a subset of `ErrorCode`), so an engine result can be returned as an outcome as it is.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Builds a successful outcome. */
export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** Builds a failed outcome; the optional parts are kept only when given. */
export function failWith<T = never>(
  code: ErrorCode,
  message: string,
  extra: { index?: number | undefined; path?: string | undefined; field?: string | undefined; candidates?: readonly string[] | undefined } = {},
): Outcome<T> {
  const error: AppError = { code, message };
  if (extra.index !== undefined) error.index = extra.index;
  if (extra.path !== undefined) error.path = extra.path;
  if (extra.field !== undefined) error.field = extra.field;
  if (extra.candidates !== undefined && extra.candidates.length > 0) error.candidates = [...extra.candidates];
  return { ok: false, error };
}
