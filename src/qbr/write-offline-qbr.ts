import type { MetricFacts, MilestoneFact, QbrFacts, UseCaseFacts, ValueFigures } from '../engine/index.ts';
import { AUDIENCE_LABELS, type QbrAudience } from './qbr-audience.ts';
import { QBR_SECTIONS } from './qbr-sections.ts';
import {
  formatMetricValue,
  formatMoney,
  formatMultiple,
  formatPercent,
  formatSignedPercent,
  isPercentUnit,
  monthList,
  monthName,
  monthsBetween,
  nextQuarter,
  percentNumber,
  quarterName,
} from './format-qbr-figures.ts';

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** Small counts in words ("two use cases"); larger ones as digits. */
const count = (n: number): string => WORDS[n] ?? String(n);
const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const list = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`);
/** Escapes what Markdown would read as table or emphasis syntax in names taken from the document. */
const md = (s: string): string => s.replace(/\|/g, '\\|').replace(/([*_`])/g, '\\$1');

const STATUS_LABEL: Record<UseCaseFacts['status'], string> = { ahead: 'Ahead', 'on-track': 'On track', behind: 'Behind', 'no-estimate': 'No estimate' };

/** Everything the section writers share: the facts, the audience and the formatters bound to the currency. */
interface Writer {
  f: QbrFacts;
  audience: QbrAudience;
  money: (v: number) => string;
  q: string;
}

/** "22% below the estimate" / "62% ahead of the estimate" / "in line with the estimate". */
function versus(v: ValueFigures, w: Writer, of = 'the estimate'): string {
  if (v.estimated === null) return 'with no estimate to compare with';
  if (v.variance === null) return `against an estimate of ${w.money(v.estimated)}`;
  if (percentNumber(v.variance) === 0) return `in line with ${of} of ${w.money(v.estimated)}`;
  return `${formatPercent(v.variance)} ${v.variance > 0 ? 'ahead of' : 'below'} ${of} of ${w.money(v.estimated)}`;
}

/** "$34,107 measured and $10,000 assumed" (only the parts that are there). */
function split(v: ValueFigures, w: Writer): string {
  if (v.realized === 0) return 'nothing realized yet';
  if (v.assumed === 0) return `all of it measured`;
  if (v.measured === 0) return `all of it resting on assumptions, none measured yet`;
  return `${w.money(v.measured)} measured and ${w.money(v.assumed)} resting on assumptions`;
}

function metricMove(m: MetricFacts, w: Writer): string {
  const v = (x: number): string => formatMetricValue(x, m.unit, w.f.businessCase.currency);
  const dir = m.atQuarterEnd > m.atQuarterStart ? 'rose' : m.atQuarterEnd < m.atQuarterStart ? 'fell' : 'held';
  const inQuarter =
    dir === 'held' ? `held at ${v(m.atQuarterEnd)} through the quarter` : `${dir} from ${v(m.atQuarterStart)} to ${v(m.atQuarterEnd)} in the quarter`;
  let vsBaseline = '';
  if (m.baseline !== m.atQuarterEnd) {
    const change = isPercentUnit(m.unit)
      ? `${Math.abs(percentNumber(m.atQuarterEnd - m.baseline))} percentage points`
      : m.baseline !== 0
        ? formatPercent((m.atQuarterEnd - m.baseline) / Math.abs(m.baseline))
        : v(Math.abs(m.atQuarterEnd - m.baseline));
    vsBaseline = `, ${change} ${m.atQuarterEnd > m.baseline ? 'above' : 'below'} its baseline of ${v(m.baseline)}`;
  } else vsBaseline = `, level with its baseline`;
  return `**${md(m.label)}** ${inQuarter}${vsBaseline}`;
}

function missingNote(m: MetricFacts): string {
  return `${md(m.label)} has no measurement for ${monthList(m.missingMonths)}`;
}

