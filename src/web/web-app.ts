import { randomBytes } from 'node:crypto';
import type { LanguageModel } from 'ai';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppContext } from '../app/app-context.ts';
import { approveProposal } from '../app/approve-proposal.ts';
import { authenticateToken, type TokenHolder } from '../app/authenticate-token.ts';
import { caseActivity, measurementHistory, qbrVersions } from '../app/case-activity.ts';
import { findCase } from '../app/find-case.ts';
import { proposeMeasurementsFromCsv } from '../app/import-measurements.ts';
import { listCases } from '../app/list-cases.ts';
import { pendingProposals } from '../app/pending-proposals.ts';
import { proposalView, type ProposalView } from '../app/proposal-view.ts';
import { proposeCellEdit } from '../app/propose-cell-edit.ts';
import { proposeMonthValues } from '../app/propose-month-values.ts';
import { qbrDraft } from '../app/qbr-draft.ts';
import { qbrFileName } from '../app/qbr-file-name.ts';
import { rejectProposal } from '../app/reject-proposal.ts';
import { clampToWindow, realizationOf, trackedMetrics, windowMonths } from '../app/realization-scenario.ts';
import { renderQbrDeck } from '../app/render-qbr-deck.ts';
import type { CaseRecord } from '../app/store.ts';
import { viewProposal } from '../app/view-proposal.ts';
import { summarize } from '../engine/index.ts';
import { type AppError, errorReference, redactSecrets } from '../errors/index.ts';
import { monthOf } from '../proposals/proposal-context.ts';
import { parseQbrAudience, QBR_AUDIENCES } from '../qbr/qbr-audience.ts';
import { resolveQuarter } from '../qbr/resolve-quarter.ts';
import { measurementGrid } from './case-model.ts';
import { CLIENT_JS } from './client-script.ts';
import { html, type SafeHtml } from './html.ts';
import { type CaseTab, casePath, errorPage, errorSentence, page } from './layout.ts';
import { historyBody, measurementsBody, tableBody } from './measure-pages.ts';
import { proposalCard } from './proposal-card.ts';
import { csrfMatches, SESSION_COOKIE, SessionStore, type WebSession } from './session.ts';
import { STYLES_CSS } from './styles.ts';
import { casesBody, signInBody, summaryBody } from './summary-page.ts';
import { chatBody, proposalsBody, qbrBody, qbrViewBody } from './work-pages.ts';

/** What the web door runs with: the app's context and models, and the API it forwards the chat stream to. */
export interface WebOptions {
  ctx: AppContext;
  qbrModel: LanguageModel | null;
  /** Largest form or upload accepted (bytes). */
  maxBodyBytes: number;
  /** The app's own `fetch`: the chat panel's stream is `POST /api/chat`, called as the signed-in token. */
  api: (request: Request) => Response | Promise<Response>;
  /** The browser sessions (in memory); tests pass their own to look inside. */
  sessions?: SessionStore;
  /** Where a page that failed unexpectedly is logged (redacted); default `console.error`. */
  log?: (line: string) => void;
  /** Exact strings never to write to the log. */
  secrets?: readonly string[];
}

/** Headers on every page: no caching of figures, no framing, scripts and styles only from this server. */
const PAGE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

/** A signed-in request's session and who it is. */
interface SignedIn {
  session: WebSession;
  holder: TokenHolder;
}

/** A local path to come back to after a form (never another site). */
function safeBack(text: unknown, fallback: string): string {
  return typeof text === 'string' && /^\/(?!\/)[^\s\\]*$/.test(text) ? text : fallback;
}

/**
 * Why a form proposed nothing, as the flash says it after "Nothing was proposed: ": the app's
 * sentence about the form field at fault as it is, the workflow's refusal with its kind.
 */
const formError = (error: AppError): string => (error.field ? error.message : errorSentence(error));

