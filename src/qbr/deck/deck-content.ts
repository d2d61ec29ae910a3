import type { QbrFacts } from '../../engine/index.ts';
import type { MetricEntry, QbrStory } from '../qbr-story.ts';
import { formatMetricValue, formatMoney, formatPercent, formatSignedPercent, isPercentUnit, monthList, monthName, quarterName } from '../format-qbr-figures.ts';

/**
 * What the deck's tables say, as rows of text (pure: no pptx here, so the tests read the same
 * rows the slides get). Every figure is a field of the draft's stored facts, or of the story
 * saved beside them (`DeckStory`), formatted for display; the only arithmetic is a difference
 * or a sum of stored figures, named where it is shown (net benefit, measured in its month).
 */

/** A measurement as the story records it. */
export type DeckEntry = MetricEntry;

/**
 * The part of the story saved beside a draft's facts (`QbrDraftFacts.story`, `qbr-story.ts`)
 * that the deck shows: targets and baselines of the metrics, statuses, the investment
 * schedule, the projection and the assumptions. A draft saved before stories existed (facts
 * alone) has none, and still renders.
 */
export type DeckStory = Pick<QbrStory, 'toDate' | 'useCases' | 'metrics' | 'investment' | 'projection' | 'inputs' | 'assumptionChanges'>;

/** The story of a draft's facts, when it was saved with one (a draft from before stories has none). */
export function storyOf(facts: QbrFacts): DeckStory | null {
  const s = (facts as QbrFacts & { story?: unknown }).story;
  return s && typeof s === 'object' && Array.isArray((s as DeckStory).metrics) ? (s as DeckStory) : null;
}

