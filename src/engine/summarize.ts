import type { BusinessCase, Investment, Scenario } from './document-schema.ts';
import { fail, ok, type Result } from './engine-error.ts';
import { Claim, evaluateScenario, type ScenarioEvaluation } from './evaluate-scenario.ts';
import { isMonth, monthIndex, monthText } from './month.ts';
import { roundMoney } from './round.ts';

/** One month of the summary. Money in the document's currency, rounded to cents. */
export interface SummaryMonth {
  month: string;
  benefit: number;
  cumulative: number;
  realized: number | null;
  measured: number | null;
  /** (2) The part of `measured` whose metric value was carried forward from an earlier month. */
  carriedForward: number | null;
  assumed: number | null;
  estimated: number | null;
}

/** One calculation's line in the summary. */
export interface SummaryCalculation {
  id: string;
  name: string;
  total: number;
  realizedToDate: number | null;
  tracked: boolean;
  metric: string | null;
  lastMeasured: string | null;
}

/** One use case's line in the summary. */
export interface SummaryUseCase {
  id: string;
  name: string;
  total: number;
  realizedToDate: number | null;
  /** (2) Measured and assumed parts of `realizedToDate`. */
  measuredToDate: number | null;
  assumedToDate: number | null;
  /** (2) The compared future scenario's use case of the same id, to date; null when it has none. */
  estimatedToDate: number | null;
  varianceToDate: number | null;
  calculations: SummaryCalculation[];
}

/** The value summary, exactly the contract's JSON shape (`ve summary --json`). */
export interface Summary {
  scenario: string;
  kind: Scenario['kind'];
  currency: string;
  asOf: string;
  start: string;
  months: number;
  total: number;
  realizedToDate: number | null;
  measuredToDate: number | null;
  carriedForwardToDate: number | null;
  assumedToDate: number | null;
  estimatedToDate: number | null;
  varianceToDate: number | null;
  projectedTotal: number | null;
  projectedRoi: number | null;
  investmentTotal: number;
  investmentToDate: number | null;
  roi: number | null;
  roiToDate: number | null;
  benefitMultiple: number | null;
  paybackMonth: string | null;
  monthly: SummaryMonth[];
  useCases: SummaryUseCase[];
}

/** What to summarize: which scenario, against which future scenario, as of which month. */
export interface SummaryOptions {
  /** Month `YYYY-MM`; months after it are never realized. The caller supplies it (no clock here). */
  asOf: string;
  /** Scenario id; default: the realization scenario, else the first one. */
  scenario?: string;
  /** Future scenario id to compare with; default the realization's `basedOn`; `null` for none. */
  compare?: string | null;
}

/** Investment charged in each month of a scenario's window. */
export function investmentByMonth(investment: readonly Investment[] | undefined, months: number): number[] {
  const out = zeros(months);
  for (const item of investment ?? []) {
    for (let i = 0; i < months; i++) {
      if (item.recurrence === 'monthly' || (item.recurrence === 'one-time' && i === 0) || (item.recurrence === 'annual' && i % 12 === 0)) {
        out[i] = out[i]! + item.amount;
      }
    }
  }
  return out;
}

/** The default scenario of a summary: the realization scenario, else the first. */
export function defaultScenario(doc: BusinessCase): Scenario | undefined {
  return doc.scenarios.find((s) => s.kind === 'realization') ?? doc.scenarios[0];
}

/** Estimated benefit of the future scenario for each calendar month of another window. */
function estimatedFor(estimate: ScenarioEvaluation, start: number, months: number): number[] {
  const out = zeros(months);
  for (const u of estimate.useCases) {
    for (const c of u.calculations) {
      for (let i = 0; i < months; i++) {
        const j = start + i - estimate.start;
        if (j >= 0 && j < estimate.months) out[i] = out[i]! + c.monthly[j]!;
      }
    }
  }
  return out;
}

/**
 * The value summary of one scenario (contract: "Monthly benefit", "Realized value",
 * "Comparison", "Investment and ROI"). Sums are taken on unrounded values; money is rounded
 * to cents only here, at output.
 */
