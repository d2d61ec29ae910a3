/**
 * Every expected failure's code, across the workflow and the doors. A code says what kind of
 * failure it is; `ERROR_CATALOGUE` says what each door makes of it (HTTP status, CLI exit code,
 * Slack wording, whether it is logged).
 */
export const ERROR_CODES = [
  /** No such business case, proposal or draft (in this workspace: another's is not revealed). */
  'not_found',
  /** An argument is unusable: an empty name, an empty operation list, a quarter with no realized month. */
  'invalid_argument',
  /** An operation is malformed (unknown `op`, unknown or missing field). */
  'invalid_operation',
  /** A document is not a valid business case. */
  'invalid_document',
  /** A request a door received is malformed (a field missing or of the wrong type). */
  'invalid_request',
  /** A request body is not JSON. */
  'invalid_json',
  /** Something with this id already exists, or changed meanwhile. */
  'conflict',
  /** The engine refused an operation, or an approval's re-check found it no longer applies. */
  'refused',
  /** The proposal was already decided (rejected, refused, expired, or applied when rejecting). */
  'not_pending',
  /** The proposal is older than the allowed age and has been expired. */
  'expired',
  /** The engine could not evaluate the figures (division by zero, ...). */
  'evaluation_error',
  /** No credentials, or unknown ones. */
  'unauthorized',
  /** The person is known but may not do this (e.g. approve without being an approver). */
  'forbidden',
  /** The door has no such method on this path. */
  'method_not_allowed',
  /** The request body is larger than the door accepts. */
  'payload_too_large',
  /** Too many requests from one token in a minute (chat turns, or request bodies): wait and retry. */
  'rate_limited',
  /** The database (or another dependency of ours) cannot be reached. */
  'unavailable',
  /** The language model did not answer. */
  'model_unavailable',
  /** Anything unexpected: a bug, on our side. */
  'internal',
] as const;

/** A failure's code (see `ERROR_CODES`). */
export type ErrorCode = (typeof ERROR_CODES)[number];