const field = (body: Record<string, unknown>, name: string): string => {
  const v = body[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
};

/**
 * The web workspace (issue 13), served by the same server at `/`: server-rendered pages over
 * the application functions every door uses, one small script, sessions signed in with a
 * workspace token. Mounted by `createApp`; everything it serves is outside `/api/`.
 */
export function webApp(options: WebOptions): Hono {
  const { ctx } = options;
  const sessions = options.sessions ?? new SessionStore();
  const web = new Hono();
  const limit = bodyLimit({
    maxSize: options.maxBodyBytes,
    onError: (c) => c.html(`the request body is larger than ${options.maxBodyBytes} bytes`, 413),
  });

  const send = (c: Context, body: SafeHtml | string, status = 200, extra: Record<string, string> = {}): Response =>
    c.body(String(body), status as 200, { ...PAGE_HEADERS, ...extra });

  const cookieOf = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);
  const writeCookie = (c: Context, session: WebSession): void =>
    setCookie(c, SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'Strict', path: '/', secure: new URL(c.req.url).protocol === 'https:' });

  /** The signed-in session, its token still valid (a revoked token ends it), or null. */
  const signedIn = (c: Context): SignedIn | null => {
    const session = sessions.get(cookieOf(c));
    if (!session?.holder || !session.token) return null;
    const check = authenticateToken(ctx.store, session.token);
    if (!check.ok) {
      sessions.end(session.id);
      return null;
    }
    return { session, holder: session.holder };
  };

  const takeFlash = (s: WebSession) => {
    const f = s.flash;
    s.flash = null;
    return f;
  };

  const redirect = (c: Context, to: string, s?: WebSession, flash?: { kind: 'ok' | 'error'; text: string }): Response => {
    if (s && flash) s.flash = flash;
    return c.redirect(to, 303);
  };

  const failPage = (c: Context, who: SignedIn | null, error: AppError): Response => {
    const { body, status } = errorPage({ holder: who?.holder ?? null, csrf: who?.session.csrf ?? '' }, error);
    return send(c, body, status);
  };

  /** A GET page that needs a session; otherwise to the sign-in form. */
  const gate = (handler: (c: Context, who: SignedIn) => Response | Promise<Response>) => async (c: Context) => {
    const who = signedIn(c);
    if (!who) return c.redirect('/sign-in', 303);
    return handler(c, who);
  };

  /**
   * A state-changing request: signed in, same origin, and carrying the session's CSRF token
   * (form field `_csrf` or header `X-CSRF-Token`); anything else is refused with 403 and
   * changes nothing.
   */
  const guarded = (handler: (c: Context, who: SignedIn, body: Record<string, unknown>) => Response | Promise<Response>) => async (c: Context) => {
    const who = signedIn(c);
    if (!who)
      return failPage(c, null, { code: 'unauthorized', message: 'your session has ended (signed out, expired or the token was revoked): sign in again' });
    const origin = c.req.header('origin');
    const type = c.req.header('content-type') ?? '';
    const body: Record<string, unknown> =
      type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data') ? await c.req.parseBody({ all: true }) : {};
    const submitted = c.req.header('x-csrf-token') ?? field(body, '_csrf');
    if ((origin && origin !== new URL(c.req.url).origin) || !csrfMatches(who.session, submitted)) {
      return failPage(c, who, {
        code: 'forbidden',
        message: 'the request did not carry this session’s CSRF token (a stale page, or a form from another site): reload the page and try again',
      });
    }
    return handler(c, who, body);
  };

  /** The case a page is about, in the signed-in workspace, with its pending proposals as views. */
  const caseFor = (c: Context, who: SignedIn): { record: CaseRecord; pending: ProposalView[] } | AppError => {
    const found = findCase(ctx.store, c.req.param('id')!, who.holder.workspaceId);
    if (!found.ok) return found.error;
    const listed = pendingProposals(ctx, { workspaceId: who.holder.workspaceId, caseId: found.value.id });
    const pending = listed.ok ? listed.value.map((p) => proposalView(p, found.value)) : [];
    return { record: found.value, pending };
  };

  const casePage = (c: Context, who: SignedIn, record: CaseRecord, pending: number, tab: CaseTab, title: string, body: SafeHtml, status = 200) =>
    send(
      c,
      page({
        title: `${title} · ${record.name}`,
        holder: who.holder,
        csrf: who.session.csrf,
        flash: takeFlash(who.session),
        nav: { caseId: record.id, name: record.name, customer: record.customer, tab, pending },
        body,
      }),
      status,
    );

  // Static: the style sheet and the one script.
  web.get('/web/app.css', (c) => c.body(STYLES_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-cache' }));
  web.get('/web/app.js', (c) => c.body(CLIENT_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }));

  web.get('/', (c) => c.redirect(signedIn(c) ? '/cases' : '/sign-in', 303));

  web.get('/sign-in', (c) => {
    if (signedIn(c)) return c.redirect('/cases', 303);
    const session = sessions.get(cookieOf(c)) ?? sessions.create();
    writeCookie(c, session);
    const out = c.req.query('out') === '1';
    return send(
      c,
      page({
        title: 'Sign in',
        holder: null,
        csrf: session.csrf,
        flash: out ? { kind: 'ok', text: 'You are signed out.' } : null,
        body: signInBody(session.csrf, null),
      }),
    );
  });

  web.post('/sign-in', limit, async (c) => {
    const anon = sessions.get(cookieOf(c));
    const body = await c.req.parseBody();
    const origin = c.req.header('origin');
    if (!anon || (origin && origin !== new URL(c.req.url).origin) || !csrfMatches(anon, field(body, '_csrf'))) {
      const fresh = sessions.create();
      writeCookie(c, fresh);
      const text = 'the sign-in form was out of date or came from another site (CSRF check failed): try again';
      return send(c, page({ title: 'Sign in', holder: null, csrf: fresh.csrf, body: signInBody(fresh.csrf, text) }), 403);
    }
    const token = field(body, 'token');
    const check = authenticateToken(ctx.store, token);
    if (!check.ok) return send(c, page({ title: 'Sign in', holder: null, csrf: anon.csrf, body: signInBody(anon.csrf, errorSentence(check.error)) }), 401);
    // A new id once signed in, so an id known before sign-in is worth nothing after it.
    sessions.end(anon.id);
    const session = sessions.create(check.value, token.trim());
    writeCookie(c, session);
    return c.redirect('/cases', 303);
  });

  web.post(
    '/sign-out',
    limit,
    guarded((c, who) => {
      sessions.end(who.session.id);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.redirect('/sign-in?out=1', 303);
    }),
  );

  web.get(
    '/cases',
    gate((c, who) =>
      send(
        c,
        page({
          title: 'Business cases',
          holder: who.holder,
          csrf: who.session.csrf,
          flash: takeFlash(who.session),
          body: casesBody(listCases(ctx, who.holder.workspaceId)),
        }),
      ),
    ),
  );

  web.get(
    '/cases/:id',
    gate((c, who) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      const { record, pending } = found;
      const doc = record.document;
      const summary = summarize(doc, { asOf: monthOf(ctx.now()) });
      if (!summary.ok) return failPage(c, who, summary.error);
      const real = realizationOf(doc);
      const estimateName = real?.basedOn ? (doc.scenarios.find((s) => s.id === real.basedOn)?.name ?? null) : null;
      return casePage(c, who, record, pending.length, 'summary', 'Value Summary', summaryBody(record, summary.value, estimateName));
    }),
  );

  web.get(
    '/cases/:id/table',
    gate((c, who) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      const { record, pending } = found;
      const scenario = realizationOf(record.document);
      if (!scenario)
        return failPage(c, who, { code: 'refused', message: `'${record.name}' has no realization scenario yet: start tracking realization in the chat first` });
      const wanted = c.req.query('useCase');
      const useCase = wanted === undefined ? scenario.useCases[0] : scenario.useCases.find((u) => u.id === wanted);
      if (!useCase) {
        return failPage(c, who, {
          code: 'not_found',
          message: `no use case '${wanted ?? ''}' in ${scenario.name} (use cases: ${scenario.useCases.map((u) => u.id).join(', ')})`,
          field: 'useCase',
        });
      }
      const asOf = monthOf(ctx.now());
      const grid = measurementGrid(scenario, useCase, asOf);
      return casePage(c, who, record, pending.length, 'table', 'Measurement table', tableBody(record, grid, pending, who.session.csrf, asOf));
    }),
  );

  web.post(
    '/cases/:id/cells',
    limit,
    guarded((c, who, body) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      const { record } = found;
      const useCaseId = field(body, 'useCase');
      const back = casePath(record.id, `/table?useCase=${encodeURIComponent(useCaseId)}`);
      const fail = (message: string) => redirect(c, back, who.session, { kind: 'error', text: `Nothing was proposed: ${message}` });
      const r = proposeCellEdit(ctx, {
        caseId: record.id,
        workspaceId: who.holder.workspaceId,
        useCase: useCaseId,
        input: field(body, 'input'),
        month: field(body, 'month'),
        value: field(body, 'value'),
        note: field(body, 'note'),
        evidence: field(body, 'evidence'),
        source: field(body, 'source'),
        proposedBy: who.holder.name,
        channel: 'web',
      });
      if (!r.ok) return fail(formError(r.error));
      return redirect(c, back, who.session, {
        kind: 'ok',
        text: `Proposed ${r.value.view.changes.join('; ')}: proposal ${r.value.proposal.id} waits for approval (below).`,
      });
    }),
  );

  web.get(
    '/cases/:id/measurements',
    gate((c, who) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      const { record, pending } = found;
      const scenario = realizationOf(record.document);
      if (!scenario)
        return failPage(c, who, { code: 'refused', message: `'${record.name}' has no realization scenario yet: start tracking realization in the chat first` });
      const months = windowMonths(scenario);
      const asked = c.req.query('month');
      if (asked !== undefined && !months.includes(asked)) {
        return failPage(c, who, {
          code: 'invalid_request',
          message: `month '${asked}' is not in ${scenario.name}'s window (${months[0]} to ${months.at(-1)})`,
          field: 'month',
        });
      }
      const month = asked ?? clampToWindow(monthOf(ctx.now()), months);
      return casePage(
        c,
        who,
        record,
        pending.length,
        'measurements',
        'Measurements',
        measurementsBody(record, scenario, months, month, trackedMetrics(scenario), pending, who.session.csrf),
      );
    }),
  );

  web.post(
    '/cases/:id/measurements',
    limit,
    guarded((c, who, body) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      const { record } = found;
      const month = field(body, 'month');
      const back = casePath(record.id, `/measurements?month=${encodeURIComponent(month)}`);
      const fail = (message: string) => redirect(c, back, who.session, { kind: 'error', text: `Nothing was proposed: ${message}` });
      const keys = ([] as unknown[]).concat(body.key ?? []).map(String);
      const values = ([] as unknown[]).concat(body.value ?? []).map(String);
      const r = proposeMonthValues(ctx, {
        caseId: record.id,
        workspaceId: who.holder.workspaceId,
        month,
        values: keys.map((key, i) => ({ key, value: values[i] ?? '' })),
        note: field(body, 'note'),
        proposedBy: who.holder.name,
        channel: 'web',
      });
      if (!r.ok) return fail(formError(r.error));
      return redirect(c, back, who.session, {
        kind: 'ok',
        text: `Proposed ${r.value.measurements} measurement${r.value.measurements === 1 ? '' : 's'} as proposal ${r.value.proposal.id}: it waits for approval (below).`,
      });
    }),
  );

  web.post(
    '/cases/:id/import',
    limit,
    guarded(async (c, who, body) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      const { record } = found;
      const back = casePath(record.id, '/measurements');
      const file = body.file instanceof File ? body.file : Array.isArray(body.file) && body.file[0] instanceof File ? body.file[0] : null;
      if (!file || file.size === 0)
        return redirect(c, back, who.session, { kind: 'error', text: 'Nothing was proposed: choose a CSV file first (the file field was empty).' });
      const r = proposeMeasurementsFromCsv(ctx, {
        caseId: record.id,
        workspaceId: who.holder.workspaceId,
        csv: new Uint8Array(await file.arrayBuffer()),
        actor: who.holder.name,
        source: file.name || 'upload.csv',
        channel: 'web',
      });
      if (!r.ok) return redirect(c, back, who.session, { kind: 'error', text: `${file.name}: ${r.error.message}` });
      const v = r.value;
      return redirect(c, back, who.session, {
        kind: 'ok',
        text: `${file.name}: ${v.measurements} measurement${v.measurements === 1 ? '' : 's'} proposed as proposal ${v.proposalId}${v.existing ? ' (the same file was already pending)' : ''}: it waits for approval (below).`,
      });
    }),
  );

  web.get(
    '/cases/:id/history',
    gate((c, who) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      const { record, pending } = found;
      const useCase = c.req.query('useCase');
      const input = c.req.query('input');
      const r = measurementHistory(ctx, {
        caseId: record.id,
        workspaceId: who.holder.workspaceId,
        ...(useCase ? { useCase } : {}),
        ...(input ? { input } : {}),
        ...(c.req.query('month') ? { month: c.req.query('month')! } : {}),
      });
      if (!r.ok) return failPage(c, who, r.error);
      const real = realizationOf(record.document);
      const label = real?.useCases.find((u) => u.id === useCase)?.inputs.find((i) => i.key === input)?.label ?? input ?? 'every measurement';
      const back = casePath(record.id, useCase ? `/table?useCase=${encodeURIComponent(useCase)}` : '/table');
      return casePage(c, who, record, pending.length, 'table', 'History', historyBody(record, label, r.value.rows, back));
    }),
  );

  web.get(
    '/cases/:id/proposals',
    gate((c, who) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      const { record, pending } = found;
      const activity = caseActivity(ctx, record.id, who.holder.workspaceId);
      if (!activity.ok) return failPage(c, who, activity.error);
      return casePage(c, who, record, pending.length, 'proposals', 'Proposals', proposalsBody(record, pending, activity.value, who.session.csrf));
    }),
  );

  /** Approve or reject: back to the page with a message, or (posted in place from a chat card) the card's new HTML. */
  const decide = (kind: 'approve' | 'reject') =>
    guarded((c, who, body) => {
      const id = c.req.param('id')!;
      const inline = c.req.header('x-fragment') === '1';
      const r =
        kind === 'approve'
          ? approveProposal(ctx, { proposalId: id, approvedBy: who.holder.name, workspaceId: who.holder.workspaceId })
          : rejectProposal(ctx, {
              proposalId: id,
              rejectedBy: who.holder.name,
              workspaceId: who.holder.workspaceId,
              ...(field(body, 'reason').trim() ? { reason: field(body, 'reason').trim().slice(0, 2000) } : {}),
            });
      const back = safeBack(field(body, 'back'), '/cases');
      if (inline) {
        if (r.ok) return send(c, proposalCard(r.value.view, { csrf: who.session.csrf, back, inline: true }));
        const again = viewProposal(ctx.store, id, who.holder.workspaceId);
        const card = again.ok ? proposalCard(again.value, { csrf: who.session.csrf, back, inline: true }) : '';
        return send(c, html`<div data-card><p class="flash flash-error" role="alert">${errorSentence(r.error)}</p>${card}</div>`, 409);
      }
      if (!r.ok) return redirect(c, back, who.session, { kind: 'error', text: errorSentence(r.error) });
      const v = r.value.view;
      const text =
        kind === 'reject'
          ? `Rejected proposal ${id}${v.reason ? `: ${v.reason}` : ''}.`
          : v.status === 'applied'
            ? `Approved proposal ${id}: applied as version ${v.appliedVersion}.`
            : `Proposal ${id} was not applied: ${v.status}${v.reason ? ` (${v.reason})` : ''}.`;
      return redirect(c, back, who.session, { kind: v.status === 'refused' ? 'error' : 'ok', text });
    });
  web.post('/proposals/:id/approve', limit, decide('approve'));
  web.post('/proposals/:id/reject', limit, decide('reject'));

  web.get('/proposals/:id/card', (c) => {
    const who = signedIn(c);
    if (!who) return c.text('your session has ended: sign in again', 401);
    const r = viewProposal(ctx.store, c.req.param('id'), who.holder.workspaceId);
    if (!r.ok) return c.text(errorSentence(r.error), 404);
    const back = safeBack(c.req.query('back'), casePath(r.value.caseId, '/chat'));
    return send(c, proposalCard(r.value, { csrf: who.session.csrf, back, inline: true, showCase: true }));
  });

  web.get(
    '/cases/:id/qbr',
    gate((c, who) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      const { record, pending } = found;
      const r = qbrVersions(ctx, record.id, who.holder.workspaceId);
      if (!r.ok) return failPage(c, who, r.error);
      const quarter = resolveQuarter(undefined, monthOf(ctx.now()));
      return casePage(
        c,
        who,
        record,
        pending.length,
        'qbr',
        'QBR drafts',
        qbrBody(record, r.value.drafts, QBR_AUDIENCES, quarter.ok ? quarter.value : '', who.session.csrf),
      );
    }),
  );

  web.post(
    '/cases/:id/qbr',
    limit,
    guarded(async (c, who, body) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      const { record } = found;
      const back = casePath(record.id, '/qbr');
      const quarter = resolveQuarter(field(body, 'quarter') || undefined, monthOf(ctx.now()));
      if (!quarter.ok) return redirect(c, back, who.session, { kind: 'error', text: `Quarter: ${quarter.error.message}` });
      const audience = parseQbrAudience(field(body, 'audience') || 'executive-sponsor');
      if (!audience)
        return redirect(c, back, who.session, { kind: 'error', text: `Audience: '${field(body, 'audience')}' is not one of ${QBR_AUDIENCES.join(', ')}` });
      const r = await qbrDraft(ctx, {
        caseId: record.id,
        workspaceId: who.holder.workspaceId,
        quarter: quarter.value,
        audience,
        fresh: true,
        model: options.qbrModel,
        requestedBy: who.holder.name,
        abortSignal: AbortSignal.timeout(120_000),
      });
      if (!r.ok) return redirect(c, back, who.session, { kind: 'error', text: errorSentence(r.error) });
      const d = r.value.outcome.draft;
      return redirect(c, `${back}/view?quarter=${d.quarter}&audience=${d.audience}&version=${d.version}`, who.session, {
        kind: 'ok',
        text: `Drafted ${d.quarter} for ${d.audience}: version ${d.version}.`,
      });
    }),
  );

  /** The saved draft a view or download names, or the error as a page. */
  const savedDraft = async (c: Context, who: SignedIn) => {
    const quarter = c.req.query('quarter') ?? '';
    const audience = parseQbrAudience(c.req.query('audience') ?? '');
    const version = Number(c.req.query('version'));
    if (!audience) return { code: 'invalid_request', message: `audience must be one of ${QBR_AUDIENCES.join(', ')}`, field: 'audience' } as AppError;
    if (!Number.isInteger(version) || version < 1)
      return { code: 'invalid_request', message: 'version must be a whole number from 1', field: 'version' } as AppError;
    const r = await qbrDraft(ctx, {
      caseId: c.req.param('id')!,
      workspaceId: who.holder.workspaceId,
      quarter,
      audience,
      version,
      model: null,
      requestedBy: who.holder.name,
    });
    return r.ok ? r.value : r.error;
  };

  web.get(
    '/cases/:id/qbr/view',
    gate(async (c, who) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      const view = await savedDraft(c, who);
      if ('code' in view) return failPage(c, who, view);
      const d = view.outcome.draft;
      const all = qbrVersions(ctx, found.record.id, who.holder.workspaceId);
      const versions = all.ok
        ? all.value.drafts.filter((x) => x.quarter === d.quarter && x.audience === d.audience).sort((a, b) => a.version - b.version)
        : [d];
      return casePage(c, who, found.record, found.pending.length, 'qbr', `QBR ${d.quarter}`, qbrViewBody(found.record, d, versions, view.outcome.stale));
    }),
  );

  web.get(
    '/cases/:id/qbr/download',
    gate(async (c, who) => {
      const view = await savedDraft(c, who);
      if ('code' in view) return failPage(c, who, view);
      const d = view.outcome.draft;
      const format = c.req.query('format');
      if (format === 'md') {
        return c.body(d.markdown, 200, {
          'Content-Type': 'text/markdown; charset=utf-8',
          'Content-Disposition': `attachment; filename="${qbrFileName(view.record, d, 'md')}"`,
        });
      }
      if (format !== 'pptx') return failPage(c, who, { code: 'invalid_request', message: `format must be md or pptx, not '${format ?? ''}'`, field: 'format' });
      const deck = await renderQbrDeck(view.record, d);
      return c.body(new Uint8Array(deck), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        'Content-Disposition': `attachment; filename="${qbrFileName(view.record, d, 'pptx')}"`,
        'Content-Length': String(deck.length),
      });
    }),
  );

  web.get(
    '/cases/:id/chat',
    gate((c, who) => {
      const found = caseFor(c, who);
      if ('code' in found) return failPage(c, who, found);
      return casePage(c, who, found.record, found.pending.length, 'chat', 'Chat', chatBody(found.record, `web-${randomBytes(12).toString('hex')}`));
    }),
  );

  /**
   * The chat panel's stream: `POST /api/chat` itself (the UI message stream every useChat
   * client gets), called with the session's token after the session's own checks, so the
   * browser never holds the token and the API keeps one chat route.
   */
  web.post(
    '/web/api/chat',
    limit,
    guarded(async (c, who) => {
      const body = await c.req.text();
      const url = new URL('/api/chat', c.req.url);
      return options.api(
        new Request(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${who.session.token}`, 'content-type': 'application/json', accept: 'text/event-stream' },
          body,
          signal: c.req.raw.signal,
        }),
      );
    }),
  );

  // A page path that does not exist gets a page saying so (the API keeps its JSON 404).
  for (const path of ['/cases/*', '/proposals/*', '/web/*']) {
    web.get(path, (c) => {
      const who = signedIn(c);
      if (!who) return c.redirect('/sign-in', 303);
      return failPage(c, who, { code: 'not_found', message: `there is no page ${c.req.path}` });
    });
  }

  web.onError((error, c) => {
    const who = signedIn(c);
    const reference = errorReference();
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    (options.log ?? ((line) => console.error(line)))(
      redactSecrets(`web: ${c.req.method} ${c.req.path} failed (reference ${reference}): ${detail}`, options.secrets ?? []),
    );
    return failPage(c, who, { code: 'internal', message: `the page could not be drawn; try again, or report reference ${reference}` });
  });
  return web;
}
