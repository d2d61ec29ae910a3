import type { CaseListing, CaseRecord } from '../app/store.ts';
import { benefitChartSvg } from '../chart/benefit-chart.ts';
import { monthIndex, monthLabel, type Milestone, type Summary, type SummaryUseCase } from '../engine/index.ts';
import { formatMoney, formatPercent } from '../format/format-money.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { casePath } from './layout.ts';

/** The sign-in form (the sign-in link's `#token=` fills and submits it). */
export function signInBody(csrf: string, problem: string | null): SafeHtml {
  return html`<div class="signin"><h1>Sign in</h1>
<p>Sign in with a workspace token: the one <code>npm start</code> prints (or its sign-in link), or your own from <code>ve token create --name &lt;you&gt;</code>.</p>
${problem ? html`<div class="flash flash-error" role="alert" id="sign-in-problem">${problem}</div>` : ''}
<form id="sign-in-form" method="post" action="/sign-in"><input type="hidden" name="_csrf" value="${csrf}">
<div class="field"><label for="token">Workspace token</label><input type="password" id="token" name="token" autocomplete="off" required${
    problem ? html` aria-invalid="true" aria-describedby="sign-in-problem"` : ''
  }></div>
<button type="submit" class="primary">Sign in</button></form></div>`;
}

/** The workspace's business cases. */
export function casesBody(cases: readonly CaseListing[]): SafeHtml {
  if (cases.length === 0) {
    return html`<h1>Business cases</h1><p>This workspace has no business case yet. Import one with <code>ve import FILE.json</code> or <code>POST /api/business-cases</code>.</p>`;
  }
  return html`<h1>Business cases</h1>
<table class="data stack"><thead><tr><th scope="col">Business case</th><th scope="col">Customer</th><th scope="col" class="num">Version</th><th scope="col">Last changed</th></tr></thead>
<tbody>${cases.map(
    (c) =>
      html`<tr><td data-label="Business case"><a href="${casePath(c.id)}">${c.name}</a></td><td data-label="Customer">${c.customer}</td><td class="num" data-label="Version">${c.version}</td><td data-label="Last changed">${c.updatedAt.slice(0, 10)}</td></tr>`,
  )}</tbody></table>`;
}

function figure(key: string, label: string, value: string, extra = ''): SafeHtml {
  return html`<div class="figure${key === 'realizedToDate' ? ' headline' : ''}"><div class="label" id="f-${key}">${label}</div><div class="value" data-figure="${key}" aria-labelledby="f-${key}">${value}</div>${
    extra ? html`<div class="label">${extra}</div>` : ''
  }</div>`;
}

/** What a use case's line says about how it is known: measured (through when), waiting for a first measurement, or assumed. */
export function useCaseStatus(u: SummaryUseCase, asOf: string): { text: string; badge: string } {
  const tracked = u.calculations.filter((c) => c.tracked);
  if (tracked.length === 0) return { text: 'Assumed (nothing measured)', badge: 'badge' };
  const last = tracked.map((c) => c.lastMeasured).filter((m): m is string => m !== null);
  if (last.length === 0) return { text: 'Waiting for a first measurement', badge: 'badge-warn' };
  const latest = last.sort().at(-1)!;
  const behind = u.varianceToDate !== null && u.varianceToDate < -0.1;
  if (latest < asOf) return { text: `Measured through ${monthLabel(latest)}, carried forward since`, badge: behind ? 'badge-bad' : 'badge-warn' };
  return { text: `Measured through ${monthLabel(latest)}`, badge: behind ? 'badge-bad' : 'badge-ok' };
}

/** The milestones on the chart's time axis: an SVG strip with the chart's own margins (1200 wide, plot from 120 to 1160), one row each. */
/** Where the chart's plot starts and ends horizontally and where its x-axis is, read from its SVG (the y-axis gridlines span the plot). */
export function plotFrame(svg: string): { left: number; right: number; axisY: number } {
  const m = /data-axis="y"[^>]*><line x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)"/.exec(svg);
  const axis = /data-axis="x"[^>]*><line x1="[\d.]+" y1="([\d.]+)"/.exec(svg);
  return { left: m ? Number(m[1]) : 120, right: m ? Number(m[2]) : 1160, axisY: axis ? Number(axis[1]) : 595 };
}

/** The x of a month on the chart's time axis. */
function monthX(summary: Summary, frame: { left: number; right: number }): (month: string) => number {
  const n = summary.monthly.length;
  const start = monthIndex(summary.start);
  return (month) => frame.left + (n <= 1 ? (frame.right - frame.left) / 2 : ((monthIndex(month) - start) / (n - 1)) * (frame.right - frame.left));
}

