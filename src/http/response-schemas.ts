import { z } from 'zod';
import { businessCaseSchema } from '../engine/index.ts';
import { proposalViewSchema } from '../app/proposal-view.ts';
import { ERROR_CODES } from '../errors/error-code.ts';
import { PROPOSAL_STATUSES } from '../proposals/proposal-status.ts';
import { QBR_AUDIENCES } from '../qbr/qbr-audience.ts';

/**
 * The shapes the HTTP door answers with, as zod schemas: `openapi.json` is generated from
 * them and the tests check real responses against them, so the description cannot drift
 * from what the server does.
 */

/** Every failure: `{ error: { code, message, field?, path? } }`. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z
      .enum(ERROR_CODES)
      .describe(
        'Machine-readable code, from the one error catalogue: invalid_request, unauthorized, not_found, conflict, refused, not_pending, expired, invalid_document, payload_too_large, model_unavailable, internal...',
      ),
    message: z.string().describe('What went wrong, for the person'),
    field: z.string().optional().describe('The request field at fault'),
    path: z.string().optional().describe('JSON path of the problem inside a submitted document'),
  }),
});

/** `POST /api/chat` (JSON): the answer, the proposals made during the turn, the conversation id. */
export const chatReplySchema = z.object({
  text: z.string().describe("The assistant's answer"),
  proposals: z
    .array(proposalViewSchema)
    .describe('Proposals created in this turn, each with its preview (the view every door renders); nothing changes until one is approved'),
  qbrDrafts: z
    .array(z.lazy(() => qbrDraftReplySchema))
    .describe('QBR drafts this turn drafted or fetched, as saved (the assistant has them by reference: show these)'),
  threadId: z.string().describe('Conversation id: send it back as threadId to continue'),
});

const figures = z.object({
  total: z.number(),
  realizedToDate: z.number().nullable(),
  measuredToDate: z.number().nullable(),
  assumedToDate: z.number().nullable(),
  useCases: z.array(z.object({ id: z.string(), name: z.string(), total: z.number(), realizedToDate: z.number().nullable() })),
});

const previewSchema = z.object({
  op: z.string().describe('Operation name'),
  scenario: z.string().describe('Scenario it changes'),
  asOf: z.string().describe('Month the to-date figures are as of'),
  changes: z.array(z.string()).describe('What changes, line by line'),
  before: figures.nullable().describe('Figures before (null for a new scenario)'),
  after: figures.describe('Figures after'),
});

/** A stored proposal. */
export const proposalSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  operations: z.array(z.looseObject({ op: z.string() })).describe('The operations, applied in order, all or nothing'),
  baseVersion: z.number().int().describe('Business case version the preview was computed against'),
  asOf: z.string(),
  preview: z.array(previewSchema).describe("The engine's preview of each operation"),
  status: z.enum(PROPOSAL_STATUSES),
  proposedBy: z.string(),
  channel: z.string().nullable(),
  thread: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  appliedVersion: z.number().int().nullable(),
});

/** `GET /api/proposals`. */
export const proposalListSchema = z.object({ proposals: z.array(proposalSchema).describe('Pending proposals of the workspace, oldest first') });

const auditSchema = z.object({
  id: z.number().int(),
  caseId: z.string(),
  proposalId: z.string(),
  opIndex: z.number().int(),
  op: z.string(),
  operation: z.unknown(),
  scenario: z.string(),
  proposedBy: z.string(),
  approvedBy: z.string(),
  at: z.string(),
  asOf: z.string(),
  versionBefore: z.number().int(),
  versionAfter: z.number().int(),
  changes: z.array(z.string()),
  before: figures.nullable(),
  after: figures,
});

/** `POST /api/proposals/:id/approve`. */
export const approveReplySchema = z.object({
  proposal: proposalSchema.describe('The proposal, now applied'),
  alreadyApplied: z.boolean().describe('True when it had been applied before: nothing was applied this time'),
  rechecked: z
    .boolean()
    .describe(
      'True when the engine re-checked the proposal instead of applying its stored preview: the case had moved on, or the preview was made under an earlier engine contract',
    ),
  version: z.number().int().describe('The business case version the application produced'),
  audit: z.array(auditSchema).describe('The audit entries of the application'),
  view: proposalViewSchema.describe('The proposal as every door renders it: what the application changed and the figures after it'),
});

/** `POST /api/proposals/:id/reject`. */
export const rejectReplySchema = z.object({
  proposal: proposalSchema.describe('The proposal, now rejected'),
  alreadyRejected: z.boolean().describe('True when it had been rejected before (nothing changed)'),
  view: proposalViewSchema.describe('The proposal as every door renders it'),
});

