/**
 * The floor of the benchmark: the same figures as the engine's summary, computed by a
 * hand-written JavaScript loop that calls each calculation's hand-written twin (from
 * `templates.ts`) directly, per month, with no formula interpretation at all. It is also
 * the independent check of the engine's figures: it is written from the contract
 * (`shared/docs/engine.md`, Contract 2), not from the engine's code.
 *
 * Binding a document to the twins ("compiling" it by hand) happens once, outside the timed
 * part, in `planCase`: it resolves each twin's arguments to the document's inputs, digests
 * series entries into sorted month indexes, decides which calculations are tracked (a
 * `metric` that is a time-series input) and pairs each realization use case with the
 * projection's use case of the same id. The timed part, `runFloorCase`, does carry-forward,
 * ramps, annual/12, the claims of tracked months (measured, carried forward, none),
 * realized / measured / carried forward / assumed to date, per use case measured / assumed
 * / estimated / variance to date, the comparison with the future scenario, the projection,
 * investment, ROI and payback, for every month of both scenarios, in one pass per case.
 */
import type { BusinessCase, Scenario } from '../src/engine/index.ts';
import { keyOf, type GeneratedCase } from './portfolio.ts';
import { TEMPLATES } from './templates.ts';

/** One argument of a twin: a constant, or a series with its entries digested. */
interface FloorArg {
  value: number;
  /** Entry months (month indexes), ascending; empty for a constant input. */
  entryMonths: Int32Array;
  entryValues: Float64Array;
}

interface FloorCalc {
  fn: (v: Float64Array) => number;
  divisor: number;
  args: FloorArg[];
  /** The calculation names a `metric` and that input is time-series. */
  tracked: boolean;
  /** Entry months of the metric, ascending (empty when untracked or nothing is measured yet). */
  metricMonths: Int32Array;
  /** True when no argument has entries: the value is the same every month. */
  constant: boolean;
}

interface FloorUseCase {
  calcs: FloorCalc[];
  /** Index of the projection's use case with the same id, or -1 (realization only). */
  twin: number;
}

interface FloorScenario {
  start: number;
  months: number;
  ramp: Array<{ from: number; to: number; factor: number }>;
  investment: Array<{ amount: number; recurrence: string }>;
  useCases: FloorUseCase[];
}

/** A business case bound to the hand-written twins. */
export interface FloorCase {
  realization: FloorScenario;
  future: FloorScenario;
  asOf: number;
}

/** Most use cases a case may have (the stride of the per-use-case columns). */
export const MAX_USE_CASES = 8;
/** Most months a scenario may have (the stride of the per-month columns). */
export const MAX_MONTHS = 120;

/**
 * The floor's figures, unrounded, in the summary's terms; NaN where the summary has null.
 * Per-use-case columns hold case k's use case u at `k * MAX_USE_CASES + u`, per-month
 * columns case k's month i at `k * MAX_MONTHS + i`.
 */
export interface FloorFigures {
  total: Float64Array;
  realizedToDate: Float64Array;
  measuredToDate: Float64Array;
  carriedForwardToDate: Float64Array;
  assumedToDate: Float64Array;
  estimatedToDate: Float64Array;
  varianceToDate: Float64Array;
  projectedTotal: Float64Array;
  projectedRoi: Float64Array;
  investmentTotal: Float64Array;
  roi: Float64Array;
  /** Month index of payback, or -1. */
  paybackMonth: Int32Array;
  /** Use cases of the realization. */
  useCases: Int32Array;
  useCaseMeasuredToDate: Float64Array;
  useCaseAssumedToDate: Float64Array;
  useCaseEstimatedToDate: Float64Array;
  useCaseVarianceToDate: Float64Array;
  /** Carried-forward benefit of each month of the realization window (NaN after asOf). */
  carriedForward: Float64Array;
}

