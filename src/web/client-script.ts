/**
 * The one script the pages load (`/web/app.js`), plain ES2020 with no build step: it fills the
 * sign-in form from a sign-in link's `#token=` fragment, toggles the chart's estimate, opens a
 * measurement cell's dialog, and runs the chat panel on the API's UI message stream
 * (`POST /web/api/chat`, forwarded to `POST /api/chat`), rendering proposals as cards whose
 * Approve and Reject post without leaving the conversation. Every failed request shows the
 * server's own message in a live region.
 */
export const CLIENT_JS = String.raw`(() => {
'use strict';
const $ = (sel, root) => (root || document).querySelector(sel);
const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
const csrf = () => { const m = $('meta[name="csrf-token"]'); return m ? m.getAttribute('content') : ''; };

function announce(text, kind) {
  const box = $('#live');
  if (!box) return;
  box.textContent = text;
  box.className = 'flash ' + (kind === 'ok' ? 'flash-ok' : 'flash-error');
  box.hidden = false;
}

async function errorText(res) {
  try {
    const body = await res.json();
    if (body && body.error && body.error.message) return body.error.message + ' (' + res.status + ' ' + body.error.code + ')';
  } catch (_) { /* not JSON */ }
  return 'the server answered ' + res.status + ' ' + (res.statusText || '');
}

// Sign-in link: /sign-in#token=... (the fragment never reaches the server or its logs).
const signIn = $('#sign-in-form');
if (signIn && location.hash.startsWith('#token=')) {
  const token = decodeURIComponent(location.hash.slice(7));
  history.replaceState(null, '', location.pathname);
  const field = $('#token', signIn);
  if (field && token) { field.value = token; signIn.requestSubmit(); }
}

// The estimate toggle: hides the series the chart marks data-series="estimate".
const toggle = $('#toggle-estimate');
if (toggle) {
  const chart = $('#chart');
  const apply = () => { chart.classList.toggle('hide-estimate', !toggle.checked); };
  toggle.addEventListener('change', apply);
  apply();
}

// Measurement cells: one dialog shows the entry (value, note, evidence, source) and proposes a new value.
const dialog = $('#cell-dialog');
if (dialog) {
  const set = (sel, text) => { const el = $(sel, dialog); if (el) el.textContent = text || ''; };
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const monthLabel = (m) => MONTHS[Number(m.slice(5, 7)) - 1] + ' ' + m.slice(0, 4);
  const STATES = { measured: 'measured this month', carried: 'carried forward from an earlier entry', base: 'base value (no entry yet)', empty: 'not measured yet' };
  // One listener for all the cells (a table can hold hundreds).
  const table = $('#measurement-table');
  if (table) table.addEventListener('click', (e) => {
    const btn = e.target.closest('button.cell');
    if (!btn) return;
    const d = btn.dataset;
    const r = btn.closest('tr').dataset;
    const state = Object.keys(STATES).find((k) => btn.classList.contains('cell-' + k));
    const locked = btn.classList.contains('cell-locked');
    const percent = r.unit === 'percent';
    const v = d.v === undefined ? null : Number(d.v);
    set('#cell-title', r.label + ' · ' + monthLabel(d.month));
    set('#cell-state', STATES[state] + (locked ? ', locked' : ''));
    set('#cell-current', v === null ? 'no value' : btn.firstChild.textContent);
    for (const k of ['note', 'evidence', 'source']) {
      const row = $('#cell-' + k + '-row', dialog);
      set('#cell-' + k, d[k]);
      if (row) row.hidden = !d[k];
    }
    const ev = $('#cell-evidence-link', dialog);
    if (ev) { const url = d.evidence || ''; ev.hidden = !/^https?:\/\//.test(url); ev.href = /^https?:\/\//.test(url) ? url : '#'; }
    const history = $('#cell-history', dialog);
    if (history) history.href = r.history;
    const form = $('#cell-form', dialog);
    $('#cell-locked', dialog).hidden = !locked;
    form.hidden = locked;
    form.elements.input.value = r.input;
    form.elements.month.value = d.month;
    form.elements.value.value = v === null ? '' : percent ? Number((v * 100).toPrecision(12)) + '%' : String(Number(v.toPrecision(12)));
    $$('.metric-only', form).forEach((el) => { el.hidden = r.metric !== '1'; });
    // Only the month's own entry has a note to edit; a carried-forward cell starts a new entry with none.
    for (const k of ['note', 'evidence', 'source']) form.elements[k].value = r.metric === '1' && d.own === '1' ? (d[k] || '') : '';
    dialog.showModal();
    (locked ? $('#cell-close', dialog) : form.elements.value).focus();
  });
  $('#cell-close', dialog).addEventListener('click', () => dialog.close());
}
// The table opens at the current month (the window often starts years earlier).
const current = $('#measurement-table th[data-current]');
if (current) { const box = current.closest('.scroll'); const row = $('#measurement-table th.row'); box.scrollLeft = Math.max(0, current.offsetLeft - (row ? row.offsetWidth : 0) - 2 * current.offsetWidth); }

// The assistant's Markdown, drawn with text nodes only: paragraphs, bullets, tables, **bold** and \`code\`.
function inline(parent, text) {
  text.split(/(\*\*[^*]+\*\*|\`[^\`]+\`)/).forEach((piece) => {
    if (!piece) return;
    let el;
    if (piece.startsWith('**') && piece.endsWith('**') && piece.length > 4) { el = document.createElement('strong'); el.textContent = piece.slice(2, -2); }
    else if (piece.startsWith('\`') && piece.endsWith('\`') && piece.length > 2) { el = document.createElement('code'); el.textContent = piece.slice(1, -1); }
    else el = document.createTextNode(piece);
    parent.appendChild(el);
  });
}
function renderMarkdown(box, text) {
  box.textContent = '';
  let list = null;
  let table = null;
  for (const line of text.split('\n')) {
    const cells = /^\s*\|(.*)\|\s*$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (!bullet) list = null;
    if (!cells) table = null;
    if (cells) {
      const parts = cells[1].split('|').map((c) => c.trim());
      if (parts.every((c) => /^:?-{2,}:?$/.test(c))) continue;
      if (!table) { table = document.createElement('table'); table.className = 'data chat-table'; box.appendChild(table); }
      const tr = document.createElement('tr');
      parts.forEach((c, i) => { const td = document.createElement(table.rows.length === 0 || i === 0 ? 'th' : 'td'); inline(td, c); if (i > 0) td.className = 'num'; tr.appendChild(td); });
      table.appendChild(tr);
    } else if (bullet) {
      if (!list) { list = document.createElement('ul'); box.appendChild(list); }
      const li = document.createElement('li'); inline(li, bullet[1]); list.appendChild(li);
    } else if (line.trim()) {
      const p = document.createElement('p'); inline(p, line); box.appendChild(p);
    }
  }
}

// Forms that post in place (proposal cards in the chat): the answer is the card's new HTML.
async function postInPlace(form) {
  const card = form.closest('[data-card]');
  const res = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: { 'X-Fragment': '1', 'X-CSRF-Token': csrf() } });
  const text = await res.text();
  if (card && res.headers.get('content-type') && res.headers.get('content-type').includes('text/html')) {
    card.outerHTML = text;
    if (!res.ok) announce('The proposal could not be decided; see the card.', 'error');
    else announce('Done.', 'ok');
  } else {
    announce(text, 'error');
  }
}
document.addEventListener('submit', (e) => {
  const form = e.target;
  if (form instanceof HTMLFormElement && form.matches('[data-inline]')) {
    e.preventDefault();
    postInPlace(form).catch((err) => announce('Network error: ' + err.message, 'error'));
  }
});

// The chat panel: the API's UI message stream, read as server-sent events.
const chatForm = $('#chat-form');
if (chatForm) {
  const log = $('#chat-log');
  const threadId = chatForm.dataset.thread;
  const add = (cls, text) => { const p = document.createElement('div'); p.className = 'msg ' + cls; p.textContent = text; log.appendChild(p); p.scrollIntoView({ block: 'nearest' }); return p; };
  const cards = new Set();
  async function addCard(id) {
    if (cards.has(id)) return;
    cards.add(id);
    const res = await fetch('/proposals/' + encodeURIComponent(id) + '/card');
    const holder = document.createElement('div');
    if (res.ok) holder.innerHTML = await res.text(); else holder.textContent = await errorText(res);
    log.appendChild(holder);
    holder.scrollIntoView({ block: 'nearest' });
  }
  chatForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const field = chatForm.elements.message;
    const text = field.value.trim();
    if (!text) { announce('Type a message first.', 'error'); field.focus(); return; }
    field.value = '';
    add('msg-user', text);
    const answer = add('msg-assistant', '…');
    const button = $('button', chatForm);
    button.disabled = true;
    chatForm.setAttribute('aria-busy', 'true');
    try {
      const body = { id: threadId, messages: [{ id: 'u' + Date.now(), role: 'user', parts: [{ type: 'text', text }] }] };
      const res = await fetch('/web/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf() }, body: JSON.stringify(body) });
      if (!res.ok || !res.body) { answer.textContent = await errorText(res); answer.classList.add('msg-error'); return; }
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      let said = '';
      const pending = [];
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (!data || data === '[DONE]') continue;
          let ev;
          try { ev = JSON.parse(data); } catch (_) { continue; }
          if (ev.type === 'text-delta') { said += ev.delta; answer.textContent = said; }
          else if (ev.type === 'error') { answer.textContent = ev.errorText; answer.classList.add('msg-error'); }
          else if (ev.type === 'tool-output-available' && ev.output && ev.output.proposalId && ev.output.status === 'pending' && Array.isArray(ev.output.changes)) pending.push(ev.output.proposalId);
        }
      }
      if (!said && !answer.classList.contains('msg-error')) answer.textContent = '(no answer)';
      else if (said) renderMarkdown(answer, said);
      for (const id of pending) await addCard(id);
    } catch (err) {
      answer.textContent = 'Network error: ' + err.message;
      answer.classList.add('msg-error');
    } finally {
      button.disabled = false;
      chatForm.removeAttribute('aria-busy');
      field.focus();
    }
  });
}
})();
`;
