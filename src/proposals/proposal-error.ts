/**
 * Expected failures of the proposal workflow, as values: every door maps the `code` to its
 * own response (CLI exit code, HTTP status, Slack reply) and shows the `message`, which is
 * written for the person who asked.
 */
export type ProposalErrorCode =
  /** No such business case or proposal (in this workspace). */
  | 'not_found'
  /** An argument is unusable: empty name, empty operation list. */
  | 'invalid_argument'
  /** An operation is malformed (unknown `op`, unknown or missing field). */
  | 'invalid_operation'
  /** A document to import is invalid. */
  | 'invalid_document'
  /** Something with this id already exists (importing a case twice). */
  | 'conflict'
  /** The engine refused an operation, or an approval's re-check found it no longer applies. */
  | 'refused'
  /** The proposal was already decided (rejected, refused, expired, or applied when rejecting). */
  | 'not_pending'
  /** The proposal is older than the allowed age and has been expired. */
  | 'expired';

/** A typed, user-readable failure of the proposal workflow. */
export interface ProposalError {
  code: ProposalErrorCode;
  message: string;
  /** Index of the operation concerned, when one is. */
  index?: number;
  /** JSON path of the problem within the operation or document, when known. */
  path?: string;
}

/** Either a value or a proposal error. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: ProposalError };

/** Builds a successful outcome. */
export function succeed<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** Builds a failed outcome; `index` and `path` are kept only when given. */
export function failWith<T = never>(code: ProposalErrorCode, message: string, extra: { index?: number; path?: string | undefined } = {}): Outcome<T> {
  const error: ProposalError = { code, message };
  if (extra.index !== undefined) error.index = extra.index;
  if (extra.path !== undefined) error.path = extra.path;
  return { ok: false, error };
}
