import type { Context, Hono } from 'hono';
import type { AppContext } from '../app/app-context.ts';
import { qbrDraft, type QbrDraftView } from '../app/qbr-draft.ts';
import { qbrFileName } from '../app/qbr-file-name.ts';
import { renderQbrDeck, type QbrDeckOptions } from '../app/render-qbr-deck.ts';
import { monthOf } from '../proposals/proposal-context.ts';
import { parseQbrAudience, QBR_AUDIENCES, type QbrAudience } from '../qbr/qbr-audience.ts';
import { resolveQuarter } from '../qbr/resolve-quarter.ts';
import type { AppEnv, Caller } from './app-env.ts';
import type { ResolvedAppOptions } from './app-options.ts';
import { CHAT_TURN_TIMEOUT_MS } from './chat-route.ts';
import { HttpError } from './http-error.ts';
import { readJsonBody, readQuery } from './read-request.ts';
import { qbrDraftRequestSchema, qbrQuerySchema } from './request-schemas.ts';
import { qbrDraftBody } from './qbr-draft-body.ts';

/** The content type of a PowerPoint deck (what `format=pptx` answers with). */
export const PPTX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Longest the drafting of a QBR may take before it is aborted (ms): up to two model calls. */
export const QBR_DRAFT_TIMEOUT_MS = CHAT_TURN_TIMEOUT_MS;

/** The quarter and audience a request names, resolved; a 400 naming the field otherwise. */
function whichDraft(ctx: AppContext, input: { quarter?: string | undefined; audience?: string | undefined }): { quarter: string; audience: QbrAudience } {
  const quarter = resolveQuarter(input.quarter, monthOf(ctx.now()));
  if (!quarter.ok) throw new HttpError('invalid_request', `quarter: ${quarter.error.message}`, { field: 'quarter' });
  const audience = input.audience === undefined ? 'executive-sponsor' : parseQbrAudience(input.audience);
  if (!audience) throw new HttpError('invalid_request', `audience: '${input.audience}' is not one of ${QBR_AUDIENCES.join(', ')}`, { field: 'audience' });
  return { quarter: quarter.value, audience };
}

/** The draft asked for (a saved version, the saved latest, or a new one drafted with the door's QBR model), or the failure as the door answers it. */
async function draft(
  c: Context<AppEnv>,
  options: ResolvedAppOptions,
  ctx: AppContext,
  caller: Caller,
  which: { quarter: string; audience: QbrAudience },
  ask: { version?: number; fresh: boolean },
): Promise<QbrDraftView> {
  const r = await qbrDraft(ctx, {
    caseId: c.req.param('id')!,
    workspaceId: caller.workspaceId,
    ...which,
    ...(ask.version !== undefined ? { version: ask.version } : {}),
    fresh: ask.fresh,
    model: options.qbrModel,
    requestedBy: caller.name,
    // A model that hangs must not hold the request; a client that leaves stops the drafting.
    abortSignal: AbortSignal.any([c.req.raw.signal, AbortSignal.timeout(QBR_DRAFT_TIMEOUT_MS)]),
  });
  if (!r.ok) throw HttpError.from(r.error);
  return r.value;
}

/** What the Markdown and the deck carry in headers, since their bodies cannot. */
function draftHeaders(outcome: QbrDraftView['outcome']): Record<string, string> {
  const d = outcome.draft;
  return {
    'X-QBR-Version': String(d.version),
    'X-QBR-Grounded': String(d.grounded),
    'X-QBR-Stale': String(outcome.stale),
    'X-QBR-Created': String(outcome.created),
  };
}

async function render(c: Context<AppEnv>, view: QbrDraftView, format: 'json' | 'md' | 'pptx', deckOptions: QbrDeckOptions = {}) {
  const { record, outcome } = view;
  const d = outcome.draft;
  if (format === 'md') {
    return c.body(d.markdown, 200, {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `inline; filename="${qbrFileName(record, d, 'md')}"`,
      ...draftHeaders(outcome),
    });
  }
  if (format === 'pptx') {
    const deck = await renderQbrDeck(record, d, deckOptions);
    return c.body(new Uint8Array(deck), 200, {
      'Content-Type': PPTX_CONTENT_TYPE,
      'Content-Disposition': `attachment; filename="${qbrFileName(record, d, 'pptx')}"`,
      'Content-Length': String(deck.length),
      ...draftHeaders(outcome),
    });
  }
  return c.json(qbrDraftBody(view));
}

/**
 * The QBR routes, within the caller's workspace (another workspace's case is 404):
 * - `GET /api/business-cases/:id/qbr?quarter=&audience=&format=json|md|pptx&version=&estimate=`: the
 *   latest saved draft for the quarter and audience, or (none yet) one drafted from the
 *   engine's facts, checked and saved (`getOrDraftQbr`); `version` returns a saved one.
 *   `json` (default) is the draft with its version and grounding, `md` the Markdown, `pptx`
 *   the slide deck (as an attachment; `estimate=hide` leaves the estimate off its chart);
 * - `POST /api/business-cases/:id/qbr` `{ quarter?, audience?, redraft? }`: drafts and saves
 *   a new version (201); with `redraft: false`, the saved latest when there is one (200).
 * The writer is `options.qbrModel` (null: the offline template). Saving a draft changes no
 * business data, so no approval is involved; the requester recorded is the token's name.
 */
export function registerQbrRoutes(app: Hono<AppEnv>, options: ResolvedAppOptions, ctx: AppContext): void {
  app.get('/api/business-cases/:id/qbr', async (c) => {
    const query = readQuery(c, qbrQuerySchema);
    const which = whichDraft(ctx, query);
    const view = await draft(c, options, ctx, c.get('caller'), which, {
      ...(query.version !== undefined ? { version: Number(query.version) } : {}),
      fresh: false,
    });
    return render(c, view, query.format ?? 'json', { showEstimate: query.estimate !== 'hide' });
  });

  app.post('/api/business-cases/:id/qbr', async (c) => {
    const body = await readJsonBody(c, qbrDraftRequestSchema, { emptyAs: {} });
    const which = whichDraft(ctx, body);
    const view = await draft(c, options, ctx, c.get('caller'), which, { fresh: body.redraft !== false });
    const d = view.outcome.draft;
    if (!view.outcome.created) return c.json(qbrDraftBody(view), 200);
    const location = `/api/business-cases/${encodeURIComponent(view.record.id)}/qbr?quarter=${d.quarter}&audience=${d.audience}&version=${d.version}`;
    return c.json(qbrDraftBody(view), 201, { Location: location });
  });
}
