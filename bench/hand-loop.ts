/**
 * The floor of the benchmark: the same figures as the engine's summary, computed by a
 * hand-written JavaScript loop that calls each calculation's hand-written twin (from
 * `templates.ts`) directly, per month, with no formula interpretation at all.
 *
 * Binding a document to the twins ("compiling" it by hand) happens once, outside the timed
 * part, in `planCase`: it resolves each twin's arguments to the document's inputs and
 * digests series entries into sorted month indexes. The timed part, `runFloorCase`, does
 * carry-forward, ramps, annual/12, realized / measured / assumed to date, the comparison
 * with the future scenario, investment and payback, for every month of both scenarios.
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
  isSeries: boolean;
}

interface FloorCalc {
  fn: (v: Float64Array) => number;
  divisor: number;
  args: FloorArg[];
  tracked: boolean;
  /** Earliest entry month among its series arguments, or +Infinity. */
  measuredFrom: number;
  /** True when no argument has entries: the value is the same every month. */
  constant: boolean;
}

interface FloorScenario {
  start: number;
  months: number;
  ramp: Array<{ from: number; to: number; factor: number }>;
  investment: Array<{ amount: number; recurrence: string }>;
  calcs: FloorCalc[];
}

/** A business case bound to the hand-written twins. */
export interface FloorCase {
  realization: FloorScenario;
  future: FloorScenario;
  asOf: number;
}

/** The floor's figures for one case (unrounded), in the summary's terms. */
export interface FloorFigures {
  total: Float64Array;
  realizedToDate: Float64Array;
  measuredToDate: Float64Array;
  assumedToDate: Float64Array;
  estimatedToDate: Float64Array;
  investmentTotal: Float64Array;
  /** Month index of payback, or -1. */
  paybackMonth: Int32Array;
}

/** Allocates result columns for `size` cases. */
export function floorFigures(size: number): FloorFigures {
  return {
    total: new Float64Array(size),
    realizedToDate: new Float64Array(size),
    measuredToDate: new Float64Array(size),
    assumedToDate: new Float64Array(size),
    estimatedToDate: new Float64Array(size),
    investmentTotal: new Float64Array(size),
    paybackMonth: new Int32Array(size),
  };
}

const month = (text: string): number => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;

function planScenario(scenario: Scenario, origins: GeneratedCase['origins'][number]): FloorScenario {
  const calcs: FloorCalc[] = [];
  scenario.useCases.forEach((useCase, u) => {
    const byKey = new Map(useCase.inputs.map((inp) => [inp.key, inp]));
    useCase.calculations.forEach((calc, c) => {
      const origin = origins[u]![c]!;
      const twin = TEMPLATES[origin.template]![origin.variant];
      const args = twin.args.map((stem): FloorArg => {
        const input = byKey.get(keyOf(stem, origin.n));
        if (!input) throw new Error(`floor: no input ${keyOf(stem, origin.n)} in ${useCase.id}/${calc.id}`);
        const entries = Object.entries(input.series ?? {})
          .map(([m, e]) => [month(m), typeof e === 'number' ? e : e.value] as const)
          .sort((a, b) => a[0] - b[0]);
        return {
          value: input.value,
          entryMonths: Int32Array.from(entries, (e) => e[0]),
          entryValues: Float64Array.from(entries, (e) => e[1]),
          isSeries: input.series !== undefined,
        };
      });
      let measuredFrom = Infinity;
      for (const a of args) if (a.entryMonths.length > 0) measuredFrom = Math.min(measuredFrom, a.entryMonths[0]!);
      calcs.push({
        fn: twin.js,
        divisor: calc.period === 'annual' ? 12 : 1,
        args,
        tracked: args.some((a) => a.isSeries),
        measuredFrom,
        constant: args.every((a) => a.entryMonths.length === 0),
      });
    });
  });
  return {
    start: month(scenario.start),
    months: scenario.months,
    ramp: (scenario.ramp ?? []).map((r) => ({ from: month(r.from), to: month(r.to), factor: r.factor })),
    investment: (scenario.investment ?? []).map((i) => ({ amount: i.amount, recurrence: i.recurrence })),
    calcs,
  };
}

