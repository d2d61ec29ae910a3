import type { CaseActivity } from '../app/case-activity.ts';
import type { ProposalView } from '../app/proposal-view.ts';
import type { CaseRecord, QbrDraftRecord } from '../app/store.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { casePath } from './layout.ts';
import { proposalCard } from './proposal-card.ts';

/** The Proposals tab: pending (with preview, Approve, Reject), then the decided ones, then the audit trail. */
export function proposalsBody(record: CaseRecord, pending: readonly ProposalView[], activity: CaseActivity, csrf: string): SafeHtml {
  const back = casePath(record.id, '/proposals');
  return html`<section aria-labelledby="pending-h"><h2 id="pending-h">Pending (${pending.length})</h2>${
    pending.length ? pending.map((v) => proposalCard(v, { csrf, back })) : html`<p>No proposal waits for a decision.</p>`
  }</section>
<section aria-labelledby="decided-h"><h2 id="decided-h">Decided (${activity.decided.length})</h2>${
    activity.decided.length
      ? html`<details${activity.decided.length <= 5 ? html` open` : ''}><summary>Show the decided proposals</summary>${activity.decided.map((v) => proposalCard(v, { csrf, back }))}</details>`
      : html`<p>Nothing decided yet.</p>`
  }</section>
<section aria-labelledby="audit-h"><h2 id="audit-h">Audit trail</h2>${
    activity.audit.length
      ? html`<div class="scroll"><table class="data stack" id="audit"><thead><tr><th scope="col">When</th><th scope="col">Operation</th><th scope="col">What changed</th><th scope="col">Proposed by</th><th scope="col">Approved by</th><th scope="col">Proposal</th><th scope="col" class="num">Version</th></tr></thead>
<tbody>${activity.audit.map(
          (a) =>
            html`<tr><td data-label="When">${a.at.slice(0, 16).replace('T', ' ')}</td><td data-label="Operation"><code>${a.op}</code></td><td data-label="What changed">${a.changes.join('; ')}</td><td data-label="Proposed by">${a.proposedBy}</td><td data-label="Approved by">${a.approvedBy}</td><td data-label="Proposal">${a.proposalId}</td><td class="num" data-label="Version">${a.versionBefore} → ${a.versionAfter}</td></tr>`,
        )}</tbody></table></div>`
      : html`<p>No change has been applied since the case was imported.</p>`
  }</section>`;
}

const AUDIENCE_LABEL: Record<string, string> = { 'executive-sponsor': 'Executive sponsor', champion: 'Champion', finance: 'Finance' };

/** The link to one saved draft (view or download). */
export function draftPath(caseId: string, d: Pick<QbrDraftRecord, 'quarter' | 'audience' | 'version'>, what: 'view' | 'md' | 'pptx'): string {
  const q = `quarter=${encodeURIComponent(d.quarter)}&audience=${encodeURIComponent(d.audience)}&version=${d.version}`;
  return casePath(caseId, what === 'view' ? `/qbr/view?${q}` : `/qbr/download?${q}&format=${what}`);
}

/** The QBR tab: a form to draft one, and every saved draft with its versions and downloads. */
export function qbrBody(record: CaseRecord, drafts: readonly QbrDraftRecord[], audiences: readonly string[], quarter: string, csrf: string): SafeHtml {
  const form = html`<form method="post" action="${casePath(record.id, '/qbr')}" class="actions" id="qbr-form"><input type="hidden" name="_csrf" value="${csrf}">
<label class="field"><span>Quarter</span><input type="text" name="quarter" value="${quarter}" pattern="\\d{4}-Q[1-4]" required aria-describedby="q-hint"><span class="hint" id="q-hint">YYYY-Qn, e.g. ${quarter}</span></label>
<label class="field"><span>Audience</span><select name="audience">${audiences.map((a) => html`<option value="${a}">${AUDIENCE_LABEL[a] ?? a}</option>`)}</select></label>
<button type="submit" class="primary">Draft a new version</button></form>`;
  const list = drafts.length
    ? html`<table class="data stack" id="qbr-drafts"><thead><tr><th scope="col">Quarter</th><th scope="col">Audience</th><th scope="col" class="num">Version</th><th scope="col">Drafted</th><th scope="col">Numbers</th><th scope="col">Open</th></tr></thead><tbody>${drafts.map(
        (d) =>
          html`<tr><td data-label="Quarter">${d.quarter}</td><td data-label="Audience">${AUDIENCE_LABEL[d.audience] ?? d.audience}</td><td class="num" data-label="Version">v${d.version}</td><td data-label="Drafted">${d.createdAt
            .slice(0, 16)
            .replace(
              'T',
              ' ',
            )} by ${d.createdBy} (${d.writer})</td><td data-label="Numbers">${d.grounded ? html`<span class="badge badge-ok">checked</span>` : html`<span class="badge badge-warn">${d.unverified.length} unverified</span>`}</td>
<td data-label="Open"><a href="${draftPath(record.id, d, 'view')}">View</a> · <a href="${draftPath(record.id, d, 'md')}" download>Markdown</a> · <a href="${draftPath(record.id, d, 'pptx')}" download>PPTX</a></td></tr>`,
      )}</tbody></table>`
    : html`<p>No QBR draft is saved yet.</p>`;
  return html`<h2>QBR drafts</h2><p class="sub">Every number in a draft is checked against the engine's figures.</p>${form}<h2>Saved drafts</h2>${list}`;
}

