/**
 * Failures as values, and what the doors make of them: the one result type (`Outcome`), the
 * error codes, the one catalogue (HTTP status, CLI exit code, Slack wording, logged or not),
 * and the one redaction and log reference every door uses.
 */
export { ERROR_CODES } from './error-code.ts';
export type { ErrorCode } from './error-code.ts';
export { failWith, succeed } from './outcome.ts';
export type { AppError, Outcome } from './outcome.ts';
export { ERROR_CATALOGUE } from './error-catalogue.ts';
export type { ErrorEntry, SlackWording } from './error-catalogue.ts';
export { redactSecrets } from './redact-secrets.ts';
export { errorReference } from './error-reference.ts';
export { describeError } from './describe-error.ts';
