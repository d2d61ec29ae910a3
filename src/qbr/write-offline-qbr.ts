import { monthIndex } from '../engine/index.ts';
import { AUDIENCE_LABELS, type QbrAudience } from './qbr-audience.ts';
import type { QbrMeta, RefStyle } from './qbr-references.ts';
import { QBR_SECTIONS, type QbrSection } from './qbr-sections.ts';
import type { MetricStory, QbrDraftFacts, StoryMilestone } from './qbr-story.ts';
import type { QbrStatus } from './qbr-status.ts';
import { describeTemplateProblems, renderQbrTemplate } from './render-qbr-template.ts';

/**
 * The deterministic QBR writer. It writes the draft with references only (`{{roiToDate}}`,
 * `{{useCase.<id>.status}}`, `{{metric.<useCase>.<input>.target}}`): not one figure, month or
 * status word is typed here, so every number is bound to the claim its reference names, by
 * construction. `renderQbrTemplate` substitutes the values and checks the text the same way
 * it checks a model's.
 */

/** `{{name}}` or `{{name|style}}`. */
const r = (name: string, style?: RefStyle): string => `{{${name}${style ? `|${style}` : ''}}}`;
const list = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

interface W {
  f: QbrDraftFacts;
  audience: QbrAudience;
}

const uc = (id: string, field: string): string => r(`useCase.${id}.${field}`);
const mt = (m: Pick<MetricStory, 'useCase' | 'input'>, field: string): string => r(`metric.${m.useCase}.${m.input}.${field}`);
const ms = (m: Pick<StoryMilestone, 'id'>, field: string): string => r(`milestone.${m.id}.${field}`);
const meas = (m: Pick<MetricStory, 'useCase' | 'input'>, month: string, field = ''): string =>
  r(`measurement.${m.useCase}.${m.input}.${month}${field ? `.${field}` : ''}`);

/** The measurement (or baseline) a metric's change started from, as a reference. */
function fromRef(m: MetricStory, change: MetricStory['changes'][number]): string | null {
  const prev = [...m.history].reverse().find((h) => monthIndex(h.month) < monthIndex(change.month));
  if (prev) return meas(m, prev.month);
  return m.baseline !== null ? mt(m, 'baseline') : null;
}

/** A use case with no tracked metric, whose value rests on the business case's assumptions. */
const untracked = (u: { metrics: readonly string[] }): boolean => u.metrics.length === 0;

const good = (s: QbrStatus): boolean => s === 'ahead' || s === 'on track';
const weak = (s: QbrStatus): boolean => s === 'at risk' || s === 'behind';

function header(w: W): string {
  const { f } = w;
  return [
    `# Quarterly Business Review: ${r('case.name')}, ${r('quarter')}`,
    '',
    `**Customer:** ${r('case.customer')} · **Quarter:** ${r('quarter')} · **Report date:** ${r('reportDate')} · **Prepared by:** ${r('preparedBy')} · **For:** ${AUDIENCE_LABELS[w.audience]}`,
    '',
    `Figures as of ${r('asOf')}, in ${f.businessCase.currency}, from the scenario ${r('scenario.name')}${f.compareWith ? ` against the plan ${r('plan.name')}` : ''}. _Measured_ value rests on a metric recorded in its own month; _carried forward_ on the last recording still in force; _assumed_ on the business case's assumptions. Together they are the _realized_ value. _Projected_ value is for months after ${r('asOf')} only.`,
  ].join('\n');
}

/** The change in the quarter that tells the most: one linked to a milestone first, else the latest. */
function keyChange(w: W): { m: MetricStory; c: MetricStory['changes'][number] } | null {
  const all = w.f.story.metrics.flatMap((m) => m.changes.map((c) => ({ m, c })));
  return all.find((x) => x.c.milestone !== null) ?? all[all.length - 1] ?? null;
}

function changeSentence(w: W, m: MetricStory, c: MetricStory['changes'][number]): string {
  const from = fromRef(m, c);
  const ms0 = c.milestone ? w.f.story.milestones.find((x) => x.id === c.milestone) : undefined;
  const lead = ms0
    ? `${ms(ms0, 'name')} was achieved in ${ms(ms0, 'achievedMonth')}${ms0.monthsLate !== null ? ` (${ms(ms0, 'timing')} against its target month ${ms(ms0, 'targetMonth')})` : ''}; `
    : '';
  const dir = c.to > c.from ? 'rose' : 'fell';
  const move = from ? `${dir} from ${from} to ${meas(m, c.month)}` : `stood at ${meas(m, c.month)}`;
  const latest = m.latest?.month === c.month;
  const target = latest && m.target !== null ? `, ${mt(m, 'varianceToTarget')} its target of ${mt(m, 'target')}` : '';
  return `${lead}${mt(m, 'label')} ${move} in ${meas(m, c.month, 'month')}${target}`;
}

