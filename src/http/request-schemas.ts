import { z } from 'zod';
import { isMonth } from '../engine/index.ts';

/** Longest chat message accepted (characters). */
export const MAX_MESSAGE_CHARS = 8_000;
/** Longest rejection reason accepted (characters). */
export const MAX_REASON_CHARS = 2_000;

/**
 * A conversation id chosen by the client (or returned by the first reply): letters, digits
 * and `._:-`, up to 128 characters. useChat's generated chat ids fit.
 */
export const threadIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be 1 to 128 letters, digits or . _ : -')
  .describe('Conversation id: send the one a previous reply returned to continue that conversation; omit to start a new one');

/** `POST /api/chat`, plain form: one message, optionally in an existing conversation. */
export const chatRequestSchema = z
  .strictObject({
    message: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(MAX_MESSAGE_CHARS, `must be at most ${MAX_MESSAGE_CHARS} characters`)
      .describe('What the person says'),
    threadId: threadIdSchema.optional(),
  })
  .describe('A chat message');

const uiPartSchema = z.looseObject({
  type: z.string().describe('Part type; only `text` parts of the last user message are read'),
  text: z.string().optional().describe('The text of a `text` part'),
});

const uiMessageSchema = z.looseObject({
  id: z.string().optional().describe('Message id'),
  role: z.enum(['system', 'user', 'assistant']).describe('Who wrote it'),
  parts: z.array(uiPartSchema).describe('Message parts (ai SDK UIMessage)'),
});

/**
 * `POST /api/chat`, the body ai SDK `useChat` clients send (`DefaultChatTransport`): the chat
 * id and the whole message list. The server keeps the conversation itself (per chat id), so
 * only the text of the last user message is used.
 */
export const uiChatRequestSchema = z
  .looseObject({
    id: threadIdSchema.describe('The useChat chat id: used as the conversation id'),
    messages: z.array(uiMessageSchema).min(1, 'must hold at least one message').describe('The chat so far; the last user message is what is said now'),
    trigger: z.string().optional().describe('useChat trigger (`submit-message`, `regenerate-message`); informational'),
    messageId: z.string().optional().describe('useChat message id; informational'),
  })
  .describe('A useChat request (ai SDK UI messages)');

/** `POST /api/proposals/:id/approve`: no fields (the approver is the token's name). */
export const approveRequestSchema = z.strictObject({}).describe('Empty: the approver is the name of the bearer token');

/** `POST /api/proposals/:id/reject`. */
export const rejectRequestSchema = z
  .strictObject({
    reason: z.string().max(MAX_REASON_CHARS, `must be at most ${MAX_REASON_CHARS} characters`).optional().describe('Why, shown to whoever proposed it'),
  })
  .describe('The rejection (the rejecter is the name of the bearer token)');

/** `GET /api/proposals` query. */
export const proposalsQuerySchema = z.strictObject({
  caseId: z.string().min(1).optional().describe('Only proposals on this business case'),
});

/** `GET /api/business-cases/:id/summary` query. */
export const summaryQuerySchema = z.strictObject({
  asOf: z.string().refine(isMonth, 'must be a month YYYY-MM').optional().describe('Month YYYY-MM the to-date figures are as of; default: the current month'),
  scenario: z.string().min(1).optional().describe('Scenario id; default: the realization scenario, else the first'),
  compare: z.string().min(1).optional().describe("Future scenario id to compare with; default: the realization scenario's basedOn; `none` for no comparison"),
});

/** The formats `GET /api/business-cases/:id/qbr` answers in. */
export const QBR_FORMATS = ['json', 'md', 'pptx'] as const;

const qbrQuarterField = z
  .string()
  .min(1, 'must not be empty')
  .describe('The quarter: `2026-Q1` (also `Q1 2026`, `Q1`, `last quarter`, `this quarter`); default: the last completed quarter');
const qbrAudienceField = z
  .string()
  .min(1, 'must not be empty')
  .describe('Who reads it: `executive-sponsor`, `finance` or `champion` (also `exec`, `CFO`, ...); default `executive-sponsor`');

/** `GET /api/business-cases/:id/qbr` query. */
export const qbrQuerySchema = z.strictObject({
  quarter: qbrQuarterField.optional(),
  audience: qbrAudienceField.optional(),
  format: z.enum(QBR_FORMATS).optional().describe('`json` (default: the draft with its version and grounding), `md` (the Markdown) or `pptx` (the slide deck)'),
  version: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'must be a version number (1, 2, ...)')
    .optional()
    .describe('A saved version to return; default: the latest (drafted and saved when there is none)'),
  estimate: z
    .enum(['show', 'hide'])
    .optional()
    .describe(
      "With `format=pptx`: `hide` leaves the business case's estimate off the chart (for a customer who should see only realized and projected); default `show`",
    ),
});

/** `POST /api/business-cases/:id/qbr` body. */
export const qbrDraftRequestSchema = z
  .strictObject({
    quarter: qbrQuarterField.optional(),
    audience: qbrAudienceField.optional(),
    redraft: z
      .boolean()
      .optional()
      .describe('Default true: write and save a new version even when one exists. False: return the latest saved draft when there is one'),
  })
  .describe('Which QBR draft to write (an empty body: the last completed quarter, for the executive sponsor)');

/** `POST /api/business-cases/:id/qbr/check` body: a draft's text to check against the engine's facts. */
export const qbrCheckRequestSchema = z.strictObject({
  markdown: z.string().min(1, 'must not be empty').describe('The QBR draft in Markdown (e.g. a saved draft edited by hand)'),
  quarter: qbrQuarterField.optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
    .optional()
    .describe('Month YYYY-MM the figures are as of; default: this month (a past quarter is reported to its end)'),
});
