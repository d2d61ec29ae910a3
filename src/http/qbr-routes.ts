import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { CaseRecord } from '../../db/store.ts';
import { findCase, monthOf, type ProposalContext, type ProposalError } from '../proposals/index.ts';
import {
  factsForQuarter,
  getOrDraftQbr,
  parseQbrAudience,
  QBR_AUDIENCES,
  renderQbrChart,
  renderQbrPptx,
  resolveQuarter,
  type QbrAudience,
  type QbrDraftOutcome,
} from '../qbr/index.ts';
import type { AppEnv, Caller } from './app-env.ts';
import type { ResolvedAppOptions } from './app-options.ts';
import { CHAT_TURN_TIMEOUT_MS } from './chat-route.ts';
import { HttpError } from './http-error.ts';
import { outcomeError } from './outcome-status.ts';
import { readJsonBody, readQuery } from './read-request.ts';
import { qbrDraftRequestSchema, qbrQuerySchema } from './request-schemas.ts';
import type { qbrDraftReplySchema } from './response-schemas.ts';

/** The content type of a PowerPoint deck (what `format=pptx` answers with). */
export const PPTX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Longest the drafting of a QBR may take before it is aborted (ms): up to two model calls. */
export const QBR_DRAFT_TIMEOUT_MS = CHAT_TURN_TIMEOUT_MS;

/** The quarter and audience a request names, resolved; a 400 naming the field otherwise. */
function whichDraft(ctx: ProposalContext, input: { quarter?: string | undefined; audience?: string | undefined }): { quarter: string; audience: QbrAudience } {
  const quarter = resolveQuarter(input.quarter, monthOf(ctx.now()));
  if (!quarter.ok) throw new HttpError(400, 'invalid_request', `quarter: ${quarter.error}`, { field: 'quarter' });
  const audience = input.audience === undefined ? 'executive-sponsor' : parseQbrAudience(input.audience);
  if (!audience) throw new HttpError(400, 'invalid_request', `audience: '${input.audience}' is not one of ${QBR_AUDIENCES.join(', ')}`, { field: 'audience' });
  return { quarter: quarter.quarter, audience };
}

/**
 * A failure of `getOrDraftQbr` once the case was found in the caller's workspace: a quarter
 * with no realized month is a 400 naming `quarter`; a case the engine cannot report on (no
 * realization scenario yet) is a 409, not a 404, since the case itself exists.
 */
function draftFailure(error: ProposalError): HttpError {
  if (error.code === 'invalid_argument') return new HttpError(400, 'invalid_request', `quarter: ${error.message}`, { field: 'quarter' });
  if (error.code === 'not_found') return new HttpError(409, 'refused', error.message);
  return outcomeError(error);
}

/** The latest saved draft, or a new one drafted with the door's QBR model and saved. */
async function draft(c: Context<AppEnv>, options: ResolvedAppOptions, ctx: ProposalContext, record: CaseRecord, caller: Caller, which: { quarter: string; audience: QbrAudience }, fresh: boolean): Promise<QbrDraftOutcome> {
  const r = await getOrDraftQbr(ctx, {
    caseId: record.id,
    workspaceId: caller.workspaceId,
    quarter: which.quarter,
    audience: which.audience,
    fresh,
    model: options.qbrModel,
    requestedBy: caller.name,
    // A model that hangs must not hold the request; a client that leaves stops the drafting.
    abortSignal: AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(QBR_DRAFT_TIMEOUT_MS)]),
  });
  if (!r.ok) throw draftFailure(r.error);
  return r.value;
}

/** A saved version (`?version=N`), with whether the engine's figures moved on since. */
function savedVersion(ctx: ProposalContext, record: CaseRecord, which: { quarter: string; audience: QbrAudience }, version: number): QbrDraftOutcome {
  const saved = ctx.store.getQbrDraft({ caseId: record.id, ...which, version });
  if (!saved) throw new HttpError(404, 'not_found', `no QBR draft v${version} for '${record.id}', ${which.quarter}, ${which.audience}`, { field: 'version' });
  const now = factsForQuarter(record.document, which.quarter, monthOf(ctx.now()));
  const stale = !now.ok || JSON.stringify(now.value) !== JSON.stringify(saved.facts);
  return { draft: saved, created: false, stale, missingSections: [], attempts: 0 };
}