/** What we ask the sponsor for: the most pressing open item. */
function theAsk(w: W): string {
  const s = w.f.story;
  // The open milestone that matters most: an overdue one, else the next one due (its note says what it depends on).
  const dependent = s.milestones.find((m) => m.state === 'overdue') ?? s.milestones.find((m) => m.state === 'upcoming');
  const assumedOnly = s.useCases.find((u) => u.status === 'not measured' && untracked(u));
  const unrecorded = s.metrics.filter((m) => m.latest === null);
  const weakMetric = s.metrics.find((m) => weak(m.status));
  const asks: string[] = [];
  if (dependent)
    asks.push(
      `your support on ${ms(dependent, 'name')} (${dependent.state === 'overdue' ? `its target month ${ms(dependent, 'targetMonth')} has passed` : `due ${ms(dependent, 'targetMonth')}`}${dependent.note ? `; ${ms(dependent, 'note')}` : ''})`,
    );
  else if (weakMetric) asks.push(`an owner on your side for ${mt(weakMetric, 'label')}`);
  if (assumedOnly) asks.push(`agreement on how to measure ${uc(assumedOnly.id, 'name')}, which today rests on assumptions only`);
  if (unrecorded.length) asks.push(`the first recordings of ${list(unrecorded.map((m) => mt(m, 'label')))}`);
  return asks.length ? `We ask for ${list(asks)}.` : 'We ask you to confirm the next steps below and an owner for each.';
}

function executiveSummary(w: W): string {
  const { f } = w;
  const s = f.story;
  const est = f.compareWith !== null && f.inQuarter.estimated !== null;
  const payback = f.toDate.paybackMonth
    ? `; the investment paid back in ${r('paybackMonth')}`
    : f.toDate.investment > 0
      ? `, which covers ${r('investmentCoveredToDate')} of the investment so far`
      : '';
  const outcome = `In ${r('quarter')}, ${r('case.name')} realized ${r('realizedInQuarter')}${est ? ` (${r('varianceInQuarter')} the plan of ${r('estimatedInQuarter')})` : ''}, bringing the total since ${r('contractStart')} to ${r('realizedToDate')}${payback}.`;
  const kc = keyChange(w);
  const story = kc ? `${changeSentence(w, kc.m, kc.c)}.` : '';
  if (w.audience === 'finance') {
    const roi =
      f.toDate.roi !== null
        ? `Realized value to date is ${r('realizedToDate')} against ${r('investmentToDate')} invested, a return on investment of ${r('roiToDate')}${f.toDate.paybackMonth ? `; payback came in ${r('paybackMonth')}, when the investment up to that month was ${r('investmentAtPayback')}` : ''}.`
        : `Realized value to date is ${r('realizedToDate')}; there is no investment in the case to set it against.`;
    const split =
      f.toDate.realized > 0
        ? `Of it, ${r('measuredShareToDate')} was measured in its own month, ${r('carriedForwardShareToDate')} is carried forward from an earlier measurement and ${r('assumedShareToDate')} rests on assumptions.`
        : '';
    const projected =
      f.contract.projectedRoi !== null && s.projection.from
        ? `For the months from ${r('projectionFrom')} to ${r('contractEnd')} we project a further ${r('projectedAfterAsOf')}, for a projected ROI over the window of ${r('projectedRoi')}.`
        : '';
    return [roi, split, projected].filter(Boolean).join(' ');
  }
  if (w.audience === 'champion') {
    const metricLines = s.metrics
      .filter((m) => m.latest)
      .map((m) => `${mt(m, 'label')} stands at ${mt(m, 'after')}${m.target !== null ? ` (${mt(m, 'status')}; target ${mt(m, 'target')})` : ''}`);
    const first = metricLines.length ? `${cap(list(metricLines))}.` : outcome;
    const gaps = f.metrics.filter((m) => m.missingMonths.length > 0);
    const gapLine = gaps.length
      ? `To keep the figures measured, we need ${list(gaps.map((m) => `${mt(m, 'label')} for ${mt(m, 'missingMonths')}`))}.`
      : 'Every tracked metric was recorded in every month of the quarter.';
    return [first, story, gapLine].filter(Boolean).join(' ');
  }
  return [outcome, story, theAsk(w)].filter(Boolean).join(' ');
}

function beforeCell(m: MetricStory): string {
  if (m.baseline !== null) return `${mt(m, 'baseline')} (baseline)`;
  if (m.first) return `${mt(m, 'first')} (first measured, ${mt(m, 'firstMonth')})`;
  return '—';
}

