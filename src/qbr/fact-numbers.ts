import { monthIndex, type QbrFacts, type ValueFigures } from '../engine/index.ts';
import { extractNumbers } from './extract-numbers.ts';
import { isPercentUnit } from './format-qbr-figures.ts';

/**
 * What a number in a fact is:
 * - `money`: an amount in the case's currency (or a metric kept in a currency);
 * - `ratio`: a fraction (0.22); text may write it as a percentage (22%), a multiple, or as is;
 * - `measure`: a metric's value in its own unit (158 tickets/day);
 * - `count`: how many of something (use cases behind, months missing, months to payback).
 */
export type FactKind = 'money' | 'ratio' | 'measure' | 'count';

/** One number a QBR draft may state, with where it comes from (for reports and the prompt). */
export interface FactNumber {
  value: number;
  kind: FactKind;
  /** Where it comes from, e.g. `inQuarter.realized`, `useCases[support-efficiency].toDate.variance`. */
  label: string;
}

/**
 * Every number a QBR draft may state, from the engine's facts: the facts themselves and an
 * explicit list of numbers derived from them by one plain step. Nothing else counts as a fact.
 *
 * Direct (as the engine computed them):
 * - money: realized, measured, assumed, estimated for the quarter, to date and per use case;
 *   investment to date; contract total and investment;
 * - ratios: variances (realized / estimated - 1), ROI to date, contract ROI;
 * - metrics: baseline, value at the quarter's start and end, each measurement behind the numbers;
 * - counts: months of the quarter, use cases, metrics, measured and missing months per metric,
 *   milestones achieved in the quarter / before / at risk / upcoming;
 * - any number inside the facts' text (names, notes, evidence, sources, units).
 *
 * Derived (one step, each named here):
 * - gap to the estimate: estimated - realized (quarter, to date, per use case);
 * - attainment: realized / estimated (quarter, to date, per use case), i.e. "78% of plan";
 * - measured share and assumed share of realized (quarter and to date; per use case the
 *   text says it in words or in money: "all of it measured", "$5,500 assumed");
 * - net benefit: realized to date - investment to date; contract total - contract investment;
 * - benefit multiples: realized to date / investment to date; contract total / investment;
 * - progress: realized to date / contract total;
 * - metric movement: end - baseline and end - start (in the metric's unit), and the same
 *   relative to the earlier value ((end - baseline) / |baseline|, (end - start) / |start|);
 * - counts: use cases per status (ahead, on-track, behind, no-estimate), metrics with missing
 *   months, evidence entries; months of the scenario window, months elapsed to the as-of
 *   month, months from the window's start to payback (payback month counted as month n), months
 *   a milestone was achieved after its target.
 *
 * A metric in the `percent` unit is a fraction: its values and movements are ratios (0.18 is
 * 18%; 0.18 - 0.2 is 2 percentage points). Text may round any of these (see `checkGrounding`);
 * the sign of a variance or gap is the sentence's business ("22% below plan").
 *
 * The list is kept short on purpose: every extra derived number is one more value an invented
 * number could equal by chance. The check proves that no number is made up, not that each
 * number sits next to the right claim (41% is accepted wherever it appears, because the ROI
 * to date is 41%).
 */
