import type { CaseRecord, MeasurementRecord } from '../app/store.ts';
import type { ProposalView } from '../app/proposal-view.ts';
import { formatNumber } from '../engine/format-number.ts';
import { monthLabel, type Scenario } from '../engine/index.ts';
import { escapeHtml, html, raw, type SafeHtml } from './html.ts';
import { casePath } from './layout.ts';
import { proposalCard } from './proposal-card.ts';
import type { TrackedMetric } from '../app/realization-scenario.ts';
import type { GridCell, GridRow, MeasurementGrid } from './case-model.ts';

/** One formatter for every cell: `toLocaleString` with options builds a new one per call (a third of a millisecond each). */
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A value as the table shows it (percent inputs as percentages). */
export function shownValue(value: number, unit: string): string {
  return unit === 'percent' ? `${formatNumber(Number((value * 100).toPrecision(12)))}%` : GROUPED.format(Number(value.toPrecision(12)));
}

/** A value as an edit field holds it (no grouping; percent inputs with `%`). */
export function editValue(value: number, unit: string): string {
  return unit === 'percent' ? `${formatNumber(value * 100)}%` : formatNumber(value);
}

const STATE_TEXT: Record<GridCell['state'], string> = {
  measured: 'measured this month',
  carried: 'carried forward from an earlier entry',
  base: 'base value (no entry yet)',
  empty: 'not measured yet',
};

/** The pending proposals shown above a page's table, so an edit's preview is right there. */
export function pendingBlock(pending: readonly ProposalView[], csrf: string, back: string): SafeHtml {
  if (pending.length === 0) return html``;
  return html`<section aria-labelledby="pending-h"><h2 id="pending-h">Pending proposals (${pending.length})</h2><p class="hint">Nothing changes until a proposal is approved.</p>${pending.map(
    (v) => proposalCard(v, { csrf, back }),
  )}</section>`;
}

const MONTH_LABELS = new Map<string, string>();
function label(month: string): string {
  let l = MONTH_LABELS.get(month);
  if (l === undefined) {
    l = monthLabel(month);
    MONTH_LABELS.set(month, l);
  }
  return l;
}

/**
 * One row of the table as plain text (the one hot loop of the pages: 720 cells for 36 months
 * x 20 inputs). What is the same for the whole row (label, unit, whether it is a metric, the
 * history link) sits on the `<tr>`; a cell carries its month, raw value, whether the entry is
 * its own month's, and the entry's note, evidence and source. Text from the document is
 * escaped once per row or entry.
 */
function tableRow(row: GridRow, useCaseId: string, historyBase: string): string {
  const { input } = row;
  const name = escapeHtml(input.label);
  const unit = input.unit && input.unit !== 'percent' ? ` (${escapeHtml(input.unit)})` : '';
  const history = `${historyBase}?useCase=${encodeURIComponent(useCaseId)}&amp;input=${encodeURIComponent(input.key)}`;
  let out = `<tr data-input="${input.key}" data-label="${name}" data-unit="${escapeHtml(input.unit)}" data-metric="${row.metric ? '1' : '0'}" data-history="${escapeHtml(history)}"><th scope="row" class="row">${name}${unit}<br><span class="hint">${row.metric ? 'measured metric' : 'changing assumption'}</span></th>`;
  let lastEntry: GridCell | null = null;
  let entryAttrs = '';
  for (const cell of row.cells) {
    const shown = cell.value === null ? '' : shownValue(cell.value, input.unit);
    const hasNotes = cell.note !== null || cell.evidence !== null || cell.source !== null;
    // A carried-forward cell shows the entry it carries: escaped once for all of them.
    if (
      cell.state === 'measured' ||
      lastEntry === null ||
      cell.note !== lastEntry.note ||
      cell.evidence !== lastEntry.evidence ||
      cell.source !== lastEntry.source
    ) {
      entryAttrs = `${cell.note !== null ? ` data-note="${escapeHtml(cell.note)}"` : ''}${cell.evidence !== null ? ` data-evidence="${escapeHtml(cell.evidence)}"` : ''}${
        cell.source !== null ? ` data-source="${escapeHtml(cell.source)}"` : ''
      }`;
      lastEntry = cell;
    }
    const own = cell.state === 'measured';
    const state = `${STATE_TEXT[cell.state]}${cell.locked ? ', locked' : ''}`;
    const mark = hasNotes && own;
    out += `<td><button type="button" class="cell cell-${cell.state}${cell.locked ? ' cell-locked' : ''}${cell.future ? ' cell-future' : ''}" data-input="${input.key}" data-month="${cell.month}"${
      cell.value === null ? '' : ` data-v="${cell.value}"`
    }${own ? ' data-own="1"' : ''}${entryAttrs} aria-label="${name}, ${label(cell.month)}: ${shown || 'no value'}, ${state}${mark ? ', has a note or evidence' : ''}">${shown || '·'}${
      mark ? '<span class="mark" aria-hidden="true">•</span>' : ''
    }</button></td>`;
  }
  return `${out}</tr>`;
}