function outcomes(w: W): string {
  const { f } = w;
  const s = f.story;
  const parts: string[] = [];
  if (s.metrics.length) {
    parts.push(
      [
        '| Objective | Metric | Before | After | Target | Variance | Status |',
        '|---|---|---:|---:|---:|---:|---|',
        ...s.metrics.map(
          (m) =>
            `| ${uc(m.useCase, 'name')} | ${mt(m, 'label')} | ${beforeCell(m)} | ${m.latest ? `${mt(m, 'after')} (${mt(m, 'afterMonth')})` : '—'} | ${m.target !== null ? mt(m, 'target') : '—'} | ${m.latest && m.target !== null ? r(`metric.${m.useCase}.${m.input}.varianceToTarget`, 'signed') : '—'} | ${r(`metric.${m.useCase}.${m.input}.status`, 'mark')} |`,
        ),
      ].join('\n'),
    );
  }
  const est = f.compareWith !== null;
  const valueRows = f.useCases.map((u) => {
    const us = s.useCases.find((x) => x.id === u.id)!;
    const cells =
      w.audience === 'finance'
        ? [uc(u.id, 'realizedToDate'), uc(u.id, 'measuredToDate'), uc(u.id, 'carriedForwardToDate'), uc(u.id, 'assumedToDate')]
        : [uc(u.id, 'realizedInQuarter'), uc(u.id, 'realizedToDate')];
    const plan =
      est && u.toDate.estimated !== null
        ? [
            uc(u.id, 'estimatedToDate'),
            us.status !== 'not measured'
              ? r(`useCase.${u.id}.varianceToDate`, 'signed')
              : w.audience === 'finance'
                ? `${r(`useCase.${u.id}.varianceToDate`, 'signed')} assumed`
                : '—',
          ]
        : ['—', '—'];
    return `| ${uc(u.id, 'name')} | ${[...cells, ...plan].join(' | ')} | ${r(`useCase.${u.id}.status`, 'mark')} |`;
  });
  const head =
    w.audience === 'finance'
      ? ['| Use case | Realized to date | Measured | Carried forward | Assumed | Plan to date | Variance | Status |', '|---|---:|---:|---:|---:|---:|---:|---|']
      : ['| Use case | Realized this quarter | Realized to date | Plan to date | Variance | Status |', '|---|---:|---:|---:|---:|---|'];
  parts.push([...head, ...valueRows].join('\n'));
  const notes = s.useCases
    .filter((u) => u.status === 'not measured')
    .map((u) =>
      untracked(u)
        ? `${uc(u.id, 'name')} has no tracked metric: its ${uc(u.id, 'realizedToDate')} realized to date is assumed value, so it gets no status against the plan${w.audience === 'finance' ? ' (its variance compares an assumption with the plan)' : ''}.`
        : `${uc(u.id, 'name')} is tracked through ${list(s.metrics.filter((m) => m.useCase === u.id).map((m) => mt(m, 'label')))}, which has no recording yet: until it has one, the use case claims no value and gets no status.`,
    );
  if (notes.length) parts.push(notes.join(' '));
  return parts.join('\n\n');
}

