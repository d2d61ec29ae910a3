import type { ErrorCode } from './error-code.ts';

/** What the Slack door fills in when it words a failure. */
export interface SlackWording {
  /** The failure's message (already escaped for mrkdwn by the door). */
  message: string;
  /** What did not happen, as the lead of a refusal: "Not applied", "I cannot draft that QBR". */
  lead: string;
  /** What was looked for, when the door knows it: "proposal `1f2e`" (for `not_found`). */
  subject?: string;
  /** The reference of the log line (for failures that are logged). */
  reference: string;
  /** False when the failure may have come after a change was applied (default true). */
  nothingChanged?: boolean;
}

/** What every door makes of one error code. */
export interface ErrorEntry {
  /** The HTTP status the HTTP door answers with. */
  http: 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 422 | 429 | 500 | 502 | 503;
  /** The CLI's exit code: 2 for unusable arguments (the request names nothing or is malformed), 1 for a refusal of a well-formed request or a failure. */
  exit: 1 | 2;
  /** The text the Slack door posts. */
  slack: (w: SlackWording) => string;
  /**
   * True for failures on our side: the door logs the details with a reference and shows the
   * person only `hidden(reference)`, never the message (which may hold internals).
   */
  logged: boolean;
  /** For logged failures: what the person is told instead of the message. */
  hidden?: (reference: string) => string;
}

const refusal = (w: SlackWording): string => `${w.lead}: ${w.message}`;
const apology = (w: SlackWording): string =>
  `Sorry, something went wrong on my side and I could not finish that.${w.nothingChanged === false ? '' : ' Nothing was changed.'} (reference \`${w.reference}\`)`;

/**
 * The one error catalogue: for each code, the HTTP status, the CLI exit code, the Slack
 * wording and whether it is logged. The HTTP door's `onError`, the CLI's `main` and the Slack
 * door's replies all map through it, so a failure means the same at every door.
 *
 * - `not_found` 404, exit 2 (also another workspace's case or proposal, so its existence is not revealed);
 * - malformed input (`invalid_argument`, `invalid_operation`, `invalid_request`, `invalid_json`) 400, exit 2;
 * - `invalid_document` 422, exit 2 (well-formed JSON, but not a valid business case);
 * - the request clashes with the current state (`conflict`, `refused`, `not_pending`) 409, exit 1;
 * - `expired` 410, exit 1 (gone for good: propose it again);
 * - `evaluation_error` 422, exit 1 (the document is valid; the figures cannot be computed);
 * - `unauthorized` 401, `forbidden` 403, `method_not_allowed` 405, `payload_too_large` 413, `rate_limited` 429 (with `Retry-After`);
 * - on our side, logged with a reference: `model_unavailable` 502, `unavailable` 503, `internal` 500.
 */
export const ERROR_CATALOGUE: Readonly<Record<ErrorCode, ErrorEntry>> = {
  not_found: { http: 404, exit: 2, logged: false, slack: (w) => (w.subject ? `I cannot find ${w.subject} in this workspace.` : refusal(w)) },
  invalid_argument: { http: 400, exit: 2, logged: false, slack: refusal },
  invalid_operation: { http: 400, exit: 2, logged: false, slack: refusal },
  invalid_document: { http: 422, exit: 2, logged: false, slack: refusal },
  invalid_request: { http: 400, exit: 2, logged: false, slack: refusal },
  invalid_json: { http: 400, exit: 2, logged: false, slack: refusal },
  conflict: { http: 409, exit: 1, logged: false, slack: refusal },
  refused: { http: 409, exit: 1, logged: false, slack: refusal },
  not_pending: { http: 409, exit: 1, logged: false, slack: refusal },
  expired: { http: 410, exit: 1, logged: false, slack: refusal },
  evaluation_error: { http: 422, exit: 1, logged: false, slack: refusal },
  unauthorized: { http: 401, exit: 2, logged: false, slack: refusal },
  forbidden: { http: 403, exit: 1, logged: false, slack: (w) => w.message },
  method_not_allowed: { http: 405, exit: 2, logged: false, slack: refusal },
  payload_too_large: { http: 413, exit: 2, logged: false, slack: refusal },
  rate_limited: { http: 429, exit: 1, logged: false, slack: refusal },
  unavailable: {
    http: 503,
    exit: 1,
    logged: true,
    slack: apology,
    hidden: (reference) => `the service is unavailable (reference ${reference}); try again later`,
  },
  model_unavailable: {
    http: 502,
    exit: 1,
    logged: true,
    slack: (w) =>
      `Sorry, the language model did not answer, so I could not finish that. Nothing was changed; try again in a moment. (reference \`${w.reference}\`)`,
    hidden: (reference) => `the language model did not answer (reference ${reference}); try again later`,
  },
  internal: { http: 500, exit: 1, logged: true, slack: apology, hidden: (reference) => `internal error (reference ${reference})` },
};
