import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ProposalError, ProposalErrorCode } from '../proposals/index.ts';
import { HttpError } from './http-error.ts';

/**
 * The HTTP status of each proposal-workflow failure:
 * - `not_found` 404 (also for another workspace's case or proposal, so its existence is not revealed);
 * - `invalid_argument`, `invalid_operation` 400 (the request itself is malformed);
 * - `invalid_document` 422 (well-formed JSON, but not a valid business case);
 * - `conflict`, `refused`, `not_pending` 409 (the request clashes with the current state:
 *   an id already taken, a proposal the engine no longer accepts, one already decided);
 * - `expired` 410 (the proposal is gone for good; propose it again).
 */
export const OUTCOME_STATUS: Readonly<Record<ProposalErrorCode, ContentfulStatusCode>> = {
  not_found: 404,
  invalid_argument: 400,
  invalid_operation: 400,
  invalid_document: 422,
  conflict: 409,
  refused: 409,
  not_pending: 409,
  expired: 410,
};

/** A proposal-workflow failure as the `HttpError` the error handler renders. */
export function outcomeError(error: ProposalError): HttpError {
  return new HttpError(OUTCOME_STATUS[error.code], error.code, error.message, { path: error.path });
}
