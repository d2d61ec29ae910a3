import type { TokenHolder } from '../app/authenticate-token.ts';
import { ERROR_CATALOGUE, type AppError } from '../errors/index.ts';
import { html, type SafeHtml } from './html.ts';
import type { Flash } from './session.ts';

/** The case pages' tabs, in order. */
export const CASE_TABS = [
  ['summary', 'Value Summary', ''],
  ['table', 'Measurement table', '/table'],
  ['measurements', 'Measurements', '/measurements'],
  ['proposals', 'Proposals', '/proposals'],
  ['qbr', 'QBR drafts', '/qbr'],
  ['chat', 'Chat', '/chat'],
] as const;

export type CaseTab = (typeof CASE_TABS)[number][0];

/** A case page's place: which case, which tab, how many proposals wait. */
export interface CaseNav {
  caseId: string;
  name: string;
  customer: string;
  tab: CaseTab;
  pending: number;
}

/** What every page is drawn with. */
export interface PageInput {
  title: string;
  /** The signed-in person, or null on the sign-in page. */
  holder: TokenHolder | null;
  csrf: string;
  flash?: Flash | null;
  nav?: CaseNav;
  body: SafeHtml;
}

/** The path of a case (and a tab of it). */
export function casePath(caseId: string, suffix = ''): string {
  return `/cases/${encodeURIComponent(caseId)}${suffix}`;
}

function caseNav(nav: CaseNav): SafeHtml {
  return html`<p class="sub"><a href="/cases">Cases</a> › ${nav.customer}</p>
<h1>${nav.name}</h1>
<nav class="tabs" aria-label="Business case">${CASE_TABS.map(
    ([tab, label, suffix]) =>
      html`<a href="${casePath(nav.caseId, suffix)}"${tab === nav.tab ? html` aria-current="page"` : ''}>${label}${
        tab === 'proposals' && nav.pending > 0 ? html` <span class="badge badge-warn">${nav.pending}<span class="visually-hidden"> pending</span></span>` : ''
      }</a>`,
  )}</nav>`;
}

/** A one-line message box; errors are announced assertively to screen readers. */
export function flashBox(flash: Flash | null | undefined): SafeHtml {
  if (!flash) return html`<div id="live" class="flash" role="status" aria-live="polite" hidden></div>`;
  return html`<div id="live" class="flash ${flash.kind === 'ok' ? 'flash-ok' : 'flash-error'}" role="${flash.kind === 'ok' ? 'status' : 'alert'}">${flash.text}</div>`;
}

/** The whole document: head, header with the workspace and sign-out, the case tabs, the body. */
export function page(input: PageInput): SafeHtml {
  const h = input.holder;
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${input.csrf}">
<title>${input.title} · Value Engineer</title><link rel="stylesheet" href="/web/app.css"><script src="/web/app.js" defer></script></head>
<body><a class="skip" href="#main">Skip to content</a>
<header class="top"><a class="brand" href="${h ? '/cases' : '/sign-in'}">Value Engineer</a>${
    h
      ? html`<span class="who">${h.name} · workspace <strong>${h.workspaceId}</strong></span>
<form method="post" action="/sign-out"><input type="hidden" name="_csrf" value="${input.csrf}"><button type="submit">Sign out</button></form>`
      : ''
  }</header>
<main id="main" tabindex="-1">${input.nav ? caseNav(input.nav) : ''}${flashBox(input.flash)}${input.body}</main>
</body></html>`;
}

/** The sentence a person reads for a failure: the catalogue's kind, then the message. */
export function errorSentence(error: Pick<AppError, 'code' | 'message' | 'field'>): string {
  const kind: Record<string, string> = {
    not_found: 'Not found',
    unauthorized: 'Not signed in',
    forbidden: 'Refused',
    conflict: 'Conflict',
    refused: 'Refused',
    not_pending: 'Already decided',
    expired: 'Expired',
    evaluation_error: 'The engine could not evaluate this',
    invalid_document: 'Invalid document',
    model_unavailable: 'The language model is unavailable',
    unavailable: 'The service is unavailable',
    internal: 'Something went wrong on the server',
    payload_too_large: 'Too large',
  };
  return `${kind[error.code] ?? 'Invalid input'}: ${error.message}`;
}

/** An error page with the catalogue's status for the code. */
export function errorPage(input: Omit<PageInput, 'body' | 'title'>, error: AppError): { body: SafeHtml; status: number } {
  const status = ERROR_CATALOGUE[error.code].http;
  const body = html`<h1>${status === 404 ? 'Not found' : 'That did not work'}</h1>
<div class="flash flash-error" role="alert">${errorSentence(error)}</div>
<p><a href="/cases">Back to the business cases</a></p>`;
  return { body: page({ ...input, title: 'Error', body, flash: null }), status };
}
