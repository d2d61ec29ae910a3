/**
 * Deterministic generation of the benchmark portfolio: business-case documents (plain
 * JSON, valid per `shared/docs/engine.md`) drawn from the templates in `templates.ts`,
 * plus, for each calculation, which template and variant it came from (so the hand-written
 * floor can bind its JavaScript twin without interpreting the formula text).
 *
 * Each case has a future scenario ("projection": ramp, investment) and a realization
 * scenario based on it, exactly what `createRealizationScenario`, `convertCalculation`,
 * `trackMetric`, `setInput` with `from`, `enableMonthlyValues` and `recordMeasurement`
 * would have produced (Contract 2): a tracked calculation has a `metric`, measured month by
 * month; other inputs (a headcount, a volume) may change from some month on in either
 * scenario: changing assumptions, which never make a calculation tracked.
 */
import { createRng, type Rng } from './prng.ts';
import { TEMPLATES, type Template, type TemplateMetric } from './templates.ts';

/** The month every summary is taken as of. */
export const AS_OF = '2026-03';
/** Calculations per business case. */
export const CALCULATIONS_PER_CASE = 10;
/** Months of every scenario window. */
export const MONTHS = 36;

/** Where one calculation of the document came from. */
export interface CalculationOrigin {
  template: number;
  variant: 'future' | 'realization';
  /** Suffix of its input keys within the use case. */
  n: number;
}

/** A generated business case: the document JSON and the origin of each calculation. */
export interface GeneratedCase {
  json: unknown;
  /** origins[scenario][useCase][calculation], same order as the document. */
  origins: CalculationOrigin[][][];
}

/** JSON shapes of the document, as generated (the engine's own types come from zod). */
interface InputJson {
  key: string;
  label: string;
  unit: string;
  value: number;
  series?: Record<string, number | { value: number; note?: string; source?: string }>;
}