function header(w: Writer): string {
  const { f } = w;
  const compare = f.compareWith ? `, compared with ${md(f.compareWith.name)}` : '';
  return [
    `# Quarterly Business Review: ${md(f.businessCase.name)}, ${w.q}`,
    '',
    `Prepared for: ${AUDIENCE_LABELS[w.audience]} · ${md(f.businessCase.customer)} · Scenario: ${md(f.scenario.name)}${compare} · Figures as of ${monthName(f.asOf)}, in ${f.businessCase.currency}.`,
    '',
    `_Realized_ value is what the benefit engine counts for months up to ${monthName(f.asOf)}: _measured_ where a tracked metric was recorded (_carried forward_ in a month without a new measurement, where the last recorded value still stands), _assumed_ where it still rests on the business case's assumptions. _Estimated_ value is the plan${f.compareWith ? ` (${md(f.compareWith.name)})` : ''}.`,
  ].join('\n');
}

function executiveSummary(w: Writer): string {
  const { f } = w;
  const behind = f.useCases.filter((u) => u.status === 'behind');
  const ahead = f.useCases.filter((u) => u.status === 'ahead');
  const onTrack = f.useCases.filter((u) => u.status === 'on-track');
  const paras: string[] = [];
  const quarterEmpty = f.quarter.months.length === 0;

  const quarterLine = quarterEmpty
    ? `No month of ${w.q} is realized yet (figures as of ${monthName(f.asOf)}).`
    : `In ${w.q}, ${md(f.businessCase.name)} realized ${w.money(f.inQuarter.realized)} of value, ${versus(f.inQuarter, w, 'the quarter’s estimate')}; ${split(f.inQuarter, w)}.`;
  const toDateLine = `Since the start in ${monthName(f.scenario.start)}, realized value totals ${w.money(f.toDate.realized)}, ${versus(f.toDate, w)} to date; ${split(f.toDate, w)}.`;
  const roi = f.toDate.roi;
  const financeLine =
    f.toDate.investment > 0
      ? f.toDate.paybackMonth
        ? `The investment to date of ${w.money(f.toDate.investment)} paid back in ${monthName(f.toDate.paybackMonth)}${roi !== null ? `, and the return on investment to date is ${formatPercent(roi)}` : ''}.`
        : `Realized value covers ${formatPercent(f.toDate.realized / f.toDate.investment)} of the ${w.money(f.toDate.investment)} invested to date; the investment has not paid back yet.`
      : '';
  const outcomes: string[] = [];
  if (ahead.length) outcomes.push(`${list(ahead.map((u) => md(u.name)))} ${ahead.length === 1 ? 'is' : 'are'} ahead of plan`);
  if (onTrack.length) outcomes.push(`${list(onTrack.map((u) => md(u.name)))} ${onTrack.length === 1 ? 'is' : 'are'} on track`);
  if (behind.length)
    outcomes.push(
      `${list(behind.map((u) => md(u.name)))} ${behind.length === 1 ? 'is' : 'are'} behind ${behind.length === 1 ? 'its estimate' : 'their estimates'}`,
    );
  const outcomeLine = outcomes.length ? `${capital(outcomes.join('; '))}.` : '';
  const achieved = f.milestones.achievedInQuarter;
  const milestoneLine = achieved.length ? `Achieved this quarter: ${list(achieved.map((m) => `${md(m.name)} (${monthName(m.achievedMonth!)})`))}.` : '';
  const atRisk = f.milestones.atRisk;
  const riskLine =
    behind.length || atRisk.length
      ? `What needs attention: ${[
          ...behind.map((u) => `${md(u.name)} (${formatPercent(u.toDate.variance ?? 0)} below its estimate to date)`),
          ...atRisk.map((m) => `the milestone ${md(m.name)} (due ${monthName(m.targetMonth!)}, not yet achieved)`),
        ].join('; ')}. The risks section below says what we are doing about each.`
      : 'No use case is behind its estimate and no milestone is overdue.';

  if (w.audience === 'finance') {
    if (financeLine) paras.push(financeLine);
    if (f.toDate.investment > 0) paras.push(`Net of the investment, the benefit to date is ${w.money(f.toDate.realized - f.toDate.investment)}.`);
    paras.push(`${toDateLine} ${quarterLine}`);
    if (f.toDate.realized > 0 && f.toDate.assumed > 0) {
      const carried = f.toDate.carriedForward > 0 ? ` (${w.money(f.toDate.carriedForward)} of it carried forward from an earlier month's measurement)` : '';
      paras.push(
        `For the hard-value view: ${formatPercent(f.toDate.measured / f.toDate.realized)} of the value to date is backed by measurements${carried}; ${formatPercent(f.toDate.assumed / f.toDate.realized)} still rests on assumptions.`,
      );
    }
    paras.push(riskLine);
  } else if (w.audience === 'champion') {
    const moves = f.metrics.map((m) => metricMove(m, w));
    if (moves.length) paras.push(`The tracked metrics this quarter: ${moves.join('; ')}.`);
    paras.push(quarterLine);
    if (milestoneLine) paras.push(milestoneLine);
    const gaps = f.metrics.filter((m) => m.missingMonths.length > 0);
    if (gaps.length) paras.push(`Measurement gaps to close: ${gaps.map(missingNote).join('; ')}. Until they are recorded the last value is carried forward.`);
    paras.push(`${toDateLine}${financeLine ? ` ${financeLine}` : ''}`);
  } else {
    paras.push(quarterLine);
    if (outcomeLine) paras.push(outcomeLine);
    if (milestoneLine) paras.push(milestoneLine);
    paras.push(`${toDateLine}${financeLine ? ` ${financeLine}` : ''}`);
    paras.push(riskLine);
  }
  return paras.join('\n\n');
}