/** Milestone marks on the chart's own x-axis (a diamond each: filled when achieved, hollow at the target), added to its SVG. */
function withMilestoneMarks(svg: string, milestones: readonly Milestone[], summary: Summary): string {
  if (milestones.length === 0) return svg;
  const frame = plotFrame(svg);
  const x = monthX(summary, frame);
  const n = summary.monthly.length;
  const start = monthIndex(summary.start);
  const inWindow = (m: string | undefined): m is string => m !== undefined && monthIndex(m) - start >= 0 && monthIndex(m) - start < n;
  const y = frame.axisY;
  const marks = milestones.flatMap((m) => {
    const out: string[] = [];
    if (inWindow(m.targetMonth) && m.targetMonth !== m.achievedMonth) {
      out.push(`<path d="M${x(m.targetMonth).toFixed(1)} ${y - 9} l9 9 l-9 9 l-9 -9 z" fill="#fff" stroke="#57606a" stroke-width="2"/>`);
    }
    if (inWindow(m.achievedMonth))
      out.push(`<path d="M${x(m.achievedMonth).toFixed(1)} ${y - 9} l9 9 l-9 9 l-9 -9 z" fill="#1a7f37" stroke="#fff" stroke-width="1"/>`);
    return out;
  });
  return svg.replace(/<\/svg>$/, `<g data-milestones="${milestones.length}">${marks.join('')}</g></svg>`);
}

function milestoneStrip(milestones: readonly Milestone[], summary: Summary, frame: { left: number; right: number }): SafeHtml {
  if (milestones.length === 0) return html``;
  const n = summary.monthly.length;
  const start = monthIndex(summary.start);
  const x = monthX(summary, frame);
  const inWindow = (m: string | undefined): m is string => m !== undefined && monthIndex(m) - start >= 0 && monthIndex(m) - start < n;
  const rowH = 30;
  const rows = milestones.map((m, i) => {
    const y = 20 + i * rowH;
    const at = m.achievedMonth ?? m.targetMonth;
    const marks: string[] = [];
    if (inWindow(m.targetMonth) && m.targetMonth !== m.achievedMonth) {
      marks.push(`<path d="M${x(m.targetMonth).toFixed(1)} ${y - 8} l8 8 l-8 8 l-8 -8 z" fill="#fff" stroke="#57606a" stroke-width="2"/>`);
    }
    if (inWindow(m.achievedMonth)) marks.push(`<path d="M${x(m.achievedMonth).toFixed(1)} ${y - 8} l8 8 l-8 8 l-8 -8 z" fill="#1a7f37"/>`);
    const label = `${m.name}${m.achievedMonth ? ` ✓ ${monthLabel(m.achievedMonth)}` : m.targetMonth ? ` (target ${monthLabel(m.targetMonth)})` : ''}`;
    // Labels past the middle go to the left of their mark, so none runs off the chart.
    const ax = inWindow(at) ? x(at) : frame.left;
    const right = ax > 640;
    const text = `<text x="${(right ? ax - 14 : ax + 14).toFixed(1)}" y="${y + 6}" font-size="17" fill="#24292f" text-anchor="${right ? 'end' : 'start'}">${label
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')}</text>`;
    return marks.join('') + text;
  });
  const h = 20 + milestones.length * rowH;
  return raw(
    `<svg class="milestones" viewBox="0 0 1200 ${h}" width="1200" height="${h}" role="img" aria-label="Milestones on the time axis" font-family="DejaVu Sans, sans-serif"><line x1="${frame.left}" y1="4" x2="${frame.right}" y2="4" stroke="#d0d7de"/>${rows.join('')}</svg>`,
  );
}