function financial(w: W): string {
  const { f } = w;
  const s = f.story;
  const parts: string[] = [];
  const paybackLine = f.toDate.paybackMonth
    ? `- **Payback:** ${r('paybackMonth')} (month ${r('paybackMonthNumber')} of ${r('contractMonths')}): cumulative realized value of ${r('realizedAtPayback')} passed the investment up to that month, ${r('investmentAtPayback')}.`
    : f.toDate.investment > 0
      ? `- **Payback:** not reached; realized value to date covers ${r('investmentCoveredToDate')} of the investment to date.`
      : '';
  const split = [
    '| | This quarter | To date |',
    '|---|---:|---:|',
    `| Measured in its own month | ${r('measuredInQuarter')} | ${r('measuredToDate')} |`,
    `| Carried forward | ${r('carriedForwardInQuarter')} | ${r('carriedForwardToDate')} |`,
    `| Assumed | ${r('assumedInQuarter')} | ${r('assumedToDate')} |`,
    `| Realized | ${r('realizedInQuarter')} | ${r('realizedToDate')} |`,
    ...(f.compareWith
      ? [
          `| Plan | ${r('estimatedInQuarter')} | ${r('estimatedToDate')} |`,
          `| Variance | ${r('varianceInQuarter', 'signed')} | ${r('varianceToDate', 'signed')} |`,
        ]
      : []),
  ].join('\n');
  const projection = s.projection.from
    ? `- **Projected** for ${r('projectionFrom')} to ${r('contractEnd')}: ${r('projectedAfterAsOf')} more, so ${r('projectedTotal')} projected over the window${f.contract.projectedRoi !== null ? ` for ${r('investmentTotal')} of investment (projected ROI ${r('projectedRoi')})` : ''}. The months up to ${r('asOf')} count only what was realized.`
    : `- The window ended by ${r('asOf')}: nothing is projected; the realized total is final.`;
  if (w.audience === 'finance') {
    parts.push('### ROI worksheet');
    if (s.investment.items.length) {
      parts.push(
        [
          '| Investment | Recurrence | Amount | To date | Whole window |',
          '|---|---|---:|---:|---:|',
          ...s.investment.items.map(
            (_, i) =>
              `| ${r(`investment.${i + 1}.label`)} | ${r(`investment.${i + 1}.recurrence`)} | ${r(`investment.${i + 1}.amount`)} | ${r(`investment.${i + 1}.toDate`)} | ${r(`investment.${i + 1}.total`)} |`,
          ),
          `| Total | | | ${r('investmentToDate')} | ${r('investmentTotal')} |`,
        ].join('\n'),
      );
      parts.push(
        `Investment schedule by contract year: ${list(s.investment.years.map((y) => `${r(`investmentYear.${y.year}.from`)} to ${r(`investmentYear.${y.year}.to`)}, ${r(`investmentYear.${y.year}.amount`)}`))}.`,
      );
    }
    parts.push(split);
    const lines = [
      f.toDate.investment > 0
        ? `- **Net value to date:** ${r('realizedToDate')} realized less ${r('investmentToDate')} invested = ${r('netBenefitToDate')} net benefit.`
        : '',
      f.toDate.roi !== null
        ? `- **ROI to date:** net benefit divided by investment to date = ${r('roiToDate')} (realized value is ${r('benefitMultipleToDate')} the investment).`
        : '',
      paybackLine,
      projection,
    ].filter(Boolean);
    parts.push(lines.join('\n'));
    parts.push(
      'Method: every figure is computed by the benefit engine from the business case document. Realized value counts a tracked calculation only in months its metric has a recording (fresh or carried forward) and an untracked one at its assumptions; ROI is realized value less investment, divided by investment.',
    );
    return parts.join('\n\n');
  }
  const lines = [
    `- **Realized to date:** ${r('realizedToDate')}${f.compareWith ? ` (${r('varianceToDate')} the plan of ${r('estimatedToDate')})` : ''}.`,
    f.toDate.investment > 0 ? `- **Investment to date:** ${r('investmentToDate')}; return on investment to date ${r('roiToDate')}.` : '',
    paybackLine,
    projection,
  ].filter(Boolean);
  if (w.audience === 'champion') {
    parts.push(split);
    parts.push(
      f.toDate.roi !== null
        ? `The ROI, payback and projection are in the finance version of this review; in short, the return on investment to date is ${r('roiToDate')}.`
        : 'The case has no investment, so there is no ROI or payback to report.',
    );
    return parts.join('\n\n');
  }
  parts.push(lines.join('\n'));
  return parts.join('\n\n');
}

function drivers(w: W): string {
  const { f } = w;
  const s = f.story;
  const out: string[] = [];
  for (const m of s.metrics) for (const c of m.changes) out.push(`- ${changeSentence(w, m, c)}${c.note ? ` (${meas(m, c.month, 'note')})` : ''}.`);
  for (const u of s.useCases.filter((x) => weak(x.status))) {
    const ok = s.metrics.filter((m) => m.useCase === u.id && good(m.status));
    const late = s.milestones.filter((m) => m.monthsLate !== null && m.monthsLate > 0);
    if (ok.length && late.length)
      out.push(
        `- ${uc(u.id, 'name')} is ${uc(u.id, 'gapToDate')} the plan to date (${uc(u.id, 'status')}) even though ${list(ok.map((m) => `${mt(m, 'label')} now stands at ${mt(m, 'after')} (${mt(m, 'status')}; target ${mt(m, 'target')})`))}: the plan counted on the improvement from earlier months, and ${list(late.map((m) => `${ms(m, 'name')} came ${ms(m, 'timing')}`))}.`,
      );
    else if (u.gapToDate !== null)
      out.push(
        `- ${uc(u.id, 'name')} is ${uc(u.id, 'gapToDate')} the plan to date (${uc(u.id, 'status')})${u.metrics.length ? `; see its metric above` : ''}.`,
      );
  }
  for (const c of s.assumptionChanges) {
    const p = `change.${c.useCase}.${c.input}.${c.month}`;
    out.push(
      c.inEffect
        ? `- Assumption changed: ${r(`${p}.label`)} went from ${r(`${p}.from`)} to ${r(`${p}.to`)} in ${r(`${p}.month`)}${c.note ? ` (${r(`${p}.note`)})` : ''}; the realized figures since then use the new value.`
        : `- Assumption to come: ${r(`${p}.label`)} goes from ${r(`${p}.from`)} to ${r(`${p}.to`)} in ${r(`${p}.month`)}${c.note ? ` (${r(`${p}.note`)})` : ''}. It is not in the realized figures; it raises the projection from then on, so it is worth confirming.`,
    );
  }
  for (const m of f.metrics.filter((x) => x.missingMonths.length > 0)) {
    const sm = s.metrics.find((x) => x.useCase === m.useCase && x.input === m.input)!;
    out.push(
      sm.latest
        ? `- ${mt(sm, 'label')} was not recorded for ${mt(sm, 'missingMonths')}: its last recording is carried forward, and shown apart from fresh measurements.`
        : `- ${mt(sm, 'label')} has no recording yet, so ${uc(sm.useCase, 'name')} claims nothing for ${mt(sm, 'missingMonths')}.`,
    );
  }
  if (!out.length) return 'No metric moved and no assumption changed this quarter.';
  const limit = w.audience === 'executive-sponsor' ? 3 : out.length;
  return out.slice(0, limit).join('\n');
}