/** The measurement table page: use-case picker, legend, the grid of buttons, and the one cell dialog. */
export function tableBody(record: CaseRecord, grid: MeasurementGrid, pending: readonly ProposalView[], csrf: string, asOf: string): SafeHtml {
  const { scenario, useCase, months } = grid;
  const back = casePath(record.id, `/table?useCase=${encodeURIComponent(useCase.id)}`);
  const historyBase = casePath(record.id, '/history');
  const picker = html`<form method="get" action="${casePath(record.id, '/table')}" class="actions"><label class="field"><span>Use case</span><select name="useCase" id="use-case">${scenario.useCases.map(
    (u) => html`<option value="${u.id}"${u.id === useCase.id ? html` selected` : ''}>${u.name}</option>`,
  )}</select></label><button type="submit">Show</button></form>`;
  const legend = html`<div class="legend" aria-label="Legend"><span><span class="sw cell-measured"></span>measured that month</span><span><span class="sw cell-carried"></span>carried forward</span><span><span class="sw cell-locked"></span>locked month (read only)</span><span><span class="mark">•</span>has a note, evidence or source</span></div>`;
  const head = html`<thead><tr><th scope="col" class="row">Input</th>${months.map(
    (m) =>
      html`<th scope="col" class="${m <= (scenario.lockedThrough ?? '') ? 'locked-month' : ''}"${m === asOf ? html` data-current aria-current="date"` : ''}>${monthLabel(m)}${m <= (scenario.lockedThrough ?? '') ? html`<br><span class="hint">locked</span>` : ''}</th>`,
  )}</tr></thead>`;
  const body = raw(grid.rows.map((row) => tableRow(row, useCase.id, historyBase)).join(''));
  const table =
    grid.rows.length === 0
      ? html`<p>This use case has no input that changes by month yet. Start measuring one in the chat ("track the deflection rate").</p>`
      : html`<div class="scroll"><table class="grid" id="measurement-table"><caption class="visually-hidden">${useCase.name}: inputs by month</caption>${head}<tbody>${body}</tbody></table></div>`;
  const constants = grid.constants.length
    ? html`<h2>Constant assumptions</h2><table class="data stack"><thead><tr><th scope="col">Input</th><th scope="col" class="num">Value</th></tr></thead><tbody>${grid.constants.map(
        (i) =>
          html`<tr><td data-label="Input">${i.label}</td><td class="num" data-label="Value">${shownValue(i.value, i.unit)}${i.unit && i.unit !== 'percent' ? ` ${i.unit}` : ''}</td></tr>`,
      )}</tbody></table>`
    : '';
  const dialog = html`<dialog id="cell-dialog" aria-labelledby="cell-title"><h2 id="cell-title">Cell</h2>
<dl class="kv"><dt>Value</dt><dd id="cell-current"></dd><dt>How</dt><dd id="cell-state"></dd>
<div id="cell-note-row" class="kv-row"><dt>Note</dt><dd id="cell-note"></dd></div>
<div id="cell-evidence-row" class="kv-row"><dt>Evidence</dt><dd><span id="cell-evidence"></span> <a id="cell-evidence-link" href="#" target="_blank" rel="noopener noreferrer" hidden>open</a></dd></div>
<div id="cell-source-row" class="kv-row"><dt>Source</dt><dd id="cell-source"></dd></div></dl>
<p><a id="cell-history" href="#">History of this input</a></p>
<p id="cell-locked" class="flash flash-error" hidden>This month is locked: its figures cannot change.</p>
<form id="cell-form" method="post" action="${casePath(record.id, '/cells')}"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="useCase" value="${useCase.id}"><input type="hidden" name="input"><input type="hidden" name="month">
<div class="field"><label for="cell-value">New value</label><input type="text" id="cell-value" name="value" inputmode="decimal" required autocomplete="off"><span class="hint">A number; percentages as 42%.</span></div>
<div class="field metric-only"><label for="cell-note-in">Note</label><input type="text" id="cell-note-in" name="note" maxlength="500"></div>
<div class="field metric-only"><label for="cell-evidence-in">Evidence (URL or text)</label><input type="text" id="cell-evidence-in" name="evidence" maxlength="500"></div>
<div class="field metric-only"><label for="cell-source-in">Source</label><input type="text" id="cell-source-in" name="source" maxlength="200"></div>
<div class="actions"><button type="submit" class="primary">Propose this value</button></div></form>
<div class="actions"><button type="button" id="cell-close">Close</button></div></dialog>`;
  return html`${pendingBlock(pending, csrf, back)}
<h2>Measurement table</h2><p class="sub">${scenario.name}: months as columns, inputs as rows. Select a cell to see its note, evidence and source, or to propose a new value.</p>
${picker}${legend}${table}${constants}${dialog}`;
}