const USE_CASE_NAMES = [
  'Increase Support Team Efficiency',
  'Reduce Operating Cost',
  'Grow Revenue per Customer',
  'Reduce Risk',
  'Consolidate Tooling',
  'Improve Retention',
  'Automate Back Office',
];
const CUSTOMERS = ['Delta Corp', 'Acme Industries', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Wayne Retail', 'Tyrell Energy'];
const CURRENCIES = ['USD', 'EUR', 'GBP'];
const SOURCES = ['Zendesk export', 'ERP report', 'Finance dashboard', 'Customer QBR'];

/** Key of template input `stem` for the calculation with suffix `n` (contract naming for baselines). */
export function keyOf(stem: string, n: number): string {
  return stem.endsWith('_baseline') ? `${stem.slice(0, -'_baseline'.length)}_${n}_baseline` : `${stem}_${n}`;
}

function monthText(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

function monthIndexOf(text: string): number {
  return Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
}

function fillFormula(formula: string, n: number): string {
  return formula.replace(/\{([a-z_]+)\}/g, (_, stem: string) => keyOf(stem, n));
}

/** How often an assumption of a calculation changes from some month on, per scenario kind. */
const REALIZATION_CHANGES = 0.3;
const FUTURE_CHANGES = 0.15;
/** How often an assumption was made monthly (`enableMonthlyValues`) with no change recorded yet. */
const MONTHLY_WITHOUT_CHANGE = 0.05;
/** How often a metric has a measurement after `AS_OF` (recorded later than the summary looks). */
const MEASURED_AFTER_AS_OF = 0.1;
/** How often a calculation's metric is still a constant input (named, not yet measured monthly). */
const METRIC_NOT_MONTHLY = 0.05;
/** How often a realization has a use case the projection lacks. */
const ADDED_USE_CASE = 0.1;

function isAssumption(template: Template, stem: string): boolean {
  return template.assumptions?.some((a) => a.key === stem) ?? false;
}

/**
 * Maybe makes an assumption change from some month on, as `setInput` with `from` does
 * (1-2 changes at distinct months of the window after its first; each from the value before).
 */
function changeFrom(rng: Rng, input: InputJson, template: Template, stem: string, start: number, chance: number): void {
  const roll = rng.next();
  if (roll < MONTHLY_WITHOUT_CHANGE) {
    input.series = {};
    return;
  }
  if (roll >= MONTHLY_WITHOUT_CHANGE + chance) return;
  const next = template.assumptions!.find((a) => a.key === stem)!.next;
  input.series = {};
  let value = input.value;
  for (const off of distinctSorted(rng, rng.int(1, 2), 1, MONTHS - 1)) {
    value = next(rng, value);
    input.series[monthText(start + off)] = value;
  }
}

/**
 * A metric's measurements: 1-4 inside the realized months (none in 10% of cases), and now
 * and then one after `AS_OF`.
 */
function measurements(
  rng: Rng,
  metric: TemplateMetric,
  values: Record<string, number>,
  stem: string,
  start: number,
  realizedCount: number,
): NonNullable<InputJson['series']> {
  const series: NonNullable<InputJson['series']> = {};
  const target = metric.target(values);
  const offsets = realizedCount > 0 && !rng.chance(0.1) ? distinctSorted(rng, rng.int(1, 4), 0, realizedCount - 1) : [];
  if (realizedCount < MONTHS && rng.chance(MEASURED_AFTER_AS_OF)) offsets.push(rng.int(realizedCount, MONTHS - 1));
  for (const off of offsets) {
    const value = metric.measure(rng, values[stem]!, target, Math.min(1, (off + 1) / Math.max(realizedCount, 1)));
    series[monthText(start + off)] = rng.chance(0.7) ? value : { value, note: 'monthly reading', source: rng.pick(SOURCES) };
  }
  return series;
}

function distinctSorted(rng: Rng, count: number, lo: number, hi: number): number[] {
  const picked = new Set<number>();
  const want = Math.min(count, hi - lo + 1);
  while (picked.size < want) picked.add(rng.int(lo, hi));
  return [...picked].sort((a, b) => a - b);
}

/** Calculation counts of `useCases` use cases adding up to the case's calculations. */
function split(total: number, parts: number): number[] {
  const out = new Array<number>(parts).fill(Math.floor(total / parts));
  for (let i = 0; i < total % parts; i++) out[i]! += 1;
  return out;
}

/** Generates business case number `index` of a portfolio; the same index always gives the same case. */
export function generateCase(index: number, seed = 20_250_101): GeneratedCase {
  const rng = createRng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const asOf = monthIndexOf(AS_OF);
  const realizationStart = monthIndexOf('2024-01') + rng.int(0, 20);
  const futureStart = realizationStart - rng.int(0, 3);
  const realizedCount = Math.max(0, Math.min(MONTHS, asOf - realizationStart + 1));

  const useCaseCount = rng.pick([2, 3, 3, 3, 4]);
  const addedUseCase = rng.chance(ADDED_USE_CASE);
  const sizes = split(CALCULATIONS_PER_CASE, useCaseCount);
  const names = [...USE_CASE_NAMES];

  const futureUseCases: unknown[] = [];
  const realizationUseCases: unknown[] = [];
  const futureOrigins: CalculationOrigin[][] = [];
  const realizationOrigins: CalculationOrigin[][] = [];

  sizes.forEach((size, u) => {
    const name = names.splice(rng.int(0, names.length - 1), 1)[0]!;
    const futureInputs: InputJson[] = [];
    const realizationInputs: InputJson[] = [];
    const futureCalcs: unknown[] = [];
    const realizationCalcs: unknown[] = [];
    const fo: CalculationOrigin[] = [];
    const ro: CalculationOrigin[] = [];
    for (let n = 1; n <= size; n++) {
      const t = rng.int(0, TEMPLATES.length - 1);
      const template: Template = TEMPLATES[t]!;
      const values: Record<string, number> = {};
      for (const inp of template.inputs) values[inp.key] = inp.value(rng);
      const metric = template.metric;
      // A converted metric starts at its baseline (no improvement before anything is measured).
      if (metric?.via === 'conversion') values[metric.key] = values[`${metric.key}_baseline`]!;

      for (const inp of template.inputs) {
        const input: InputJson = { key: keyOf(inp.key, n), label: inp.label, unit: inp.unit, value: values[inp.key]! };
        if (!template.realizationOnly?.includes(inp.key)) {
          const future: InputJson = { ...input };
          if (isAssumption(template, inp.key)) changeFrom(rng, future, template, inp.key, futureStart, FUTURE_CHANGES);
          futureInputs.push(future);
        }
        if (template.futureOnly?.includes(inp.key)) {
          // convertCalculation keeps the original percentage as `<percentInput>_target`.
          realizationInputs.push({ ...input, key: `${input.key}_target`, label: `Target: ${inp.label}`, unit: 'percent' });
          continue;
        }
        if (!template.realization.args.includes(inp.key)) continue;
        if (metric?.key === inp.key) {
          if (rng.chance(METRIC_NOT_MONTHLY)) {
            // The metric came over as a constant (createRealizationScenario copies no
            // series) and was never made monthly: the calculation is not tracked, its
            // value is an assumption.
          } else {
            // trackMetric keeps the value before as `<input>_target`.
            if (metric.via === 'trackMetric') realizationInputs.push({ ...input, key: `${input.key}_target`, label: `Target: ${inp.label}` });
            input.series = measurements(rng, metric, values, inp.key, realizationStart, realizedCount);
          }
        } else if (isAssumption(template, inp.key)) {
          changeFrom(rng, input, template, inp.key, realizationStart, REALIZATION_CHANGES);
        }
        realizationInputs.push(input);
      }
      const calcId = `calc-${n}`;
      futureCalcs.push({ id: calcId, name: template.name, formula: fillFormula(template.future.formula, n), period: template.future.period });
      const rc: Record<string, unknown> = {
        id: calcId,
        name: template.name,
        formula: fillFormula(template.realization.formula, n),
        period: template.realization.period,
      };
      if (metric) rc.metric = keyOf(metric.key, n);
      realizationCalcs.push(rc);
      fo.push({ template: t, variant: 'future', n });
      ro.push({ template: t, variant: 'realization', n });
    }
    const id = `uc-${u + 1}`;
    futureUseCases.push({ id, name, inputs: futureInputs, calculations: futureCalcs });
    // Now and then the last use case of the realization has no twin in the projection
    // (added after the sale): its estimated and variance to date are null.
    const realizationId = u === sizes.length - 1 && addedUseCase ? `${id}-added` : id;
    realizationUseCases.push({ id: realizationId, name, inputs: realizationInputs, calculations: realizationCalcs });
    futureOrigins.push(fo);
    realizationOrigins.push(ro);
  });

  const ramp = rng.chance(0.8)
    ? [
        { from: monthText(futureStart), to: monthText(futureStart + 2), factor: 0.25 },
        { from: monthText(futureStart + 3), to: monthText(futureStart + 5), factor: rng.pick([0.5, 0.6, 0.75]) },
      ]
    : [{ from: monthText(futureStart), to: monthText(futureStart + 5), factor: 0.5 }];
  const investment: Array<{ label: string; amount: number; recurrence: 'one-time' | 'monthly' | 'annual' }> = [
    { label: 'Implementation', amount: rng.int(20, 400) * 1000, recurrence: 'one-time' },
    { label: 'Subscription', amount: rng.int(12, 600) * 1000, recurrence: 'annual' },
  ];
  if (rng.chance(0.3)) investment.push({ label: 'Managed service', amount: rng.int(1, 20) * 500, recurrence: 'monthly' });

  const customer = rng.pick(CUSTOMERS);
  const json = {
    version: 1,
    id: `case-${String(index + 1).padStart(5, '0')}`,
    name: `${customer} – Value Case ${index + 1}`,
    customer,
    currency: rng.pick(CURRENCIES),
    scenarios: [
      {
        id: 'projection',
        name: 'Projection',
        kind: 'future',
        start: monthText(futureStart),
        months: MONTHS,
        ramp,
        investment,
        useCases: futureUseCases,
      },
      {
        id: 'realization',
        name: 'Realization',
        kind: 'realization',
        start: monthText(realizationStart),
        months: MONTHS,
        basedOn: 'projection',
        investment: investment.map((i) => ({ ...i })),
        useCases: realizationUseCases,
      },
    ],
  };
  return { json, origins: [futureOrigins, realizationOrigins] };
}

/** A portfolio of `size` business cases (case i is the same in every portfolio). */
export function generatePortfolio(size: number): GeneratedCase[] {
  const out: GeneratedCase[] = new Array(size);
  for (let i = 0; i < size; i++) out[i] = generateCase(i);
  return out;
}