/** A case's Value Summary: headline split, chart with the estimate toggle and milestones, per-use-case lines, investment and ROI. */
export function summaryBody(record: CaseRecord, summary: Summary, estimateName: string | null): SafeHtml {
  const cur = summary.currency;
  const doc = record.document;
  const scenario = doc.scenarios.find((s) => s.id === summary.scenario)!;
  const milestones = scenario.milestones ?? [];
  const realization = summary.kind === 'realization';
  const hasEstimate = summary.monthly.length > 0 && summary.monthly.every((m) => m.estimated !== null);
  const fresh = summary.measuredToDate !== null && summary.carriedForwardToDate !== null ? summary.measuredToDate - summary.carriedForwardToDate : null;
  const chart = benefitChartSvg(summary, { title: record.name, ...(estimateName ? { estimateName } : {}) });
  const frame = plotFrame(chart);
  const svg = withMilestoneMarks(chart, milestones, summary).replace(
    '<svg ',
    `<svg role="img" aria-label="Cumulative realized benefit${hasEstimate ? ' against the estimate' : ''}, as of ${monthLabel(summary.asOf)}" `,
  );
  const headline = realization
    ? html`<div class="cards" aria-label="Realized to date">
${figure('realizedToDate', `Realized to date (${monthLabel(summary.asOf)})`, formatMoney(summary.realizedToDate, cur))}
${figure('measuredFresh', 'Measured (entered that month)', formatMoney(fresh, cur))}
${figure('carriedForwardToDate', 'Carried forward', formatMoney(summary.carriedForwardToDate, cur), 'measured earlier, not re-measured')}
${figure('assumedToDate', 'Assumed', formatMoney(summary.assumedToDate, cur), 'from assumptions, not measurements')}
</div>`
    : html`<div class="flash flash-error" role="status">This case has no realization scenario yet: the figures are the ${scenario.name} projection. Create one in the chat ("start tracking realization").</div>
<div class="cards">${figure('total', 'Projected total', formatMoney(summary.total, cur))}</div>`;
  const money = html`<h2>Investment and return</h2><div class="cards">
${figure('investmentTotal', 'Investment (whole window)', formatMoney(summary.investmentTotal, cur))}
${realization ? figure('investmentToDate', 'Investment to date', formatMoney(summary.investmentToDate, cur)) : ''}
${realization ? figure('roiToDate', 'ROI to date', formatPercent(summary.roiToDate)) : figure('roi', 'ROI', formatPercent(summary.roi))}
${realization ? figure('projectedRoi', 'Projected ROI', formatPercent(summary.projectedRoi)) : ''}
${figure('paybackMonth', 'Payback', summary.paybackMonth ? monthLabel(summary.paybackMonth) : 'not yet')}
${realization ? figure('projectedTotal', 'Projected total', formatMoney(summary.projectedTotal, cur)) : ''}
${hasEstimate && realization ? figure('varianceToDate', `Against the estimate (${formatMoney(summary.estimatedToDate, cur)})`, formatPercent(summary.varianceToDate)) : ''}
</div>`;
  const lines = html`<h2>By use case</h2>
<table class="data stack" id="use-cases"><thead><tr><th scope="col">Use case</th><th scope="col">Status</th><th scope="col" class="num">Realized</th><th scope="col" class="num">Measured</th><th scope="col" class="num">Assumed</th><th scope="col" class="num">Estimated</th><th scope="col" class="num">Variance</th><th scope="col" class="num">Projected total</th></tr></thead>
<tbody>${summary.useCases.map((u) => {
    const st = realization ? useCaseStatus(u, summary.asOf) : { text: 'Projection', badge: 'badge' };
    return html`<tr data-use-case="${u.id}"><th scope="row" data-label="Use case"><a href="${casePath(record.id, `/table?useCase=${encodeURIComponent(u.id)}`)}">${u.name}</a></th>
<td data-label="Status"><span class="badge ${st.badge}">${st.text}</span></td><td class="num" data-label="Realized">${formatMoney(u.realizedToDate, cur)}</td>
<td class="num" data-label="Measured">${formatMoney(u.measuredToDate, cur)}</td><td class="num" data-label="Assumed">${formatMoney(u.assumedToDate, cur)}</td>
<td class="num" data-label="Estimated">${formatMoney(u.estimatedToDate, cur)}</td><td class="num" data-label="Variance">${formatPercent(u.varianceToDate)}</td><td class="num" data-label="Projected total">${formatMoney(u.total, cur)}</td></tr>`;
  })}</tbody></table>`;
  const ms = milestones.length
    ? html`<h2 id="milestones-h">Milestones</h2><ul aria-labelledby="milestones-h">${milestones.map(
        (m) =>
          html`<li><strong>${m.name}</strong>: ${m.achievedMonth ? `achieved ${monthLabel(m.achievedMonth)}` : 'not achieved yet'}${m.targetMonth ? ` (target ${monthLabel(m.targetMonth)})` : ''}${m.note ? ` — ${m.note}` : ''}</li>`,
      )}</ul>`
    : '';
  return html`<p class="sub">${scenario.name} · ${monthLabel(summary.start)} to ${monthLabel(summary.monthly.at(-1)?.month ?? summary.start)} · figures as of ${monthLabel(summary.asOf)} · ${cur}</p>
${headline}
<h2>Cumulative benefit</h2>
${hasEstimate ? html`<label class="toggle"><input type="checkbox" id="toggle-estimate" checked aria-controls="chart"> Show the estimate${estimateName ? ` (${estimateName})` : ''}</label>` : ''}
<div class="chart-box" id="chart">${raw(svg)}${milestoneStrip(milestones, summary, frame)}</div>
${lines}${money}${ms}`;
}