/** A status word as a table shows it ("on track" -> "On track"). */
export function statusLabel(status: string): string {
  const s = status.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A use case's status. The story's, when saved (its rule: nothing resting only on
 * assumptions is ahead or behind); without one, the same rule on the facts: a use case with
 * nothing measured is "not measured", else the engine's variance band.
 */
export function useCaseStatus(facts: QbrFacts, story: DeckStory | null, id: string): string {
  const fromStory = story?.useCases.find((u) => u.id === id)?.status;
  if (fromStory) return fromStory;
  const u = facts.useCases.find((x) => x.id === id);
  if (!u) return 'no estimate';
  if (u.toDate.measured === 0) return 'not measured';
  return u.status === 'no-estimate' ? 'no estimate' : u.status === 'on-track' ? 'on track' : u.status;
}

/** One row of the metrics slide: metric, before, quarter start, after, target, after vs target, status. */
export interface MetricRow {
  metric: string;
  before: string;
  atQuarterStart: string;
  after: string;
  target: string;
  vsTarget: string;
  status: string;
}

/** "+5.3%" relative, or "-2 pts" for a percent unit; signed so that positive is better. */
function formatVsTarget(unit: string, variance: number): string {
  if (isPercentUnit(unit)) {
    const pts = Math.round(variance * 1000) / 10;
    return pts === 0 ? '0 pts' : `${pts > 0 ? '+' : '-'}${Math.abs(pts)} pts`;
  }
  return formatSignedPercent(variance);
}

/**
 * Before, after and target per tracked metric. Before is the business case's baseline (a
 * conversion's), else the first measurement with its month (a metric tracked directly had no
 * baseline: its old value was the plan, which is its target). After is the measurement in
 * force at the quarter's end, with its month. Without a story (an old draft), before and the
 * target are not known and show as "—".
 */
export function metricRows(facts: QbrFacts, story: DeckStory | null): MetricRow[] {
  const c = facts.businessCase.currency;
  return facts.metrics.map((m) => {
    // A count's unit is said once, beside the metric's name; rates and money carry their sign.
    const unit = m.unit.trim();
    const plain = unit !== '' && !isPercentUnit(unit) && !/^[A-Z]{3}$/.test(unit);
    const metric = plain ? `${m.label} (${unit})` : m.label;
    const v = (x: number): string => formatMetricValue(x, plain ? '' : m.unit, c);
    const s = story?.metrics.find((x) => x.useCase === m.useCase && x.input === m.input);
    if (!s) {
      return { metric, before: '—', atQuarterStart: v(m.atQuarterStart), after: v(m.atQuarterEnd), target: '—', vsTarget: '—', status: '—' };
    }
    const before =
      s.baseline !== null ? `${v(s.baseline)} (baseline)` : s.first ? `${v(s.first.value)} (first measured, ${monthName(s.first.month)})` : 'not recorded';
    return {
      metric,
      before,
      atQuarterStart: v(m.atQuarterStart),
      after: s.latest ? `${v(s.latest.value)} (${monthName(s.latest.month)})` : 'not measured yet',
      target: s.target === null ? '—' : v(s.target),
      vsTarget: s.varianceToTarget === null ? '—' : formatVsTarget(m.unit, s.varianceToTarget),
      status: statusLabel(s.status),
    };
  });
}

/**
 * The months of the quarter each metric was measured in, and those carried forward (the
 * value of an earlier month still in force): measured and carried forward are told apart.
 */
export function metricMonthNotes(facts: QbrFacts): string[] {
  const list = monthList;
  return facts.metrics.map((m) => {
    const measured = m.measuredMonths.length ? `measured in ${list(m.measuredMonths)}` : `not measured in ${quarterName(facts.quarter.id)}`;
    const carried = m.missingMonths.length ? `; carried forward in ${list(m.missingMonths)}` : '';
    return `${m.label}: ${measured}${carried}.`;
  });
}

/** The financial table: a label, the figure to date, the figure over the whole contract. */
export type FinancialRow = [label: string, toDate: string, contract: string];

/**
 * Investment, realized value (measured in its month, carried forward, assumed), net benefit,
 * ROI, payback, the estimate and the projection: to date and over the contract's window.
 */
export function financialRows(facts: QbrFacts, story: DeckStory | null, options: { showEstimate?: boolean } = {}): FinancialRow[] {
  const c = facts.businessCase.currency;
  const money = (v: number): string => formatMoney(v, c);
  const d = facts.toDate;
  const k = facts.contract;
  const fresh = story ? story.toDate.freshMeasured : d.measured - d.carriedForward;
  const rows: FinancialRow[] = [
    ['Investment', money(d.investment), money(k.investmentTotal)],
    ['Benefit', `${money(d.realized)} realized`, `${money(k.projectedTotal)} projected`],
    ['   measured in its own month', money(fresh), ''],
    ['   carried forward (last measurement still in force)', money(d.carriedForward), ''],
    ['   assumed (business-case inputs, not measured)', money(d.assumed), ''],
    ['Net benefit (benefit − investment)', money(d.realized - d.investment), `${money(k.projectedTotal - k.investmentTotal)} projected`],
    [
      'Return on investment',
      d.roi === null ? '—' : formatPercent(d.roi) + (d.roi < 0 ? ' (negative)' : ''),
      k.projectedRoi === null ? '—' : `${formatPercent(k.projectedRoi)}${k.projectedRoi < 0 ? ' (negative)' : ''} projected`,
    ],
    ['Payback', d.paybackMonth ? monthName(d.paybackMonth) : 'not yet', ''],
  ];
  if (options.showEstimate !== false && d.estimated !== null && facts.compareWith) {
    rows.push([
      `Estimated (${facts.compareWith.name})`,
      `${money(d.estimated)}${d.variance === null ? '' : ` (realized ${formatSignedPercent(d.variance)})`}`,
      '',
    ]);
  }
  return rows;
}

/** The sentences under the financial table: what payback and the projection rest on. */
export function financialNotes(facts: QbrFacts, story: DeckStory | null): string[] {
  const c = facts.businessCase.currency;
  const money = (v: number): string => formatMoney(v, c);
  const notes: string[] = [];
  const inv = story?.investment;
  if (facts.toDate.paybackMonth && inv && inv.atPayback !== null && inv.realizedAtPayback !== null) {
    notes.push(
      `Payback: by ${monthName(facts.toDate.paybackMonth)}${inv.paybackMonthNumber !== null ? ` (month ${inv.paybackMonthNumber} of the contract)` : ''}, ${money(inv.realizedAtPayback)} realized against ${money(inv.atPayback)} invested.`,
    );
  }
  if (story?.projection.from) {
    notes.push(
      `Projected: ${money(facts.toDate.realized)} realized to ${monthName(facts.asOf)} plus ${money(story.projection.afterAsOf)} expected from ${monthName(story.projection.from)} to ${monthName(story.projection.to)}; not yet realized.`,
    );
  } else if (!story) {
    notes.push(`Projected: realized to ${monthName(facts.asOf)} plus the months after it to ${monthName(facts.scenario.end)}; not yet realized.`);
  }
  return notes;
}

/** The investment schedule: item, recurrence, to date, whole contract (needs the story). */
export function investmentRows(facts: QbrFacts, story: DeckStory | null): Array<[string, string, string, string]> {
  if (!story || story.investment.items.length === 0) return [];
  const c = facts.businessCase.currency;
  const recurrence = (r: string, amount: number): string =>
    r === 'one-time'
      ? `${formatMoney(amount, c)} once`
      : r === 'annual'
        ? `${formatMoney(amount, c)} a year`
        : r === 'monthly'
          ? `${formatMoney(amount, c)} a month`
          : r;
  return story.investment.items.map((i) => [i.label, recurrence(i.recurrence, i.amount), formatMoney(i.toDate, c), formatMoney(i.total, c)]);
}

/** One measurement of the evidence appendix: month, metric, value, source, evidence, note. */
export type EvidenceRow = [month: string, metric: string, value: string, source: string, evidence: string, note: string];

/**
 * Every measurement behind the figures to date (the story's history per metric), oldest
 * first; without a story, the quarter's measurements from the facts.
 */
export function evidenceRows(facts: QbrFacts, story: DeckStory | null): EvidenceRow[] {
  const c = facts.businessCase.currency;
  const entries: Array<{ label: string; unit: string; e: DeckEntry }> = story
    ? story.metrics.flatMap((m) => m.history.map((e) => ({ label: m.label, unit: m.unit, e })))
    : facts.evidence.map((e) => ({ label: e.label, unit: facts.metrics.find((m) => m.input === e.input && m.useCase === e.useCase)?.unit ?? '', e }));
  return entries
    .sort((a, b) => (a.e.month < b.e.month ? -1 : a.e.month > b.e.month ? 1 : 0))
    .map(({ label, unit, e }) => [monthName(e.month), label, formatMetricValue(e.value, unit, c), e.source ?? '—', e.evidence ?? '—', e.note ?? '']);
}

/** The assumptions appendix: use case, input, value (the business case's constant inputs). */
export function assumptionRows(facts: QbrFacts, story: DeckStory | null): Array<[string, string, string]> {
  if (!story) return [];
  const c = facts.businessCase.currency;
  return story.inputs.map((i) => {
    const later = (story.assumptionChanges ?? []).filter((x) => x.useCase === i.useCase && x.input === i.input);
    const changes = later.map((x) => `; ${formatMetricValue(x.to, i.unit, c)} from ${monthName(x.month)}`).join('');
    return [i.useCaseName, i.label, `${formatMetricValue(i.value, i.unit, c)}${changes}`];
  });
}