export function summarize(doc: BusinessCase, options: SummaryOptions): Result<Summary> {
  if (!isMonth(options.asOf)) return fail('invalid_argument', `asOf '${options.asOf}' is not a month YYYY-MM`);
  const scenario = options.scenario === undefined ? defaultScenario(doc) : doc.scenarios.find((s) => s.id === options.scenario);
  if (!scenario) {
    return options.scenario === undefined
      ? fail('not_found', 'the business case has no scenario')
      : fail('not_found', `no scenario '${options.scenario}' (scenarios: ${doc.scenarios.map((s) => s.id).join(', ') || 'none'})`);
  }
  const compareId = options.compare === undefined ? (scenario.kind === 'realization' ? scenario.basedOn : undefined) : (options.compare ?? undefined);
  let compareScenario: Scenario | undefined;
  if (compareId !== undefined) {
    compareScenario = doc.scenarios.find((s) => s.id === compareId);
    if (!compareScenario) return fail('not_found', `no scenario '${compareId}' to compare with`);
    if (compareScenario.kind !== 'future')
      return fail('invalid_argument', `can only compare with a future scenario; '${compareId}' is a ${compareScenario.kind} scenario`);
  }

  const evaluated = evaluateScenario(scenario);
  if (!evaluated.ok) return evaluated;
  const ev = evaluated.value;
  const realization = scenario.kind === 'realization';
  const n = ev.months;
  // Months [0, realizedCount) of the window are <= asOf.
  const realizedCount = realization ? Math.max(0, Math.min(n, monthIndex(options.asOf) - ev.start + 1)) : 0;

  let estimated: number[] | null = null;
  let estimatedByUseCase: Map<string, number> | null = null;
  if (compareScenario) {
    const est = evaluateScenario(compareScenario);
    if (!est.ok) return est;
    estimated = estimatedFor(est.value, ev.start, ev.months);
    if (realization) estimatedByUseCase = estimatedToDateByUseCase(est.value, ev.start, realizedCount);
  }

  const benefit = zeros(n);
  const measured = zeros(n);
  const carried = zeros(n);
  const assumed = zeros(n);

  const useCases: SummaryUseCase[] = ev.useCases.map((u) => {
    let useCaseTotal = 0;
    let useCaseMeasured = 0;
    let useCaseAssumed = 0;
    const calculations = u.calculations.map((c): SummaryCalculation => {
      let total = 0;
      let realized = 0;
      const claims = c.claims;
      for (let i = 0; i < n; i++) {
        const v = c.monthly[i]!;
        total += v;
        benefit[i] = benefit[i]! + v;
        if (i >= realizedCount) continue;
        if (claims === null) {
          realized += v;
          assumed[i] = assumed[i]! + v;
        } else if (claims[i] !== Claim.none) {
          realized += v;
          measured[i] = measured[i]! + v;
          if (claims[i] === Claim.carriedForward) carried[i] = carried[i]! + v;
        }
      }
      useCaseTotal += total;
      if (claims === null) useCaseAssumed += realized;
      else useCaseMeasured += realized;
      return {
        id: c.calculation.id,
        name: c.calculation.name,
        total: roundMoney(total),
        realizedToDate: realization ? roundMoney(realized) : null,
        tracked: c.tracked,
        metric: c.calculation.metric ?? null,
        lastMeasured: c.lastMeasured === null ? null : monthText(c.lastMeasured),
      };
    });
    const useCaseRealized = useCaseMeasured + useCaseAssumed;
    const useCaseEstimate = estimatedByUseCase?.get(u.useCase.id);
    return {
      id: u.useCase.id,
      name: u.useCase.name,
      total: roundMoney(useCaseTotal),
      realizedToDate: realization ? roundMoney(useCaseRealized) : null,
      measuredToDate: realization ? roundMoney(useCaseMeasured) : null,
      assumedToDate: realization ? roundMoney(useCaseAssumed) : null,
      estimatedToDate: useCaseEstimate === undefined ? null : roundMoney(useCaseEstimate),
      varianceToDate: useCaseEstimate === undefined || useCaseEstimate === 0 ? null : useCaseRealized / useCaseEstimate - 1,
      calculations,
    };
  });

  const invest = investmentByMonth(scenario.investment, n);
  const hasInvestment = (scenario.investment ?? []).length > 0;
  let total = 0;
  let cumulative = 0;
  let measuredToDate = 0;
  let carriedToDate = 0;
  let assumedToDate = 0;
  let estimatedToDate = 0;
  let investmentTotal = 0;
  let investmentToDate = 0;
  let benefitAfterAsOf = 0;
  let paybackMonth: string | null = null;
  let cumBenefitForPayback = 0;
  let cumInvestForPayback = 0;
  const monthly: SummaryMonth[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const b = benefit[i]!;
    total += b;
    cumulative += b;
    investmentTotal += invest[i]!;
    const isRealized = i < realizedCount;
    if (isRealized) {
      measuredToDate += measured[i]!;
      carriedToDate += carried[i]!;
      assumedToDate += assumed[i]!;
      investmentToDate += invest[i]!;
      if (estimated) estimatedToDate += estimated[i]!;
    } else {
      benefitAfterAsOf += b;
    }
    if (hasInvestment && paybackMonth === null && (!realization || isRealized)) {
      cumBenefitForPayback += realization ? measured[i]! + assumed[i]! : b;
      cumInvestForPayback += invest[i]!;
      if (cumBenefitForPayback >= cumInvestForPayback) paybackMonth = monthText(ev.start + i);
    }
    monthly[i] = {
      month: monthText(ev.start + i),
      benefit: roundMoney(b),
      cumulative: roundMoney(cumulative),
      realized: isRealized ? roundMoney(measured[i]! + assumed[i]!) : null,
      measured: isRealized ? roundMoney(measured[i]!) : null,
      carriedForward: isRealized ? roundMoney(carried[i]!) : null,
      assumed: isRealized ? roundMoney(assumed[i]!) : null,
      estimated: estimated ? roundMoney(estimated[i]!) : null,
    };
  }
  const realizedToDate = measuredToDate + assumedToDate;
  // (2) Months <= asOf that claimed nothing stay unclaimed; months after asOf count their benefit.
  const projectedTotal = realizedToDate + benefitAfterAsOf;
  const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

  return ok({
    scenario: scenario.id,
    kind: scenario.kind,
    currency: doc.currency,
    asOf: options.asOf,
    start: scenario.start,
    months: n,
    total: roundMoney(total),
    realizedToDate: realization ? roundMoney(realizedToDate) : null,
    measuredToDate: realization ? roundMoney(measuredToDate) : null,
    carriedForwardToDate: realization ? roundMoney(carriedToDate) : null,
    assumedToDate: realization ? roundMoney(assumedToDate) : null,
    estimatedToDate: realization && estimated ? roundMoney(estimatedToDate) : null,
    varianceToDate: realization && estimated && estimatedToDate !== 0 ? realizedToDate / estimatedToDate - 1 : null,
    projectedTotal: realization ? roundMoney(projectedTotal) : null,
    projectedRoi: realization && hasInvestment ? ratio(projectedTotal - investmentTotal, investmentTotal) : null,
    investmentTotal: roundMoney(investmentTotal),
    investmentToDate: realization ? roundMoney(investmentToDate) : null,
    roi: hasInvestment ? ratio(total - investmentTotal, investmentTotal) : null,
    roiToDate: realization && hasInvestment ? ratio(realizedToDate - investmentToDate, investmentToDate) : null,
    benefitMultiple: hasInvestment ? ratio(total, investmentTotal) : null,
    paybackMonth,
    monthly,
    useCases,
  });
}

/**
 * (2) Each use case of the future scenario, its estimated benefit summed over the first
 * `count` months of another window starting at `start` (calendar-month alignment).
 */
function estimatedToDateByUseCase(estimate: ScenarioEvaluation, start: number, count: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of estimate.useCases) {
    let sum = 0;
    for (const c of u.calculations) {
      for (let i = 0; i < count; i++) {
        const j = start + i - estimate.start;
        if (j >= 0 && j < estimate.months) sum += c.monthly[j]!;
      }
    }
    out.set(u.useCase.id, sum);
  }
  return out;
}

/** A packed array of `n` zeros (cheaper to allocate than a small Float64Array). */
function zeros(n: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}