function outcomes(w: Writer): string {
  const { f } = w;
  const parts: string[] = [];
  parts.push(
    f.compareWith
      ? `What was promised is the estimate in ${md(f.compareWith.name)}; what happened is the realized value the engine counts from the measurements. Per use case:`
      : 'There is no estimate to compare with; realized value per use case:',
  );
  parts.push(
    [
      `| Use case | Realized in ${w.q} | Estimated in ${w.q} | Realized to date | Estimated to date | Variance to date | Status |`,
      '|---|---:|---:|---:|---:|---:|---|',
      ...f.useCases.map(
        (u) =>
          `| ${md(u.name)} | ${w.money(u.quarter.realized)} | ${u.quarter.estimated === null ? '—' : w.money(u.quarter.estimated)} | ${w.money(u.toDate.realized)} | ${u.toDate.estimated === null ? '—' : w.money(u.toDate.estimated)} | ${u.toDate.variance === null ? '—' : formatSignedPercent(u.toDate.variance)} | ${STATUS_LABEL[u.status]} |`,
      ),
    ].join('\n'),
  );
  const lines = f.useCases.map((u) => {
    const head = `- **${md(u.name)}** (${STATUS_LABEL[u.status].toLowerCase()}): ${w.money(u.toDate.realized)} realized to date, ${versus(u.toDate, w)}.`;
    const q = u.quarter.realized === 0 ? ` Nothing was realized in ${w.q}.` : ` In ${w.q}: ${w.money(u.quarter.realized)}, ${split(u.quarter, w)}.`;
    return head + q;
  });
  parts.push(lines.join('\n'));

  if (f.metrics.length) {
    parts.push(w.audience === 'champion' ? '### Tracked metrics and adoption' : '### Tracked metrics');
    parts.push(
      [
        '| Metric | Baseline | Start of quarter | End of quarter | Measured in | Not measured in |',
        '|---|---:|---:|---:|---|---|',
        ...f.metrics.map((m) => {
          const v = (x: number): string => formatMetricValue(x, m.unit, f.businessCase.currency);
          return `| ${md(m.label)} | ${v(m.baseline)} | ${v(m.atQuarterStart)} | ${v(m.atQuarterEnd)} | ${m.measuredMonths.length ? monthList(m.measuredMonths) : '—'} | ${m.missingMonths.length ? monthList(m.missingMonths) : '—'} |`;
        }),
      ].join('\n'),
    );
    if (w.audience === 'champion') parts.push(f.metrics.map((m) => `- ${metricMove(m, w)}.`).join('\n'));
  }

  if (f.evidence.length) {
    if (w.audience === 'executive-sponsor') {
      const sources = [...new Set(f.evidence.map((e) => e.source).filter((s): s is string => s !== null))];
      parts.push(
        `The measured figures rest on ${plural(f.evidence.length, 'measurement')} recorded this quarter${sources.length ? `, from ${list(sources.map(md))}` : ''}.`,
      );
    } else {
      parts.push('### Evidence behind the numbers');
      parts.push(
        f.evidence
          .map((e) => {
            const m = f.metrics.find((x) => x.useCase === e.useCase && x.input === e.input);
            const value = formatMetricValue(e.value, m?.unit ?? '', f.businessCase.currency);
            const details = [e.note ? md(e.note) : null, e.source ? `source: ${md(e.source)}` : null, e.evidence ? `evidence: ${md(e.evidence)}` : null].filter(
              Boolean,
            );
            return `- ${md(e.label)}, ${monthName(e.month)}: ${value}${details.length ? `. ${capital(details.join('; '))}` : ''}.`;
          })
          .join('\n'),
      );
    }
  }
  return parts.join('\n\n');
}