/** Allocates result columns for `size` cases. */
export function floorFigures(size: number): FloorFigures {
  const col = (n: number): Float64Array => new Float64Array(n);
  return {
    total: col(size),
    realizedToDate: col(size),
    measuredToDate: col(size),
    carriedForwardToDate: col(size),
    assumedToDate: col(size),
    estimatedToDate: col(size),
    varianceToDate: col(size),
    projectedTotal: col(size),
    projectedRoi: col(size),
    investmentTotal: col(size),
    roi: col(size),
    paybackMonth: new Int32Array(size),
    useCases: new Int32Array(size),
    useCaseMeasuredToDate: col(size * MAX_USE_CASES),
    useCaseAssumedToDate: col(size * MAX_USE_CASES),
    useCaseEstimatedToDate: col(size * MAX_USE_CASES),
    useCaseVarianceToDate: col(size * MAX_USE_CASES),
    carriedForward: col(size * MAX_MONTHS),
  };
}

const month = (text: string): number => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;

type Series = NonNullable<Scenario['useCases'][number]['inputs'][number]['series']>;

function digest(series: Series | undefined): { months: Int32Array; values: Float64Array } {
  const entries = Object.entries(series ?? {})
    .map(([m, e]) => [month(m), typeof e === 'number' ? e : e.value] as const)
    .sort((a, b) => a[0] - b[0]);
  return { months: Int32Array.from(entries, (e) => e[0]), values: Float64Array.from(entries, (e) => e[1]) };
}

function planScenario(scenario: Scenario, origins: GeneratedCase['origins'][number], twins: readonly string[]): FloorScenario {
  if (scenario.useCases.length > MAX_USE_CASES) throw new Error(`floor: more than ${MAX_USE_CASES} use cases`);
  if (scenario.months > MAX_MONTHS) throw new Error(`floor: more than ${MAX_MONTHS} months`);
  const useCases = scenario.useCases.map((useCase, u): FloorUseCase => {
    const byKey = new Map(useCase.inputs.map((inp) => [inp.key, inp]));
    const calcs = useCase.calculations.map((calc, c): FloorCalc => {
      const origin = origins[u]![c]!;
      const twin = TEMPLATES[origin.template]![origin.variant];
      const args = twin.args.map((stem): FloorArg => {
        const input = byKey.get(keyOf(stem, origin.n));
        if (!input) throw new Error(`floor: no input ${keyOf(stem, origin.n)} in ${useCase.id}/${calc.id}`);
        const d = digest(input.series);
        return { value: input.value, entryMonths: d.months, entryValues: d.values };
      });
      // Contract 2: tracked through the metric only; other series are changing assumptions.
      const metric = calc.metric === undefined ? undefined : byKey.get(calc.metric);
      const tracked = metric?.series !== undefined;
      return {
        fn: twin.js,
        divisor: calc.period === 'annual' ? 12 : 1,
        args,
        tracked,
        metricMonths: tracked ? digest(metric!.series).months : new Int32Array(0),
        constant: args.every((a) => a.entryMonths.length === 0),
      };
    });
    return { calcs, twin: twins.indexOf(useCase.id) };
  });
  return {
    start: month(scenario.start),
    months: scenario.months,
    ramp: (scenario.ramp ?? []).map((r) => ({ from: month(r.from), to: month(r.to), factor: r.factor })),
    investment: (scenario.investment ?? []).map((i) => ({ amount: i.amount, recurrence: i.recurrence })),
    useCases,
  };
}

/** Binds a parsed document to the twins of the templates it was generated from (untimed). */
export function planCase(doc: BusinessCase, generated: GeneratedCase, asOf: string): FloorCase {
  const future = doc.scenarios.findIndex((s) => s.kind === 'future');
  const realization = doc.scenarios.findIndex((s) => s.kind === 'realization');
  const futureIds = doc.scenarios[future]!.useCases.map((u) => u.id);
  return {
    future: planScenario(doc.scenarios[future]!, generated.origins[future]!, []),
    realization: planScenario(doc.scenarios[realization]!, generated.origins[realization]!, futureIds),
    asOf: month(asOf),
  };
}

