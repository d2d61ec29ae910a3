import type { ProposalView } from '../app/proposal-view.ts';
import { formatMoney } from '../format/format-money.ts';
import { html, type SafeHtml } from './html.ts';

const FIGURES = [
  ['realizedToDate', 'Realized to date'],
  ['measuredToDate', 'Measured to date'],
  ['assumedToDate', 'Assumed to date'],
  ['total', 'Benefit over the window'],
] as const;

const STATUS_BADGE: Record<ProposalView['status'], string> = {
  pending: 'badge-warn',
  applied: 'badge-ok',
  rejected: 'badge-bad',
  refused: 'badge-bad',
  expired: 'badge',
};

/** How a figure moved, for the preview (`+ $1,234.00`). */
function delta(before: number | null | undefined, after: number | null, currency: string): string {
  if (before === null || before === undefined || after === null) return '';
  const d = after - before;
  if (Math.abs(d) < 0.005) return 'no change';
  return `${d > 0 ? '+' : '−'}${formatMoney(Math.abs(d), currency)}`;
}

/** The engine's before/after figures of a proposal as a small table. */
function previewTable(v: ProposalView): SafeHtml {
  const before = v.before;
  return html`<div class="table-wrap"><table class="data preview"><caption class="visually-hidden">Figures before and after</caption>
<thead><tr><th scope="col">Figure</th><th scope="col" class="num">Before</th><th scope="col" class="num">After</th><th scope="col" class="num">Change</th></tr></thead>
<tbody>${FIGURES.map(
    ([key, label]) =>
      html`<tr><th scope="row">${label}</th><td class="num">${before ? formatMoney(before[key], v.currency) : '—'}</td><td class="num" data-after="${key}">${formatMoney(
        v.after[key],
        v.currency,
      )}</td><td class="num">${delta(before?.[key], v.after[key], v.currency)}</td></tr>`,
  )}</tbody></table></div>`;
}

/** Where the card's forms come back to, and whether they post in place (the chat panel). */
export interface CardOptions {
  csrf: string;
  back: string;
  inline?: boolean;
  /** Show the case's name (on pages that list several cases' proposals). */
  showCase?: boolean;
}

/** One proposal as a card: status, what changes, warnings, the preview, and Approve / Reject (with a reason) while pending. */
export function proposalCard(v: ProposalView, o: CardOptions): SafeHtml {
  const id = encodeURIComponent(v.proposalId);
  const inline = o.inline ? html` data-inline` : '';
  const decided =
    v.status === 'pending'
      ? ''
      : html`<p class="hint">${v.status === 'expired' ? 'Expired' : `${v.status[0]!.toUpperCase()}${v.status.slice(1)}`}${v.decidedBy ? ` by ${v.decidedBy}` : ''}${
          v.decidedAt ? ` on ${v.decidedAt.slice(0, 16).replace('T', ' ')}` : ''
        }${v.reason ? ` — ${v.reason}` : ''}${v.appliedVersion !== null ? ` (version ${v.appliedVersion})` : ''}</p>`;
  const actions =
    v.status === 'pending'
      ? html`<div class="actions">
<form method="post" action="/proposals/${id}/approve"${inline}><input type="hidden" name="_csrf" value="${o.csrf}"><input type="hidden" name="back" value="${o.back}"><button type="submit" class="primary">Approve</button></form>
<form method="post" action="/proposals/${id}/reject"${inline}><input type="hidden" name="_csrf" value="${o.csrf}"><input type="hidden" name="back" value="${o.back}">
<label class="field"><span>Reason <span class="hint">(optional)</span></span><input type="text" name="reason" maxlength="500" aria-label="Reason for rejecting proposal ${v.proposalId}"></label>
<button type="submit" class="danger">Reject</button></form></div>`
      : '';
  return html`<article class="proposal" data-card data-proposal="${v.proposalId}" data-status="${v.status}" aria-labelledby="p-${v.proposalId}">
<h3 id="p-${v.proposalId}"><span class="badge ${STATUS_BADGE[v.status]}">${v.status}</span> Proposal ${v.proposalId}${o.showCase ? ` · ${v.businessCase}` : ''}</h3>
<p class="hint">Proposed by ${v.proposedBy} on ${v.proposedAt.slice(0, 16).replace('T', ' ')} · scenario ${v.scenario} · figures as of ${v.asOf}</p>
<ul>${v.changes.map((c) => html`<li>${c}</li>`)}</ul>
${v.warnings.length ? html`<ul class="warnings" aria-label="Warnings">${v.warnings.map((w) => html`<li>⚠ ${w}</li>`)}</ul>` : ''}
${previewTable(v)}${decided}${actions}</article>`;
}