function successStories(w: W): string {
  const s = w.f.story;
  const stories: string[] = [];
  for (const m of s.metrics)
    for (const c of m.changes)
      if (m.direction === 'increase' ? c.to > c.from : c.to < c.from) {
        // An improvement with a note tells what changed; without one it is a story only when it reached the target.
        const reached = m.target !== null && (m.direction === 'increase' ? c.to >= m.target : c.to <= m.target);
        if (!c.note && !reached) continue;
        const source = m.history.find((h) => h.month === c.month)?.source ? ` (source: ${meas(m, c.month, 'source')})` : '';
        stories.push(
          c.note
            ? `- **${mt(m, 'label')}, ${meas(m, c.month, 'month')}:** ${meas(m, c.month, 'note')}. The metric reached ${meas(m, c.month)}${source}.`
            : `- **${mt(m, 'label')}, ${meas(m, c.month, 'month')}:** the metric reached ${meas(m, c.month)}, meeting its target of ${mt(m, 'target')}${source}. A note on what made the difference would make this a story to tell.`,
        );
      }
  const qStart = monthIndex(w.f.quarter.start);
  for (const m of s.milestones.filter((x) => x.achievedMonth && monthIndex(x.achievedMonth) >= qStart))
    stories.push(`- **${ms(m, 'name')}** achieved in ${ms(m, 'achievedMonth')}${m.note ? `: ${ms(m, 'note')}` : ''}.`);
  if (!stories.length) return 'No success was noted with a measurement this quarter. A note on a measurement (what changed, who did it) becomes a story here.';
  return (w.audience === 'executive-sponsor' ? stories.slice(0, 2) : stories).join('\n');
}

function milestoneSection(w: W): string {
  const s = w.f.story;
  const qStart = monthIndex(w.f.quarter.start);
  const line = (m: StoryMilestone): string => {
    if (m.achievedMonth)
      return `- ${ms(m, 'name')}: achieved ${ms(m, 'achievedMonth')}${m.monthsLate !== null ? ` (${ms(m, 'timing')}; target ${ms(m, 'targetMonth')})` : ''}${m.note ? `. ${ms(m, 'note')}` : ''}.`;
    if (m.state === 'overdue')
      return `- ${ms(m, 'name')}: ${ms(m, 'state')}, its target month ${ms(m, 'targetMonth')} has passed${m.note ? `. ${ms(m, 'note')}` : ''}.`;
    if (m.state === 'upcoming') return `- ${ms(m, 'name')}: due ${ms(m, 'targetMonth')}${m.note ? `. ${ms(m, 'note')}` : ''}.`;
    return `- ${ms(m, 'name')}: no target month yet${m.note ? `. ${ms(m, 'note')}` : ''}.`;
  };
  const group = (title: string, items: StoryMilestone[]): string => (items.length ? `**${title}**\n${items.map(line).join('\n')}` : '');
  const inQ = s.milestones.filter((m) => m.achievedMonth && monthIndex(m.achievedMonth) >= qStart);
  const earlier = s.milestones.filter((m) => m.achievedMonth && monthIndex(m.achievedMonth) < qStart);
  const overdue = s.milestones.filter((m) => m.state === 'overdue');
  const coming = s.milestones.filter((m) => m.state === 'upcoming' || m.state === 'unscheduled');
  const parts = [
    group('Achieved this quarter ✅', inQ),
    group(`Coming up, to the contract's end 🔄`, coming),
    group('Past their target month ⚠️', overdue),
    w.audience === 'executive-sponsor' ? '' : group('Achieved earlier', earlier),
  ].filter(Boolean);
  return parts.length ? parts.join('\n\n') : 'The business case has no milestones yet.';
}

