import type { Calculation, Scenario, UseCase } from './document-schema.ts';
import { entryValue } from './document-schema.ts';
import { fail, ok, type Result } from './engine-error.ts';
import { compileCached, parseCached } from './formula/formula-cache.ts';
import { FormulaRuntimeError } from './formula/compile-formula.ts';
import { monthIndex, monthText } from './month.ts';

/** One calculation evaluated over its scenario's window. */
export interface CalculationEvaluation {
  calculation: Calculation;
  /** calc(m) for each month of the window: monthly benefit, ramp applied. */
  monthly: Float64Array;
  /** At least one input it refers to is time-series. */
  tracked: boolean;
  /** Month index from which it is measured (earliest entry of its time-series inputs), or null. */
  measuredFrom: number | null;
  /** Month index of the latest entry among its time-series inputs, or null. */
  lastMeasured: number | null;
}

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
  const factor = new Float64Array(months).fill(1);
  for (const r of scenario.ramp ?? []) {
    const from = Math.max(monthIndex(r.from) - start, 0);
    const to = Math.min(monthIndex(r.to) - start, months - 1);
    for (let i = from; i <= to; i++) factor[i] = r.factor;
  }

  const useCases: UseCaseEvaluation[] = [];
  for (const useCase of scenario.useCases) {
    const keys = useCase.inputs.map((inp) => inp.key);
    const base = Float64Array.from(useCase.inputs, (inp) => inp.value);
    // Per-month values only for inputs that have entries; others hold `value` all window long.
    const changing: Array<{ slot: number; perMonth: Float64Array; first: number; last: number }> = [];
    const timeSeries = new Set<string>();
    const entriesOf = new Map<string, { first: number; last: number }>();
    useCase.inputs.forEach((inp, slot) => {
      if (!inp.series) return;
      timeSeries.add(inp.key);
      const { months: ms, values } = sortedEntries(inp.series);
      if (ms.length === 0) return;
      entriesOf.set(inp.key, { first: ms[0]!, last: ms[ms.length - 1]! });
      const perMonth = new Float64Array(months);
      let j = -1;
      for (let i = 0; i < months; i++) {
        while (j + 1 < ms.length && ms[j + 1]! <= start + i) j++;
        perMonth[i] = j < 0 ? inp.value : values[j]!;
      }
      changing.push({ slot, perMonth, first: ms[0]!, last: ms[ms.length - 1]! });
    });

    const calculations: CalculationEvaluation[] = [];
    for (const calculation of useCase.calculations) {
      const parsed = parseCached(calculation.formula);
      if (!parsed.ok) return fail('invalid_document', `calculation '${calculation.id}': ${parsed.error.message}`);
      const refs = parsed.refs;
      const fn = compileCached(calculation.formula, keys);
      const divisor = calculation.period === 'annual' ? 12 : 1;
      let measuredFrom: number | null = null;
      let lastMeasured: number | null = null;
      for (const k of refs) {
        const e = entriesOf.get(k);
        if (!e) continue;
        measuredFrom = measuredFrom === null ? e.first : Math.min(measuredFrom, e.first);
        lastMeasured = lastMeasured === null ? e.last : Math.max(lastMeasured, e.last);
      }
      const relevant = changing.filter((c) => refs.includes(keys[c.slot]!));
      const monthly = new Float64Array(months);
      let i = 0;
      try {
        if (relevant.length === 0) {
          const value = fn(base) / divisor;
          checkFinite(value);
          for (let k = 0; k < months; k++) monthly[k] = value * factor[k]!;
        } else {
          const values = Float64Array.from(base);
          for (; i < months; i++) {
            for (const c of relevant) values[c.slot] = c.perMonth[i]!;
            const value = fn(values) / divisor;
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
        tracked: refs.some((k) => timeSeries.has(k)),
        measuredFrom,
        lastMeasured,
      });
    }
    useCases.push({ useCase, calculations });
  }
  return ok({ scenario, start, months, useCases });
}

function checkFinite(value: number): void {
  if (!Number.isFinite(value)) throw new FormulaRuntimeError('the result is not a finite number');
}