/** Markdown as HTML, for the drafts the QBR writer produces: headings, bullets, tables, **bold**, _italics_ and paragraphs; everything escaped. */
export function markdownHtml(markdown: string): SafeHtml {
  const out: SafeHtml[] = [];
  let list: SafeHtml[] = [];
  let rows: string[][] = [];
  const inline = (text: string): SafeHtml => {
    const pieces = text.split(/(\*\*.+?\*\*|(?<![\w])_[^_]+?_(?![\w]))/g);
    return html`${pieces.map((p) =>
      p.startsWith('**') && p.endsWith('**') && p.length > 4
        ? html`<strong>${p.slice(2, -2)}</strong>`
        : p.startsWith('_') && p.endsWith('_') && p.length > 2
          ? html`<em>${p.slice(1, -1)}</em>`
          : p,
    )}`;
  };
  const flush = () => {
    if (list.length) out.push(html`<ul>${list}</ul>`);
    list = [];
    if (rows.length) {
      const [head, ...body] = rows;
      out.push(
        html`<div class="table-wrap"><table class="data"><thead><tr>${head!.map((c) => html`<th scope="col">${inline(c)}</th>`)}</tr></thead><tbody>${body.map(
          (r) => html`<tr>${r.map((c) => html`<td>${inline(c)}</td>`)}</tr>`,
        )}</tbody></table></div>`,
      );
    }
    rows = [];
  };
  for (const line of markdown.split(/\r?\n/)) {
    const cells = /^\s*\|(.*)\|\s*$/.exec(line);
    if (cells) {
      if (list.length) {
        out.push(html`<ul>${list}</ul>`);
        list = [];
      }
      const parts = cells[1]!.split('|').map((c) => c.trim());
      // The separator line under a table's head (|---|:---:|); one after a body row starts a new table with that row as its head.
      if (!parts.every((c) => /^:?-{2,}:?$/.test(c))) rows.push(parts);
      else if (rows.length > 1) {
        const head = rows.pop()!;
        flush();
        rows = [head];
      }
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (bullet) {
      if (rows.length) flush();
      list.push(html`<li>${inline(bullet[1]!)}</li>`);
      continue;
    }
    flush();
    if (heading) {
      const level = Math.min(6, heading[1]!.length + 1);
      out.push(html`${raw(`<h${level}>`)}${inline(heading[2]!)}${raw(`</h${level}>`)}`);
    } else if (line.trim()) out.push(html`<p>${inline(line)}</p>`);
  }
  flush();
  return html`${out}`;
}

/** One saved draft, shown as text, with its downloads and its other versions. */
export function qbrViewBody(record: CaseRecord, draft: QbrDraftRecord, versions: readonly QbrDraftRecord[], stale: boolean): SafeHtml {
  return html`<p><a href="${casePath(record.id, '/qbr')}">All QBR drafts</a></p>
<h2>${draft.quarter} · ${AUDIENCE_LABEL[draft.audience] ?? draft.audience} · v${draft.version}</h2>
${stale ? html`<p class="flash flash-error" role="status">The figures have moved on since this version was drafted: draft a new version for current numbers.</p>` : ''}
<p class="actions"><a class="button" href="${draftPath(record.id, draft, 'md')}" download>Download Markdown</a> <a class="button primary" href="${draftPath(record.id, draft, 'pptx')}" download id="download-pptx">Download PPTX</a></p>
${draft.grounded ? '' : html`<p class="flash flash-error">Numbers not found in the engine's figures: ${draft.unverified.join(', ')}</p>`}
<nav aria-label="Versions"><p>Versions: ${versions.map((v, i) => html`${i ? ' · ' : ''}${v.version === draft.version ? html`<strong aria-current="page">v${v.version}</strong>` : html`<a href="${draftPath(record.id, v, 'view')}">v${v.version}</a>`}`)}</p></nav>
<article class="markdown" id="qbr-text">${markdownHtml(draft.markdown)}</article>`;
}

/** The chat panel: the conversation on the API's UI message stream; proposals come as cards. */
export function chatBody(record: CaseRecord, threadId: string): SafeHtml {
  return html`<h2 id="chat-h">Chat</h2><p class="sub">Ask about ${record.name}, or dictate a measurement ("tickets per day were 180 in November"). Proposals appear as cards: nothing changes until you approve.</p>
<div class="chat-log" id="chat-log" role="log" aria-live="polite" aria-labelledby="chat-h"></div>
<form id="chat-form" class="chat-form" data-thread="${threadId}"><label for="chat-message" class="visually-hidden">Message</label><input type="text" id="chat-message" name="message" maxlength="4000" autocomplete="off" placeholder="Type a message"><button type="submit" class="primary">Send</button></form>`;
}