/** Binds a parsed document to the twins of the templates it was generated from (untimed). */
export function planCase(doc: BusinessCase, generated: GeneratedCase, asOf: string): FloorCase {
  const future = doc.scenarios.findIndex((s) => s.kind === 'future');
  const realization = doc.scenarios.findIndex((s) => s.kind === 'realization');
  return {
    future: planScenario(doc.scenarios[future]!, generated.origins[future]!),
    realization: planScenario(doc.scenarios[realization]!, generated.origins[realization]!),
    asOf: month(asOf),
  };
}

// Scratch buffers, reused across cases (a hand-written program would do the same).
const MAX_MONTHS = 120;
const factor = new Float64Array(MAX_MONTHS);
const benefit = new Float64Array(MAX_MONTHS);
const measured = new Float64Array(MAX_MONTHS);
const assumed = new Float64Array(MAX_MONTHS);
const estimate = new Float64Array(MAX_MONTHS);
const args = new Float64Array(16);
const cursor = new Int32Array(16);

/**
 * Monthly benefit of every calculation of `s`, summed per month into `out`; when
 * `realizedCount` > 0 also splits months < realizedCount into measured / assumed. With
 * `hoist`, a calculation whose arguments never change is evaluated once instead of every
 * month (the same shortcut the engine takes).
 */
function evaluate(s: FloorScenario, out: Float64Array, realizedCount: number, hoist: boolean): void {
  const n = s.months;
  for (let i = 0; i < n; i++) {
    factor[i] = 1;
    out[i] = 0;
    measured[i] = 0;
    assumed[i] = 0;
  }
  for (const r of s.ramp) {
    const from = Math.max(r.from - s.start, 0);
    const to = Math.min(r.to - s.start, n - 1);
    for (let i = from; i <= to; i++) factor[i] = r.factor;
  }
  for (const c of s.calcs) {
    const a = c.args;
    for (let k = 0; k < a.length; k++) {
      args[k] = a[k]!.value;
      cursor[k] = -1;
    }
    const from = c.tracked ? c.measuredFrom - s.start : 0;
    if (hoist && c.constant) {
      const v0 = c.fn(args) / c.divisor;
      for (let i = 0; i < n; i++) {
        const v = v0 * factor[i]!;
        out[i] = out[i]! + v;
        if (i < realizedCount && i >= from) {
          if (c.tracked) measured[i] = measured[i]! + v;
          else assumed[i] = assumed[i]! + v;
        }
      }
      continue;
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
      const v = (c.fn(args) / c.divisor) * factor[i]!;
      out[i] = out[i]! + v;
      if (i < realizedCount && i >= from) {
        if (c.tracked) measured[i] = measured[i]! + v;
        else assumed[i] = assumed[i]! + v;
      }
    }
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
  const realizedCount = Math.max(0, Math.min(n, fc.asOf - r.start + 1));
  evaluate(f, estimate, 0, hoist);
  evaluate(r, benefit, realizedCount, hoist);

  let total = 0;
  let measuredToDate = 0;
  let assumedToDate = 0;
  let estimatedToDate = 0;
  let investmentTotal = 0;
  let cumBenefit = 0;
  let cumInvest = 0;
  let payback = -1;
  const hasInvestment = r.investment.length > 0;
  for (let i = 0; i < n; i++) {
    let invest = 0;
    for (const item of r.investment) {
      if (item.recurrence === 'monthly' || (item.recurrence === 'one-time' && i === 0) || (item.recurrence === 'annual' && i % 12 === 0)) invest += item.amount;
    }
    total += benefit[i]!;
    investmentTotal += invest;
    if (i < realizedCount) {
      measuredToDate += measured[i]!;
      assumedToDate += assumed[i]!;
      const j = r.start + i - f.start;
      if (j >= 0 && j < f.months) estimatedToDate += estimate[j]!;
      if (hasInvestment && payback < 0) {
        cumBenefit += measured[i]! + assumed[i]!;
        cumInvest += invest;
        if (cumBenefit >= cumInvest) payback = r.start + i;
      }
    }
  }
  fig.total[k] = total;
  fig.realizedToDate[k] = measuredToDate + assumedToDate;
  fig.measuredToDate[k] = measuredToDate;
  fig.assumedToDate[k] = assumedToDate;
  fig.estimatedToDate[k] = estimatedToDate;
  fig.investmentTotal[k] = investmentTotal;
  fig.paybackMonth[k] = payback;
}