export function factNumbers(facts: QbrFacts): FactNumber[] {
  const out: FactNumber[] = [];
  const add = (value: number | null | undefined, kind: FactKind, label: string): void => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    out.push({ value, kind, label });
  };
  const div = (a: number, b: number | null): number | null => (b === null || b === 0 ? null : a / b);

  const figures = (f: ValueFigures, at: string, shares: boolean): void => {
    add(f.realized, 'money', `${at}.realized`);
    add(f.measured, 'money', `${at}.measured`);
    add(f.carriedForward, 'money', `${at}.carriedForward`);
    add(f.measured - f.carriedForward, 'money', `${at}.freshlyMeasured`);
    add(f.assumed, 'money', `${at}.assumed`);
    add(f.estimated, 'money', `${at}.estimated`);
    add(f.variance, 'ratio', `${at}.variance`);
    if (f.estimated !== null) {
      add(f.estimated - f.realized, 'money', `${at}.gapToEstimate`);
      add(div(f.realized, f.estimated), 'ratio', `${at}.attainment`);
    }
    if (shares) {
      add(div(f.measured, f.realized), 'ratio', `${at}.measuredShare`);
      add(div(f.assumed, f.realized), 'ratio', `${at}.assumedShare`);
    }
  };

  figures(facts.inQuarter, 'inQuarter', true);
  figures(facts.toDate, 'toDate', true);
  add(facts.toDate.investment, 'money', 'toDate.investment');
  add(facts.toDate.roi, 'ratio', 'toDate.roi');
  add(facts.toDate.realized - facts.toDate.investment, 'money', 'toDate.netBenefit');
  add(div(facts.toDate.realized, facts.toDate.investment), 'ratio', 'toDate.benefitMultiple');
  add(facts.contract.total, 'money', 'contract.total');
  add(facts.contract.investmentTotal, 'money', 'contract.investmentTotal');
  add(facts.contract.roi, 'ratio', 'contract.roi');
  add(facts.contract.projectedTotal, 'money', 'contract.projectedTotal');
  add(facts.contract.projectedRoi, 'ratio', 'contract.projectedRoi');
  add(facts.contract.total - facts.contract.investmentTotal, 'money', 'contract.netBenefit');
  add(div(facts.contract.total, facts.contract.investmentTotal), 'ratio', 'contract.benefitMultiple');
  add(div(facts.toDate.realized, facts.contract.total), 'ratio', 'toDate.progressOfContract');

  for (const u of facts.useCases) {
    figures(u.quarter, `useCases[${u.id}].quarter`, false);
    figures(u.toDate, `useCases[${u.id}].toDate`, false);
  }

  for (const m of facts.metrics) {
    const at = `metrics[${m.useCase}.${m.input}]`;
    const percent = isPercentUnit(m.unit);
    const unitKind: FactKind = percent ? 'ratio' : /^[A-Z]{3}$/.test(m.unit.trim()) ? 'money' : 'measure';
    add(m.baseline, unitKind, `${at}.baseline`);
    add(m.atQuarterStart, unitKind, `${at}.atQuarterStart`);
    add(m.atQuarterEnd, unitKind, `${at}.atQuarterEnd`);
    add(m.atQuarterEnd - m.baseline, unitKind, `${at}.changeFromBaseline`);
    add(m.atQuarterEnd - m.atQuarterStart, unitKind, `${at}.changeInQuarter`);
    add(div(m.atQuarterEnd - m.baseline, Math.abs(m.baseline)), 'ratio', `${at}.relativeChangeFromBaseline`);
    add(div(m.atQuarterEnd - m.atQuarterStart, Math.abs(m.atQuarterStart)), 'ratio', `${at}.relativeChangeInQuarter`);
    add(m.measuredMonths.length, 'count', `${at}.measuredMonths`);
    add(m.missingMonths.length, 'count', `${at}.missingMonths`);
  }
  for (const e of facts.evidence) {
    const metric = facts.metrics.find((m) => m.useCase === e.useCase && m.input === e.input);
    const unit = metric?.unit ?? '';
    add(e.value, isPercentUnit(unit) ? 'ratio' : /^[A-Z]{3}$/.test(unit.trim()) ? 'money' : 'measure', `evidence[${e.useCase}.${e.input}.${e.month}].value`);
  }

  add(facts.quarter.months.length, 'count', 'quarter.months');
  add(facts.useCases.length, 'count', 'useCases');
  for (const status of ['ahead', 'on-track', 'behind', 'no-estimate'] as const) {
    add(facts.useCases.filter((u) => u.status === status).length, 'count', `useCases.${status}`);
  }
  add(facts.metrics.length, 'count', 'metrics');
  add(facts.metrics.filter((m) => m.missingMonths.length > 0).length, 'count', 'metrics.withMissingMonths');
  add(facts.evidence.length, 'count', 'evidence');
  const ms = facts.milestones;
  add(ms.achievedInQuarter.length, 'count', 'milestones.achievedInQuarter');
  add(ms.achievedBefore.length, 'count', 'milestones.achievedBefore');
  add(ms.atRisk.length, 'count', 'milestones.atRisk');
  add(ms.upcoming.length, 'count', 'milestones.upcoming');
  for (const m of [...ms.achievedInQuarter, ...ms.achievedBefore]) {
    if (m.targetMonth !== null && m.achievedMonth !== null)
      add(monthIndex(m.achievedMonth) - monthIndex(m.targetMonth), 'count', `milestones[${m.id}].monthsAfterTarget`);
  }
  const start = monthIndex(facts.scenario.start);
  add(monthIndex(facts.scenario.end) - start + 1, 'count', 'scenario.months');
  add(monthIndex(facts.asOf) - start + 1, 'count', 'scenario.monthsToDate');
  if (facts.toDate.paybackMonth !== null) add(monthIndex(facts.toDate.paybackMonth) - start + 1, 'count', 'toDate.paybackMonthNumber');

  // Numbers inside the facts' own words (names, notes, evidence, sources, units).
  const texts: Array<[string, string]> = [
    [facts.businessCase.name, 'businessCase.name'],
    [facts.businessCase.customer, 'businessCase.customer'],
    [facts.scenario.name, 'scenario.name'],
    ...(facts.compareWith ? [[facts.compareWith.name, 'compareWith.name'] as [string, string]] : []),
    ...facts.useCases.map((u): [string, string] => [u.name, `useCases[${u.id}].name`]),
    ...facts.metrics.flatMap(
      (m): Array<[string, string]> => [
        [m.label, `metrics[${m.useCase}.${m.input}].label`],
        [m.unit, `metrics[${m.useCase}.${m.input}].unit`],
      ],
    ),
    ...facts.evidence.flatMap(
      (e): Array<[string, string]> =>
        [e.note, e.evidence, e.source].flatMap((t, i) =>
          t ? [[t, `evidence[${e.useCase}.${e.input}.${e.month}].${['note', 'evidence', 'source'][i]}`] as [string, string]] : [],
        ),
    ),
    ...[...ms.achievedInQuarter, ...ms.achievedBefore, ...ms.atRisk, ...ms.upcoming].flatMap(
      (m): Array<[string, string]> => [[m.name, `milestones[${m.id}].name`], ...(m.note ? [[m.note, `milestones[${m.id}].note`] as [string, string]] : [])],
    ),
  ];
  for (const [text, label] of texts) {
    for (const n of extractNumbers(text, { currencies: [facts.businessCase.currency] })) {
      add(n.kind === 'percent' ? n.value / 100 : n.value, n.kind === 'percent' ? 'ratio' : n.kind === 'money' ? 'money' : 'measure', `${label} "${n.text}"`);
    }
  }
  return out;
}