interface Risk {
  kind: 'value' | 'gap' | 'assumed' | 'milestone' | 'projection';
  text: string;
}

function risks(w: W): Risk[] {
  const { f } = w;
  const s = f.story;
  const out: Risk[] = [];
  for (const u of s.useCases.filter((x) => weak(x.status))) {
    const mets = s.metrics.filter((m) => m.useCase === u.id);
    const weakM = mets.filter((m) => weak(m.status));
    const metGood = mets.filter((m) => good(m.status));
    const noTarget = mets.filter((m) => m.status === 'no target');
    const causes = [
      ...weakM.map((m) => `${mt(m, 'label')} is at ${mt(m, 'after')}, ${mt(m, 'varianceToTarget')} its target of ${mt(m, 'target')}`),
      ...noTarget.map(
        (m) =>
          `${mt(m, 'label')} stands at ${mt(m, 'after')} (recorded ${mt(m, 'afterMonth')}) and the business case sets no target for it, so the gap shows only in value`,
      ),
      ...(metGood.length && !weakM.length
        ? [`the months before ${list(metGood.map((m) => mt(m, 'label')))} reached its target still weigh on the total, so the gap to date closes slowly`]
        : []),
    ];
    const cause = causes.length ? `Cause: ${causes.join('; ')}.` : 'Cause: its value to date rests partly on assumptions; see below.';
    out.push({ kind: 'value', text: `**${uc(u.id, 'name')}: ${uc(u.id, 'status')}**, ${uc(u.id, 'gapToDate')} the plan to date. ${cause}` });
  }
  for (const m of f.metrics.filter((x) => x.missingMonths.length > 0)) {
    const sm = s.metrics.find((x) => x.useCase === m.useCase && x.input === m.input)!;
    out.push({
      kind: 'gap',
      text: sm.latest
        ? `**${mt(sm, 'label')} not recorded for ${mt(sm, 'missingMonths')}.** Cause: no recording was made${sm.latest.source ? ` from ${mt(sm, 'source')}` : ''}; the last value is carried forward, which holds the figure up without fresh evidence.`
        : `**${mt(sm, 'label')} has no recording yet** (none for ${mt(sm, 'missingMonths')}). Cause: tracking started but nothing was recorded, so ${uc(sm.useCase, 'name')} claims no value.`,
    });
  }
  for (const u of s.useCases.filter((x) => x.status === 'not measured' && f.useCases.find((y) => y.id === x.id)!.toDate.realized > 0))
    out.push({
      kind: 'assumed',
      text: `**${uc(u.id, 'name')} rests on assumptions only** (${uc(u.id, 'assumedToDate')} assumed to date). Cause: it has no tracked metric, so the customer may not accept it as realized value.`,
    });
  for (const m of s.milestones.filter((x) => x.state === 'overdue'))
    out.push({
      kind: 'milestone',
      text: `**${ms(m, 'name')}: ${ms(m, 'state')}** (target ${ms(m, 'targetMonth')}).${m.note ? ` Cause: ${ms(m, 'note')}.` : ''}`,
    });
  for (const m of s.milestones.filter((x) => x.state === 'upcoming' && x.note))
    out.push({ kind: 'milestone', text: `**${ms(m, 'name')}** (due ${ms(m, 'targetMonth')}) has a dependency: ${ms(m, 'note')}.` });
  for (const c of s.assumptionChanges.filter((x) => !x.inEffect)) {
    const p = `change.${c.useCase}.${c.input}.${c.month}`;
    out.push({
      kind: 'projection',
      text: `**The projection counts on ${r(`${p}.label`)} at ${r(`${p}.to`)} from ${r(`${p}.month`)}.** Cause: an assumption change not yet in effect; if it slips, the projected value falls with it.`,
    });
  }
  const order: Record<QbrAudience, Risk['kind'][]> = {
    'executive-sponsor': ['value', 'milestone', 'assumed', 'projection', 'gap'],
    finance: ['assumed', 'projection', 'value', 'gap', 'milestone'],
    champion: ['gap', 'value', 'milestone', 'assumed', 'projection'],
  };
  return out.sort((a, b) => order[w.audience].indexOf(a.kind) - order[w.audience].indexOf(b.kind));
}

function riskSection(w: W): string {
  const all = risks(w);
  if (!all.length)
    return 'No use case is short of its plan, every metric was recorded in every month, nothing rests on assumptions alone and no milestone is overdue.';
  return (w.audience === 'executive-sponsor' ? all.slice(0, 3) : all).map((x) => `- ${x.text}`).join('\n');
}

const OWNER = ' Owner: [name]. Due: [date].';