/** A small trend line of a metric's entries over the window (SVG, no script). */
export function sparkline(entries: ReadonlyArray<{ month: string; value: number }>, months: readonly string[]): SafeHtml {
  if (entries.length === 0) return html`<p class="hint">No measurement yet.</p>`;
  const idx = new Map(months.map((m, i) => [m, i]));
  const pts = entries.filter((e) => idx.has(e.month));
  if (pts.length === 0) return html`<p class="hint">No measurement inside the window.</p>`;
  const vs = pts.map((p) => p.value);
  const lo = Math.min(...vs);
  const hi = Math.max(...vs);
  const W = 240;
  const H = 48;
  const x = (m: string): number => 4 + ((idx.get(m) ?? 0) / Math.max(1, months.length - 1)) * (W - 8);
  const y = (v: number): number => (hi === lo ? H / 2 : 6 + (1 - (v - lo) / (hi - lo)) * (H - 12));
  const line = pts.map((p) => `${x(p.month).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const last = pts[pts.length - 1]!;
  return html`<svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" role="img" aria-label="Trend of ${pts.length} measurements"><polyline points="${line}" fill="none" stroke="#0969da" stroke-width="2"/><circle cx="${x(
    last.month,
  ).toFixed(1)}" cy="${y(last.value).toFixed(1)}" r="3.5" fill="#1a7f37"/></svg>`;
}

