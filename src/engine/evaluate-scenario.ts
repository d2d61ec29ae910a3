import type { Calculation, Input, Scenario, UseCase } from './document-schema.ts';
import { entryValue } from './document-schema.ts';
import { fail, ok, type Result } from './engine-error.ts';
import { compileForRefs, parseCached } from './formula/formula-cache.ts';
import { FormulaRuntimeError } from './formula/compile-formula.ts';
import { monthIndex, monthText } from './month.ts';

/** One calculation evaluated over its scenario's window. */
export interface CalculationEvaluation {
  calculation: Calculation;
  /** calc(m) for each month of the window: monthly benefit, ramp applied. */
  monthly: number[];
  /**
   * Contract 2: it has a `metric` and that input is time-series. Any other time-series
   * input it refers to is a changing assumption and does not make it tracked.
   */
  tracked: boolean;
  /** Month index of its metric's earliest entry (it is measured from then on), or null. */
  measuredFrom: number | null;
  /** Month index of its metric's latest entry, whatever the window, or null. */
  lastMeasured: number | null;
  /**
   * For each month of the window, what the month may claim (see `Claim`); null for an
   * untracked calculation, whose every month is assumed.
   */
  claims: Uint8Array | null;
}

/** What a tracked calculation's month claims: nothing, a fresh measurement, or a carried-forward one. */
export const Claim = { none: 0, measured: 1, carriedForward: 2 } as const;

/** One use case evaluated over the window. */
export interface UseCaseEvaluation {
  useCase: UseCase;
  calculations: CalculationEvaluation[];
}

/** A scenario evaluated month by month; month 0 of the arrays is the window's start. */
export interface ScenarioEvaluation {
  scenario: Scenario;
  start: number;
  months: number;
  useCases: UseCaseEvaluation[];
}

/** An input's entries as sorted month indexes and values. */
function sortedEntries(series: NonNullable<UseCase['inputs'][number]['series']>): { months: number[]; values: number[] } {
  const keys = Object.keys(series).sort();
  return { months: keys.map(monthIndex), values: keys.map((k) => entryValue(series[k]!)) };
}

/**
 * Evaluates every calculation of a scenario for every month of its window: inputs carry
 * forward (an input's value in month m is its latest entry at or before m, else `value`),
 * annual formulas are divided by 12, ramp factors applied. A calculation whose inputs do
 * not change over the window is evaluated once. Division by zero or a non-finite value is
 * an error naming scenario, use case, calculation and month.
 */
export function evaluateScenario(scenario: Scenario): Result<ScenarioEvaluation> {
  const start = monthIndex(scenario.start);
  const months = scenario.months;
  const factor = zeros(months).fill(1);
  for (const r of scenario.ramp ?? []) {
    const from = Math.max(monthIndex(r.from) - start, 0);
    const to = Math.min(monthIndex(r.to) - start, months - 1);
    for (let i = from; i <= to; i++) factor[i] = r.factor;
  }

  const useCases: UseCaseEvaluation[] = [];
  for (const useCase of scenario.useCases) {
    // Per-month values of the time-series inputs with entries, built when first referred to.
    const perMonthOf = new Map<Input, PerMonth | null>();
    const byKey = new Map<string, Input>();
    for (const inp of useCase.inputs) byKey.set(inp.key, inp);
    const calculations: CalculationEvaluation[] = [];
    for (const calculation of useCase.calculations) {
      const parsed = parseCached(calculation.formula);
      if (!parsed.ok) {
        return fail('invalid_document', `scenario '${scenario.id}', use case '${useCase.id}', calculation '${calculation.id}': ${parsed.error.message}`);
      }
      const refs = parsed.refs;
      const fn = compileForRefs(calculation.formula);
      const divisor = calculation.period === 'annual' ? 12 : 1;
      const metric = calculation.metric === undefined ? undefined : byKey.get(calculation.metric);
      const tracked = metric?.series !== undefined;
      const measured = tracked ? metricClaims(metric!, start, months) : null;
      // args[j] holds the value of refs[j]; `moving` lists the refs whose value changes by month.
      const args = zeros(refs.length);
      const moving: Array<{ j: number; perMonth: number[] }> = [];
      for (let j = 0; j < refs.length; j++) {
        const inp = byKey.get(refs[j]!);
        if (!inp) throw new Error(`unknown input '${refs[j]}' reached the evaluator`);
        args[j] = inp.value;
        if (!inp.series) continue;
        let pm = perMonthOf.get(inp);
        if (pm === undefined) {
          pm = perMonth(inp, start, months);
          perMonthOf.set(inp, pm);
        }
        if (pm === null) continue;
        moving.push({ j, perMonth: pm.values });
      }
      const monthly: number[] = new Array<number>(months);
      let i = 0;
      try {
        if (moving.length === 0) {
          const value = fn(args) / divisor;
          checkFinite(value);
          for (let k = 0; k < months; k++) monthly[k] = value * factor[k]!;
        } else {
          for (; i < months; i++) {
            for (let k = 0; k < moving.length; k++) args[moving[k]!.j] = moving[k]!.perMonth[i]!;
            const value = fn(args) / divisor;
            checkFinite(value);
            monthly[i] = value * factor[i]!;
          }
        }
      } catch (e) {
        if (!(e instanceof FormulaRuntimeError)) throw e;
        return fail(
          'evaluation_error',
          `${e.message} in scenario '${scenario.id}', use case '${useCase.id}', calculation '${calculation.id}', month ${monthText(start + i)}`,
        );
      }
      calculations.push({
        calculation,
        monthly,
        tracked,
        measuredFrom: measured?.first ?? null,
        lastMeasured: measured?.last ?? null,
        claims: measured?.claims ?? null,
      });
    }
    useCases.push({ useCase, calculations });
  }
  return ok({ scenario, start, months, useCases });
}

function checkFinite(value: number): void {
  if (!Number.isFinite(value)) throw new FormulaRuntimeError('the result is not a finite number');
}

/** A packed array of `n` zeros (cheaper to allocate than a small Float64Array). */
function zeros(n: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}

/**
 * The claims of a tracked calculation's months from its metric's entries: nothing before
 * the first entry, `measured` in a month with an entry, `carriedForward` in a month whose
 * value comes from an earlier entry.
 */
function metricClaims(metric: Input, start: number, months: number): { claims: Uint8Array; first: number | null; last: number | null } {
  const claims = new Uint8Array(months);
  let first: number | null = null;
  let last: number | null = null;
  for (const key in metric.series!) {
    const m = monthIndex(key);
    if (first === null || m < first) first = m;
    if (last === null || m > last) last = m;
    if (m >= start && m < start + months) claims[m - start] = Claim.measured;
  }
  if (first !== null) {
    for (let i = Math.max(0, first - start); i < months; i++) if (claims[i] === Claim.none) claims[i] = Claim.carriedForward;
  }
  return { claims, first, last };
}

/** An input's value in every month of a window (carry-forward applied), with its first and last entry. */
interface PerMonth {
  values: number[];
  first: number;
  last: number;
}

/** Per-month values of a time-series input, or null when it has no entries (it is `value` all along). */
function perMonth(inp: Input, start: number, months: number): PerMonth | null {
  const { months: ms, values } = sortedEntries(inp.series!);
  if (ms.length === 0) return null;
  const out: number[] = [];
  let j = -1;
  for (let i = 0; i < months; i++) {
    while (j + 1 < ms.length && ms[j + 1]! <= start + i) j++;
    out.push(j < 0 ? inp.value : values[j]!);
  }
  return { values: out, first: ms[0]!, last: ms[ms.length - 1]! };
}