function financial(w: Writer): string {
  const { f } = w;
  const est = f.compareWith ? ` (${md(f.compareWith.name)})` : '';
  const cell = (v: number | null): string => (v === null ? '—' : w.money(v));
  const pct = (v: number | null): string => (v === null ? '—' : formatSignedPercent(v));
  const parts: string[] = [
    [
      `| | ${w.q} | To date |`,
      '|---|---:|---:|',
      `| Realized value | ${cell(f.inQuarter.realized)} | ${cell(f.toDate.realized)} |`,
      `| of which measured | ${cell(f.inQuarter.measured)} | ${cell(f.toDate.measured)} |`,
      `| of which assumed | ${cell(f.inQuarter.assumed)} | ${cell(f.toDate.assumed)} |`,
      `| Estimated value${est} | ${cell(f.inQuarter.estimated)} | ${cell(f.toDate.estimated)} |`,
      `| Variance to estimate | ${pct(f.inQuarter.variance)} | ${pct(f.toDate.variance)} |`,
    ].join('\n'),
  ];
  const bullets: string[] = [];
  bullets.push(`- Investment to date: ${w.money(f.toDate.investment)}.`);
  if (f.toDate.roi !== null)
    bullets.push(
      `- Return on investment to date: ${formatPercent(f.toDate.roi)}${f.toDate.roi < 0 ? ' negative' : ''} (realized value against the investment to date).`,
    );
  if (f.toDate.paybackMonth) {
    const n = monthsBetween(f.scenario.start, f.toDate.paybackMonth) + 1;
    bullets.push(`- Payback: ${monthName(f.toDate.paybackMonth)}, month ${n} of the ${monthsBetween(f.scenario.start, f.scenario.end) + 1}-month window.`);
  } else if (f.toDate.investment > 0) {
    bullets.push(`- Payback: not reached yet; realized value covers ${formatPercent(f.toDate.realized / f.toDate.investment)} of the investment to date.`);
  }
  if (w.audience === 'finance' && f.toDate.investment > 0) {
    bullets.push(
      `- Net benefit to date: ${w.money(f.toDate.realized - f.toDate.investment)}; realized value is ${formatMultiple(f.toDate.realized / f.toDate.investment)} the investment to date.`,
    );
    if (f.toDate.realized > 0)
      bullets.push(
        `- Measured share of realized value to date: ${formatPercent(f.toDate.measured / f.toDate.realized)}; assumed share: ${formatPercent(f.toDate.assumed / f.toDate.realized)}.`,
      );
  }
  const roiText = f.contract.projectedRoi !== null ? `, a projected ROI of ${formatPercent(f.contract.projectedRoi)}` : '';
  bullets.push(
    `- Over the whole window (${monthName(f.scenario.start)} to ${monthName(f.scenario.end)}) we project ${w.money(f.contract.projectedTotal)} of benefit for ${w.money(f.contract.investmentTotal)} of investment${roiText}. This is a projection: the value realized to date plus the months after ${monthName(f.asOf)} at their projected value; months up to ${monthName(f.asOf)} that were not measured claim nothing.`,
  );
  parts.push(bullets.join('\n'));
  if (w.audience === 'finance') {
    parts.push(
      'Method: the benefit engine computes every figure from the business case document; realized value counts measured values where a metric was recorded and the business case’s assumptions elsewhere. ROI is realized value minus investment, divided by investment.',
    );
  }
  return parts.join('\n\n');
}