/** The Measurements tab: a month picker, then every tracked metric with its trend, last value and a field for the month; one proposal on submit. */
export function measurementsBody(
  record: CaseRecord,
  scenario: Scenario,
  months: readonly string[],
  month: string,
  metrics: readonly TrackedMetric[],
  pending: readonly ProposalView[],
  csrf: string,
): SafeHtml {
  const locked = month <= (scenario.lockedThrough ?? '');
  const back = casePath(record.id, `/measurements?month=${month}`);
  const picker = html`<form method="get" action="${casePath(record.id, '/measurements')}" class="actions"><label class="field"><span>Month</span><select name="month" id="month">${months.map(
    (m) => html`<option value="${m}"${m === month ? html` selected` : ''}>${monthLabel(m)}${m <= (scenario.lockedThrough ?? '') ? ' (locked)' : ''}</option>`,
  )}</select></label><button type="submit">Show</button></form>`;
  const cards = metrics.map((t, i) => {
    const own = t.entries.find((e) => e.month === month);
    const last = t.entries.at(-1);
    const id = `m-${i}`;
    return html`<div class="metric"><div class="field"><label for="${id}">${t.input.label}${t.input.unit && t.input.unit !== 'percent' ? ` (${t.input.unit})` : ''}</label>
<span class="hint">${t.useCase.name}</span></div>${sparkline(t.entries, months)}
<p class="last">Last value: ${last ? html`<strong>${shownValue(last.value, t.input.unit)}</strong> in ${monthLabel(last.month)}` : 'none yet'}</p>
<input type="hidden" name="key" value="${t.useCase.id}/${t.input.key}"><input type="text" id="${id}" name="value" inputmode="decimal" autocomplete="off" value="${
      own ? editValue(own.value, t.input.unit) : ''
    }"${locked ? html` disabled` : ''} aria-describedby="${id}-h"><span class="hint" id="${id}-h">${own ? `Entered for ${monthLabel(month)}` : `Nothing entered for ${monthLabel(month)}`}</span></div>`;
  });
  const form =
    metrics.length === 0
      ? html`<p>No metric is tracked yet: convert a calculation or track a metric in the chat first.</p>`
      : html`<form method="post" action="${casePath(record.id, '/measurements')}" id="measurements-form"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="month" value="${month}">
${locked ? html`<p class="flash flash-error">${monthLabel(month)} is locked: its figures cannot change.</p>` : ''}
<div class="metrics">${cards}</div>
<div class="field"><label for="m-note">Note for every value entered <span class="hint">(optional)</span></label><input type="text" id="m-note" name="note" maxlength="500"></div>
<div class="actions"><button type="submit" class="primary"${locked ? html` disabled` : ''}>Propose ${monthLabel(month)}'s values</button></div></form>`;
  const upload = html`<h2 id="csv-h">Import a CSV file</h2>
<p class="hint">Columns: month, input (label or key), value, and optionally note, evidence, source; or a month column and one column per metric. A file with any bad row proposes nothing and lists every bad row.</p>
<form method="post" action="${casePath(record.id, '/import')}" enctype="multipart/form-data" id="csv-form" aria-labelledby="csv-h"><input type="hidden" name="_csrf" value="${csrf}">
<div class="field"><label for="csv-file">CSV file</label><input type="file" id="csv-file" name="file" accept=".csv,text/csv" required></div>
<div class="actions"><button type="submit">Propose the file's measurements</button></div></form>`;
  return html`${pendingBlock(pending, csrf, back)}<h2>Measurements</h2><p class="sub">Every tracked metric for one month; submitting proposes them together.</p>${picker}${form}${upload}`;
}

/** A measurement's history: every value it had, replaced and removed ones included. */
export function historyBody(record: CaseRecord, title: string, rows: readonly MeasurementRecord[], back: string): SafeHtml {
  return html`<h2>History: ${title}</h2><p><a href="${back}">Back to the table</a></p>
${
  rows.length === 0
    ? html`<p>No value has been recorded yet.</p>`
    : html`<table class="data stack" id="history"><thead><tr><th scope="col">Month</th><th scope="col">What</th><th scope="col" class="num">Value</th><th scope="col" class="num">Replaced</th><th scope="col">Note / evidence / source</th><th scope="col">Recorded by</th><th scope="col">Approved by</th><th scope="col">When</th><th scope="col" class="num">Version</th></tr></thead>
<tbody>${rows.map(
        (r) =>
          html`<tr${r.supersededBy !== null ? html` class="hint"` : ''}><td data-label="Month">${monthLabel(r.month)}</td><td data-label="What">${r.action}${r.supersededBy !== null ? ' (superseded)' : ''}</td><td class="num" data-label="Value">${formatNumber(
            r.value,
          )}</td><td class="num" data-label="Replaced">${r.replacedValue === null ? '—' : formatNumber(r.replacedValue)}</td><td data-label="Note">${[r.note, r.evidence, r.source].filter(Boolean).join(' · ') || '—'}</td><td data-label="Recorded by">${r.recordedBy}</td><td data-label="Approved by">${
            r.approvedBy ?? '—'
          }</td><td data-label="When">${r.recordedAt.slice(0, 16).replace('T', ' ')}</td><td class="num" data-label="Version">${r.version}</td></tr>`,
      )}</tbody></table>`
}<p class="hint">${record.name}</p>`;
}