function nextSteps(w: W): string {
  const { f } = w;
  const s = f.story;
  const steps: string[] = [];
  // Metrics whose step already asks for a new recording get no second step for their missing months.
  const recordAgain = new Set<string>();
  if (w.audience === 'executive-sponsor')
    steps.push(
      `**The ask:** ${theAsk(w)
        .replace(/^We ask for /, '')
        .replace(/\.$/, '')}.`,
    );
  for (const m of s.metrics) {
    const stale = f.metrics
      .find((x) => x.useCase === m.useCase && x.input === m.input)!
      .missingMonths.includes(f.quarter.months[f.quarter.months.length - 1] ?? '');
    if (weak(m.status) && stale) recordAgain.add(`${m.useCase}.${m.input}`);
    if (weak(m.status))
      steps.push(
        stale
          ? `Record ${mt(m, 'label')} again (the last recording is from ${mt(m, 'afterMonth')}), then agree the actions that lift it to its target of ${mt(m, 'target')}.`
          : `Agree with the team the actions that lift ${mt(m, 'label')} to its target of ${mt(m, 'target')} (now ${mt(m, 'after')}, ${mt(m, 'varianceToTarget')} it).`,
      );
    else if (good(m.status))
      steps.push(
        `Keep ${mt(m, 'label')} at or above ${mt(m, 'target')} and record it every month, ${
          weak(s.useCases.find((u) => u.id === m.useCase)!.status)
            ? `so ${uc(m.useCase, 'name')} closes its gap to the plan`
            : `so the value of ${uc(m.useCase, 'name')} keeps resting on fresh measurements`
        }.`,
      );
  }
  for (const m of f.metrics.filter((x) => x.missingMonths.length > 0 && !recordAgain.has(`${x.useCase}.${x.input}`))) {
    const sm = s.metrics.find((x) => x.useCase === m.useCase && x.input === m.input)!;
    steps.push(`Record ${mt(sm, 'label')} for ${mt(sm, 'missingMonths')}${sm.latest?.source ? ` from ${mt(sm, 'source')}` : ''}, with the evidence file.`);
  }
  for (const u of s.useCases.filter((x) => x.status === 'not measured' && untracked(x)))
    steps.push(`Agree with the customer how ${uc(u.id, 'name')} is measured (a metric recorded monthly), so its value counts as measured.`);
  for (const m of s.milestones.filter((x) => x.state === 'overdue' || x.state === 'upcoming'))
    steps.push(
      `${m.state === 'overdue' ? 'Set a new date for' : 'Deliver'} ${ms(m, 'name')}${m.state === 'upcoming' ? ` by ${ms(m, 'targetMonth')}` : ''}${m.note ? ` (${ms(m, 'note')})` : ''}.`,
    );
  for (const c of s.assumptionChanges.filter((x) => !x.inEffect)) {
    const p = `change.${c.useCase}.${c.input}.${c.month}`;
    steps.push(`Confirm ${r(`${p}.label`)} goes to ${r(`${p}.to`)} in ${r(`${p}.month`)}, or update the assumption.`);
  }
  if (w.audience === 'finance') steps.push('Review this ROI worksheet with the customer’s finance team so the realized figures are customer-validated.');
  if (w.audience === 'champion') steps.push('Share the evidence files with the team leads and keep one with every monthly recording.');
  const limit = w.audience === 'executive-sponsor' ? 4 : 8;
  return steps
    .slice(0, limit)
    .map((x, i) => `${i + 1}. ${x}${OWNER}`)
    .join('\n');
}

const CONFIDENCE_RULE = {
  high: 'High: well over half of it was measured in its own month.',
  medium: 'Medium: measurements back at least half of it, but most of those are carried forward from earlier months rather than fresh.',
  low: 'Low: most of it rests on assumptions or old measurements; more recordings would raise it.',
};

function confidence(w: W): string {
  const { f } = w;
  if (f.toDate.realized <= 0) return 'Nothing is realized yet, so there is nothing to be confident about; the next recordings start the record.';
  return `Confidence in the figures to date: **${r('confidence')}**. ${cap(r('measuredShareToDate'))} of the realized value was measured in its own month, ${r('carriedForwardShareToDate')} is carried forward from an earlier measurement and ${r('assumedShareToDate')} rests on assumptions. ${CONFIDENCE_RULE[f.story.toDate.freshMeasured / f.toDate.realized >= 0.6 ? 'high' : (f.story.toDate.freshMeasured + f.story.toDate.carriedForward) / f.toDate.realized >= 0.5 ? 'medium' : 'low']}`;
}