function milestoneLine(m: MilestoneFact): string {
  const when = m.achievedMonth ? `achieved ${monthName(m.achievedMonth)}` : m.targetMonth ? `target ${monthName(m.targetMonth)}` : 'no target month';
  let timing = '';
  if (m.achievedMonth && m.targetMonth) {
    const late = monthsBetween(m.targetMonth, m.achievedMonth);
    timing =
      late > 0
        ? ` (target was ${monthName(m.targetMonth)}; ${plural(late, 'month')} late)`
        : late < 0
          ? ` (ahead of its ${monthName(m.targetMonth)} target)`
          : ' (on target)';
  }
  return `- ${md(m.name)}: ${when}${timing}${m.note ? `. ${md(m.note)}` : ''}.`;
}

function milestones(w: Writer): string {
  const ms = w.f.milestones;
  const group = (title: string, items: readonly MilestoneFact[], none: string): string =>
    `**${title}**\n${items.length ? items.map(milestoneLine).join('\n') : `- ${none}`}`;
  return [
    group(`Achieved in ${w.q}`, ms.achievedInQuarter, 'None this quarter.'),
    group('At risk (target month passed, not achieved)', ms.atRisk, 'None.'),
    group(`Coming up (due by ${quarterName(nextQuarter(w.f.quarter.id))})`, ms.upcoming, 'None scheduled.'),
    group('Achieved earlier', ms.achievedBefore, 'None.'),
  ].join('\n\n');
}

interface Risk {
  kind: 'behind' | 'gap' | 'assumed' | 'milestone';
  text: string;
}

function risks(w: Writer): Risk[] {
  const { f } = w;
  const out: Risk[] = [];
  for (const u of [...f.useCases].filter((x) => x.status === 'behind').sort((a, b) => (a.toDate.variance ?? 0) - (b.toDate.variance ?? 0))) {
    const gap = (u.toDate.estimated ?? 0) - u.toDate.realized;
    const metrics = f.metrics.filter((m) => m.useCase === u.id).map((m) => md(m.label));
    out.push({
      kind: 'behind',
      text: `**${md(u.name)} is ${formatPercent(u.toDate.variance ?? 0)} behind its estimate to date** (${w.money(gap)} short). What we do: review with the team what holds it back${metrics.length ? `, follow ${list(metrics)} month by month` : ''}, and agree the actions that bring it back to plan.`,
    });
  }
  for (const m of f.metrics.filter((x) => x.missingMonths.length > 0)) {
    const source = f.evidence.find((e) => e.useCase === m.useCase && e.input === m.input && e.source)?.source;
    out.push({
      kind: 'gap',
      text: `**${missingNote(m)}**, so the last recorded value is carried forward for those months. What we do: collect the missing values${source ? ` from ${md(source)}` : ''} and record them, so the realized figures rest on measurements.`,
    });
  }
  for (const u of f.useCases.filter((x) => x.toDate.realized > 0 && x.toDate.measured === 0)) {
    out.push({
      kind: 'assumed',
      text: `**${md(u.name)} rests entirely on assumptions** (${w.money(u.toDate.realized)} to date, none of it measured). What we do: agree with the customer how to measure it and convert its calculation to monthly tracking.`,
    });
  }
  for (const m of f.milestones.atRisk) {
    out.push({
      kind: 'milestone',
      text: `**${md(m.name)} is overdue**: its target was ${monthName(m.targetMonth!)} and it is not achieved yet. What we do: agree a new date and an owner with the customer.`,
    });
  }
  const order: Record<QbrAudience, Risk['kind'][]> = {
    'executive-sponsor': ['behind', 'milestone', 'assumed', 'gap'],
    finance: ['assumed', 'behind', 'gap', 'milestone'],
    champion: ['gap', 'behind', 'milestone', 'assumed'],
  };
  return out.sort((a, b) => order[w.audience].indexOf(a.kind) - order[w.audience].indexOf(b.kind));
}