// Scratch buffers, reused across cases (a hand-written program would do the same).
const factor = new Float64Array(MAX_MONTHS);
const value = new Float64Array(MAX_MONTHS);
const benefit = new Float64Array(MAX_MONTHS);
const measured = new Float64Array(MAX_MONTHS);
const carried = new Float64Array(MAX_MONTHS);
const assumed = new Float64Array(MAX_MONTHS);
const estimate = new Float64Array(MAX_MONTHS);
const estimateByUseCase = new Float64Array(MAX_USE_CASES);
const args = new Float64Array(16);
const cursor = new Int32Array(16);

function rampFactors(s: FloorScenario): void {
  const n = s.months;
  for (let i = 0; i < n; i++) factor[i] = 1;
  for (const r of s.ramp) {
    const from = Math.max(r.from - s.start, 0);
    const to = Math.min(r.to - s.start, n - 1);
    for (let i = from; i <= to; i++) factor[i] = r.factor;
  }
}

/**
 * One calculation's monthly benefit into `value` (ramp factors from `factor`). With
 * `hoist`, a calculation whose arguments never change is evaluated once instead of every
 * month (the same shortcut the engine takes).
 */
function calcValues(c: FloorCalc, s: FloorScenario, hoist: boolean): void {
  const n = s.months;
  const a = c.args;
  for (let k = 0; k < a.length; k++) {
    args[k] = a[k]!.value;
    cursor[k] = -1;
  }
  if (hoist && c.constant) {
    const v0 = c.fn(args) / c.divisor;
    for (let i = 0; i < n; i++) value[i] = v0 * factor[i]!;
    return;
  }
  for (let i = 0; i < n; i++) {
    const m = s.start + i;
    // Carry-forward: the latest entry at or before month m, else the input's value.
    for (let k = 0; k < a.length; k++) {
      const arg = a[k]!;
      const months = arg.entryMonths;
      let j = cursor[k]!;
      if (j + 1 < months.length && months[j + 1]! <= m) {
        while (j + 1 < months.length && months[j + 1]! <= m) j++;
        cursor[k] = j;
        args[k] = arg.entryValues[j]!;
      }
    }
    value[i] = (c.fn(args) / c.divisor) * factor[i]!;
  }
}

/**
 * The projection: its monthly benefit into `estimate`, and each use case's benefit over
 * its months `lo..hi-1` (those aligned with the realization's months <= asOf) into
 * `estimateByUseCase`.
 */
function evaluateFuture(f: FloorScenario, lo: number, hi: number, hoist: boolean): void {
  const n = f.months;
  rampFactors(f);
  for (let i = 0; i < n; i++) estimate[i] = 0;
  for (let u = 0; u < f.useCases.length; u++) {
    let toDate = 0;
    for (const c of f.useCases[u]!.calcs) {
      calcValues(c, f, hoist);
      for (let i = 0; i < n; i++) {
        const v = value[i]!;
        estimate[i] = estimate[i]! + v;
        if (i >= lo && i < hi) toDate += v;
      }
    }
    estimateByUseCase[u] = toDate;
  }
}

/**
 * Computes case `k`'s figures into `fig` (the timed part). `hoist`: evaluate calculations
 * whose inputs never change once, not every month.
 */