const caseListing = {
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  customer: z.string(),
  version: z.number().int().describe('Bumped by every applied proposal'),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** A business case in a listing. */
export const caseListingSchema = z.object(caseListing);

/** `GET /api/business-cases`. */
export const caseListSchema = z.object({ businessCases: z.array(caseListingSchema).describe("The workspace's business cases") });

/** `GET /api/business-cases/:id`, `POST /api/business-cases`: the case with its document. */
export const caseSchema = z.object({ ...caseListing, document: businessCaseSchema.describe('The business-case document') });

const money = z.number().nullable();

/** `GET /api/business-cases/:id/summary`: the engine's value summary (the contract's JSON shape). */
export const summarySchema = z.object({
  scenario: z.string(),
  kind: z.enum(['future', 'realization']),
  currency: z.string(),
  asOf: z.string(),
  start: z.string(),
  months: z.number().int(),
  total: z.number(),
  realizedToDate: money,
  measuredToDate: money,
  carriedForwardToDate: money.describe('Part of measuredToDate from months whose metric value was carried forward'),
  assumedToDate: money,
  estimatedToDate: money,
  varianceToDate: z.number().nullable(),
  projectedTotal: money.describe('realizedToDate plus the benefit of the months after asOf'),
  projectedRoi: z.number().nullable(),
  investmentTotal: z.number(),
  investmentToDate: money,
  roi: z.number().nullable(),
  roiToDate: z.number().nullable(),
  benefitMultiple: z.number().nullable(),
  paybackMonth: z.string().nullable(),
  monthly: z.array(
    z.object({
      month: z.string(),
      benefit: z.number(),
      cumulative: z.number(),
      realized: money,
      measured: money,
      carriedForward: money,
      assumed: money,
      estimated: money,
    }),
  ),
  useCases: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      total: z.number(),
      realizedToDate: money,
      measuredToDate: money,
      assumedToDate: money,
      estimatedToDate: money,
      varianceToDate: z.number().nullable(),
      calculations: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          total: z.number(),
          realizedToDate: money,
          tracked: z.boolean(),
          metric: z.string().nullable(),
          lastMeasured: z.string().nullable(),
        }),
      ),
    }),
  ),
});

/** `GET /healthz`. */
export const healthSchema = z.object({ ok: z.literal(true) });

/** `GET` / `POST /api/business-cases/:id/qbr` (JSON): a saved QBR draft, how it was obtained, and its grounding. */
export const qbrDraftReplySchema = z.object({
  caseId: z.string().describe('Business case id'),
  businessCase: z.string().describe('Business case name'),
  quarter: z.string().describe('The quarter, YYYY-Qn'),
  audience: z.enum(QBR_AUDIENCES).describe('Who the draft is written for'),
  version: z.number().int().describe('Draft version (1, 2, ...) for this case, quarter and audience'),
  created: z.boolean().describe('True when this request wrote and saved it; false when it is a saved draft'),
  stale: z.boolean().describe("True when the engine's figures changed since the draft was written: redraft (POST) to bring it up to date"),
  grounded: z.boolean().describe("True when every number in the markdown matches one of the engine's facts"),
  unverified: z.array(z.string()).describe('Numbers, as written, that match no fact; they are marked "⚠ … (unverified)" in the markdown'),
  missingSections: z.array(z.string()).describe('Template sections a newly written draft lacks (empty for a saved one)'),
  asOf: z.string().describe('Month YYYY-MM the figures are as of'),
  caseVersion: z.number().int().describe('The business case version the facts were computed from'),
  writer: z.string().describe('What wrote it: `template` (the offline writer) or `provider:model`'),
  createdBy: z.string().describe('Who asked for it'),
  createdAt: z.string().describe('When it was saved (ISO 8601)'),
  markdown: z.string().describe('The QBR draft in Markdown'),
});

/** `POST /api/business-cases/:id/qbr/check`: every problem the independent claim check found in the draft. */
export const qbrCheckReplySchema = z.object({
  caseId: z.string().describe('Business case id'),
  quarter: z.string().describe('The quarter, YYYY-Qn'),
  asOf: z.string().describe('Month YYYY-MM the facts are as of'),
  clean: z.boolean().describe('True when there is no problem'),
  problems: z
    .array(
      z.object({
        line: z.number().int().describe('1-based line of the figure or word in the markdown'),
        column: z.number().int().describe('1-based column'),
        text: z.string().describe('The figure or word as written'),
        claims: z.string().describe('What its sentence claims it is, e.g. "ROI to date"'),
        problem: z.string().describe('Why it is wrong: the fact it should be, and what the figure is instead'),
      }),
    )
    .describe('In order of position'),
});