function riskSection(w: Writer): string {
  const r = risks(w);
  if (r.length === 0)
    return 'No use case is behind its estimate, no milestone is overdue, every tracked metric was measured in every month of the quarter, and no use case rests only on assumptions. We keep the monthly measurements coming.';
  return r.map((x) => `- ${x.text}`).join('\n');
}

function priorities(w: Writer): string {
  const { f } = w;
  const next = quarterName(nextQuarter(f.quarter.id));
  const items: string[] = [];
  const behind = [...f.useCases]
    .filter((u) => u.status === 'behind')
    .sort((a, b) => (b.toDate.estimated ?? 0) - b.toDate.realized - ((a.toDate.estimated ?? 0) - a.toDate.realized));
  if (behind.length)
    items.push(
      `Bring ${list(behind.map((u) => md(u.name)))} back to plan, starting with the largest gap (${md(behind[0]!.name)}, ${w.money((behind[0]!.toDate.estimated ?? 0) - behind[0]!.toDate.realized)} short to date).`,
    );
  const tracked = f.metrics.map((m) => md(m.label));
  if (tracked.length) items.push(`Record ${list(tracked)} for every month of ${next}, with the source and evidence of each value.`);
  const assumedOnly = f.useCases.filter((u) => u.toDate.realized > 0 && u.toDate.measured === 0);
  if (assumedOnly.length) items.push(`Replace assumptions with measurements for ${list(assumedOnly.map((u) => md(u.name)))}.`);
  for (const m of [...f.milestones.atRisk, ...f.milestones.upcoming])
    items.push(`Achieve ${md(m.name)}${m.targetMonth ? ` (target ${monthName(m.targetMonth)})` : ''}.`);
  const ahead = f.useCases.filter((u) => u.status === 'ahead');
  if (w.audience === 'finance')
    items.push('Review the realized figures and the ROI method with finance, so the numbers in this review are customer-validated.');
  else if (w.audience === 'executive-sponsor') {
    if (ahead.length) items.push(`Use ${list(ahead.map((u) => md(u.name)))}, ahead of plan, as the proof point for the next phase.`);
    items.push('Confirm these priorities and an owner for each on the customer side.');
  } else {
    items.push('Share this review with the team leads and keep the evidence files with each month’s measurement.');
  }
  return items.map((x, i) => `${i + 1}. ${x}`).join('\n');
}

/**
 * The deterministic QBR writer: the same six sections as the language-model template, written
 * from the engine's facts alone, so it works offline and every number in it is a fact (or a
 * derived number from `fact-numbers.ts`) at the rounding the grounding check allows. The
 * audience changes the emphasis: finance leads with ROI, payback, investment and the share of
 * measured value; the executive sponsor with outcomes and risks; the champion with the
 * metrics, measurement gaps and evidence.
 */
export function writeOfflineQbr(facts: QbrFacts, audience: QbrAudience): string {
  const w: Writer = {
    f: facts,
    audience,
    money: (v) => formatMoney(v, facts.businessCase.currency),
    q: quarterName(facts.quarter.id),
  };
  const bodies: Record<(typeof QBR_SECTIONS)[number], string> = {
    'Executive summary': executiveSummary(w),
    'Promised outcomes vs actual results': outcomes(w),
    'Financial summary': financial(w),
    Milestones: milestones(w),
    'Risks and what we do about them': riskSection(w),
    "Next quarter's priorities": priorities(w),
  };
  return `${header(w)}\n\n${QBR_SECTIONS.map((s) => `## ${s}\n\n${bodies[s]}`).join('\n\n')}\n`;
}