function appendix(w: W): string {
  const { f } = w;
  const s = f.story;
  const sources = [...new Set(s.metrics.flatMap((m) => m.history.filter((h) => h.source).map(() => `${m.useCase}|${m.input}`)))];
  const sourceLine = sources.length
    ? `Data sources: ${list(
        s.metrics
          .filter((m) => m.history.some((h) => h.source))
          .map((m) => {
            const h = [...m.history].reverse().find((x) => x.source)!;
            return `${mt(m, 'label')} from ${meas(m, h.month, 'source')}`;
          }),
      )}.`
    : 'Data sources: no source is recorded with the measurements yet.';
  if (w.audience === 'executive-sponsor')
    return `${sourceLine} The full list of assumptions and evidence is in the finance and champion versions of this review.`;
  const parts: string[] = [sourceLine];
  parts.push('**Assumptions (inputs of the business case)**');
  parts.push(
    [
      '| Use case | Input | Value |',
      '|---|---|---:|',
      ...s.inputs.map((i) => `| ${uc(i.useCase, 'name')} | ${r(`input.${i.useCase}.${i.input}.label`)} | ${r(`input.${i.useCase}.${i.input}.value`)} |`),
    ].join('\n'),
  );
  const targets = s.metrics.filter((m) => m.target !== null);
  if (targets.length)
    parts.push(
      `**Targets:** ${list(targets.map((m) => `${mt(m, 'label')} ${mt(m, 'target')}${m.baseline !== null ? ` (the business case's improvement on its baseline of ${mt(m, 'baseline')})` : ' (the value the business case planned with)'}`))}.`,
    );
  if (s.assumptionChanges.length)
    parts.push(
      `**Assumption changes:** ${list(s.assumptionChanges.map((c) => `${r(`change.${c.useCase}.${c.input}.${c.month}.label`)} ${r(`change.${c.useCase}.${c.input}.${c.month}.from`)} to ${r(`change.${c.useCase}.${c.input}.${c.month}.to`)} from ${r(`change.${c.useCase}.${c.input}.${c.month}.month`)}`))}.`,
    );
  const evidence = s.metrics.flatMap((m) =>
    m.history
      .filter((h) => w.audience === 'champion' || monthIndex(h.month) >= monthIndex(f.quarter.start))
      .map((h) => {
        const details = [
          h.note ? meas(m, h.month, 'note') : null,
          h.source ? `source: ${meas(m, h.month, 'source')}` : null,
          h.evidence ? `evidence: ${meas(m, h.month, 'evidence')}` : null,
        ].filter(Boolean);
        return `- ${mt(m, 'label')}, ${meas(m, h.month, 'month')}: ${meas(m, h.month)}${details.length ? `. ${cap(details.join('; '))}` : ''}.`;
      }),
  );
  if (evidence.length) {
    parts.push(w.audience === 'champion' ? '**Every recording to date**' : '**Recordings this quarter**');
    parts.push(evidence.join('\n'));
  }
  return parts.join('\n\n');
}

function signOff(w: W): string {
  return `Prepared by ${r('preparedBy')} on ${r('reportDate')}. Reviewed with ${r('case.customer')}: [name, title], [date].${w.audience === 'finance' ? ' Figures validated by finance: [name], [date].' : ''}`;
}

/** The draft with references: what the offline writer writes, before rendering. */
export function writeOfflineQbrTemplate(facts: QbrDraftFacts, audience: QbrAudience): string {
  const w: W = { f: facts, audience };
  const bodies: Record<QbrSection, string> = {
    'Executive summary': executiveSummary(w),
    'Outcomes per objective': outcomes(w),
    'Financial summary': financial(w),
    'What drove the results': drivers(w),
    'Success stories': successStories(w),
    Milestones: milestoneSection(w),
    'Risks and their causes': riskSection(w),
    'Next steps': nextSteps(w),
    Confidence: confidence(w),
    'Appendix: assumptions and data sources': appendix(w),
    'Sign-off': signOff(w),
  };
  return `${header(w)}\n\n${QBR_SECTIONS.map((s) => `## ${s}\n\n${bodies[s]}`).join('\n\n')}\n`;
}

/**
 * The deterministic QBR writer: the sections of the seeds' quarterly value report, written
 * with references and rendered. Throws when its own text breaks a rule (a bug, never the
 * data's fault: the tests run it on every quarter of the demo and other cases).
 */
export function writeOfflineQbr(facts: QbrDraftFacts, audience: QbrAudience, meta: QbrMeta = {}): string {
  if (!facts.story) throw new Error('writeOfflineQbr needs the facts with their story (factsForQuarter or withStory)');
  const rendered = renderQbrTemplate(writeOfflineQbrTemplate(facts, audience), facts, meta);
  if (rendered.problems.length) throw new Error(`the offline QBR writer broke its own rules:\n${describeTemplateProblems(rendered.problems)}`);
  return rendered.markdown;
}