/** The JSON answer: the draft, how it was obtained, its grounding. */
function replyBody(record: CaseRecord, outcome: QbrDraftOutcome): z.infer<typeof qbrDraftReplySchema> {
  const d = outcome.draft;
  return {
    caseId: d.caseId,
    businessCase: record.name,
    quarter: d.quarter,
    audience: d.audience,
    version: d.version,
    created: outcome.created,
    stale: outcome.stale,
    grounded: d.grounded,
    unverified: d.unverified,
    missingSections: outcome.missingSections,
    asOf: d.asOf,
    caseVersion: d.caseVersion,
    writer: d.writer,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    markdown: d.markdown,
  };
}

/** `<case>-<quarter>-<audience>-v<n>.<ext>`, safe inside a quoted Content-Disposition filename. */
export function qbrFileName(outcome: Pick<QbrDraftOutcome, 'draft'>, extension: 'md' | 'pptx'): string {
  const d = outcome.draft;
  return `${d.caseId}-${d.quarter}-${d.audience}-v${d.version}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** What the Markdown and the deck carry in headers, since their bodies cannot. */
function draftHeaders(outcome: QbrDraftOutcome): Record<string, string> {
  const d = outcome.draft;
  return {
    'X-QBR-Version': String(d.version),
    'X-QBR-Grounded': String(d.grounded),
    'X-QBR-Stale': String(outcome.stale),
    'X-QBR-Created': String(outcome.created),
  };
}

async function render(c: Context<AppEnv>, record: CaseRecord, outcome: QbrDraftOutcome, format: 'json' | 'md' | 'pptx') {
  const d = outcome.draft;
  if (format === 'md') {
    return c.body(d.markdown, 200, {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `inline; filename="${qbrFileName(outcome, 'md')}"`,
      ...draftHeaders(outcome),
    });
  }
  if (format === 'pptx') {
    const chart = renderQbrChart(record.document, d.facts);
    const deck = await renderQbrPptx({ facts: d.facts, markdown: d.markdown, audience: d.audience, version: d.version, grounded: d.grounded, chart });
    return c.body(new Uint8Array(deck), 200, {
      'Content-Type': PPTX_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${qbrFileName(outcome, 'pptx')}"`,
      'Content-Length': String(deck.length),
      ...draftHeaders(outcome),
    });
  }
  return c.json(replyBody(record, outcome));
}

/**
 * The QBR routes, within the caller's workspace (another workspace's case is 404):
 * - `GET /api/business-cases/:id/qbr?quarter=&audience=&format=json|md|pptx&version=`: the
 *   latest saved draft for the quarter and audience, or (none yet) one drafted from the
 *   engine's facts, checked and saved (`getOrDraftQbr`); `version` returns a saved one.
 *   `json` (default) is the draft with its version and grounding, `md` the Markdown, `pptx`
 *   the slide deck (as an attachment);
 * - `POST /api/business-cases/:id/qbr` `{ quarter?, audience?, redraft? }`: drafts and saves
 *   a new version (201); with `redraft: false`, the saved latest when there is one (200).
 * The writer is `options.qbrModel` (null: the offline template). Saving a draft changes no
 * business data, so no approval is involved; the requester recorded is the token's name.
 */
export function registerQbrRoutes(app: Hono<AppEnv>, options: ResolvedAppOptions, ctx: ProposalContext): void {
  app.get('/api/business-cases/:id/qbr', async (c) => {
    const caller = c.get('caller');
    const query = readQuery(c, qbrQuerySchema);
    const found = findCase(ctx.store, c.req.param('id'), caller.workspaceId);
    if (!found.ok) throw outcomeError(found.error);
    const which = whichDraft(ctx, query);
    const outcome = query.version !== undefined ? savedVersion(ctx, found.value, which, Number(query.version)) : await draft(c, options, ctx, found.value, caller, which, false);
    return render(c, found.value, outcome, query.format ?? 'json');
  });

  app.post('/api/business-cases/:id/qbr', async (c) => {
    const caller = c.get('caller');
    const body = await readJsonBody(c, qbrDraftRequestSchema, { emptyAs: {} });
    const found = findCase(ctx.store, c.req.param('id'), caller.workspaceId);
    if (!found.ok) throw outcomeError(found.error);
    const which = whichDraft(ctx, body);
    const outcome = await draft(c, options, ctx, found.value, caller, which, body.redraft !== false);
    const d = outcome.draft;
    if (!outcome.created) return c.json(replyBody(found.value, outcome), 200);
    const location = `/api/business-cases/${encodeURIComponent(d.caseId)}/qbr?quarter=${d.quarter}&audience=${d.audience}&version=${d.version}`;
    return c.json(replyBody(found.value, outcome), 201, { Location: location });
  });
}