export function runFloorCase(fc: FloorCase, fig: FloorFigures, k: number, hoist: boolean): void {
  const r = fc.realization;
  const f = fc.future;
  const n = r.months;
  // Realization months 0..realizedCount-1 are <= asOf.
  const realizedCount = Math.max(0, Math.min(n, fc.asOf - r.start + 1));
  // The same calendar months in the projection's window.
  evaluateFuture(f, r.start - f.start, r.start + realizedCount - f.start, hoist);

  rampFactors(r);
  for (let i = 0; i < n; i++) {
    benefit[i] = 0;
    measured[i] = 0;
    carried[i] = 0;
    assumed[i] = 0;
  }
  const ucBase = k * MAX_USE_CASES;
  for (let u = 0; u < r.useCases.length; u++) {
    const uc = r.useCases[u]!;
    let ucMeasured = 0;
    let ucAssumed = 0;
    for (const c of uc.calcs) {
      calcValues(c, r, hoist);
      for (let i = 0; i < n; i++) benefit[i] = benefit[i]! + value[i]!;
      if (!c.tracked) {
        for (let i = 0; i < realizedCount; i++) {
          const v = value[i]!;
          assumed[i] = assumed[i]! + v;
          ucAssumed += v;
        }
        continue;
      }
      // A tracked month claims only once its metric has an entry at or before it; it is
      // carried forward when that latest entry is from an earlier month.
      const entries = c.metricMonths;
      let j = -1;
      for (let i = 0; i < realizedCount; i++) {
        const m = r.start + i;
        while (j + 1 < entries.length && entries[j + 1]! <= m) j++;
        if (j < 0) continue;
        const v = value[i]!;
        measured[i] = measured[i]! + v;
        ucMeasured += v;
        if (entries[j] !== m) carried[i] = carried[i]! + v;
      }
    }
    fig.useCaseMeasuredToDate[ucBase + u] = ucMeasured;
    fig.useCaseAssumedToDate[ucBase + u] = ucAssumed;
    if (uc.twin < 0) {
      fig.useCaseEstimatedToDate[ucBase + u] = NaN;
      fig.useCaseVarianceToDate[ucBase + u] = NaN;
    } else {
      const est = estimateByUseCase[uc.twin]!;
      fig.useCaseEstimatedToDate[ucBase + u] = est;
      fig.useCaseVarianceToDate[ucBase + u] = est === 0 ? NaN : (ucMeasured + ucAssumed) / est - 1;
    }
  }
  fig.useCases[k] = r.useCases.length;

  let total = 0;
  let measuredToDate = 0;
  let carriedToDate = 0;
  let assumedToDate = 0;
  let estimatedToDate = 0;
  let afterAsOf = 0;
  let investmentTotal = 0;
  let cumBenefit = 0;
  let cumInvest = 0;
  let payback = -1;
  const hasInvestment = r.investment.length > 0;
  const monthBase = k * MAX_MONTHS;
  for (let i = 0; i < n; i++) {
    let invest = 0;
    for (const item of r.investment) {
      if (item.recurrence === 'monthly' || (item.recurrence === 'one-time' && i === 0) || (item.recurrence === 'annual' && i % 12 === 0)) invest += item.amount;
    }
    total += benefit[i]!;
    investmentTotal += invest;
    if (i < realizedCount) {
      measuredToDate += measured[i]!;
      carriedToDate += carried[i]!;
      assumedToDate += assumed[i]!;
      fig.carriedForward[monthBase + i] = carried[i]!;
      const j = r.start + i - f.start;
      if (j >= 0 && j < f.months) estimatedToDate += estimate[j]!;
      if (hasInvestment && payback < 0) {
        cumBenefit += measured[i]! + assumed[i]!;
        cumInvest += invest;
        if (cumBenefit >= cumInvest) payback = r.start + i;
      }
    } else {
      // Months after asOf count their whole benefit in the projection; months <= asOf
      // that claimed nothing stay unclaimed.
      afterAsOf += benefit[i]!;
      fig.carriedForward[monthBase + i] = NaN;
    }
  }
  const realizedToDate = measuredToDate + assumedToDate;
  const projectedTotal = realizedToDate + afterAsOf;
  const withInvestment = hasInvestment && investmentTotal !== 0;
  fig.total[k] = total;
  fig.realizedToDate[k] = realizedToDate;
  fig.measuredToDate[k] = measuredToDate;
  fig.carriedForwardToDate[k] = carriedToDate;
  fig.assumedToDate[k] = assumedToDate;
  fig.estimatedToDate[k] = estimatedToDate;
  fig.varianceToDate[k] = estimatedToDate === 0 ? NaN : realizedToDate / estimatedToDate - 1;
  fig.projectedTotal[k] = projectedTotal;
  fig.projectedRoi[k] = withInvestment ? (projectedTotal - investmentTotal) / investmentTotal : NaN;
  fig.investmentTotal[k] = investmentTotal;
  fig.roi[k] = withInvestment ? (total - investmentTotal) / investmentTotal : NaN;
  fig.paybackMonth[k] = payback;
}
