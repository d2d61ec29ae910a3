/**
 * The fixed set of calculation templates the benchmark portfolio is drawn from. Each
 * template is a realistic value-engineering formula written twice: once as text in the
 * engine's formula language (what goes into the document) and once by hand as a plain
 * JavaScript function (the "floor" of the benchmark). No code is generated at run time:
 * the JavaScript twins below are ordinary source code.
 *
 * A template's `inputs` are listed in the order its JavaScript twin reads them (`v[0]`,
 * `v[1]`, ...). In the document every key gets a per-calculation suffix (`agents_2`) so
 * that a use case can hold several calculations of the same template.
 */
import type { Rng } from './prng.ts';

/** One input of a template. */
export interface TemplateInput {
  /** Key stem; the document key is `${key}_${n}`. */
  key: string;
  label: string;
  unit: string;
  /** The input's constant value (for a time-series input: its value before the first entry). */
  value: (rng: Rng) => number;
}

/** One formula of a template, with its hand-written JavaScript twin. */
export interface TemplateFormula {
  period: 'annual' | 'monthly';
  /** Formula text; `{stem}` stands for the input key `${stem}_${n}`. */
  formula: string;
  /** Input stems in the order `js` reads them. */
  args: readonly string[];
  /** The same formula as plain JavaScript arithmetic over `v[i]` = value of `args[i]`. */
  js: (v: Float64Array) => number;
}

/**
 * The improvement metric of a tracked calculation (Contract 2: a calculation is tracked
 * through its `metric` only). Measured month by month in the realization variant.
 */
export interface TemplateMetric {
  /** Stem of the metric input. */
  key: string;
  /**
   * How the realization came to measure it: `conversion` (convertCalculation: a baseline
   * input, the metric starting at the baseline, the percentage kept as `<percent>_target`)
   * or `trackMetric` (the input measured directly; its value before kept as `<key>_target`).
   */
  via: 'conversion' | 'trackMetric';
  /** A plausible measurement, given the input's constant value and the target value. */
  measure: (rng: Rng, base: number, target: number, progress: number) => number;
  /** The value the metric is expected to reach (for the measurement generator). */
  target: (values: Record<string, number>) => number;
}

/**
 * An assumption that may change from a month on (`setInput` with `from`: "10 reps, 15 from
 * June"). A time-series input that is no calculation's metric: it never makes a
 * calculation tracked.
 */
export interface TemplateAssumption {
  /** Stem of the input. */
  key: string;
  /** The value from the month of the change on, given the value before it. */
  next: (rng: Rng, before: number) => number;
}

/** A calculation template: the future (projection) and realization variants. */
export interface Template {
  id: string;
  name: string;
  inputs: readonly TemplateInput[];
  future: TemplateFormula;
  realization: TemplateFormula;
  /** Present when the realization variant is tracked (has a measured metric). */
  metric?: TemplateMetric;
  /** Inputs of either variant that may change from a month on (never a metric). */
  assumptions?: readonly TemplateAssumption[];
  /** Inputs that exist only in the realization variant (e.g. a conversion's baseline). */
  realizationOnly?: readonly string[];
  /** Inputs that exist only in the future variant. */
  futureOnly?: readonly string[];
}

const int =
  (lo: number, hi: number) =>
  (rng: Rng): number =>
    rng.int(lo, hi);
const step =
  (lo: number, hi: number, by: number) =>
  (rng: Rng): number =>
    Math.round(rng.int(Math.round(lo / by), Math.round(hi / by)) * by * 1e6) / 1e6;
const near = (x: number, spread: number, rng: Rng, digits = 0): number => {
  const f = 10 ** digits;
  return Math.round(x * (1 + (rng.next() * 2 - 1) * spread) * f) / f;
};

/** A step change by one of `factors`, rounded to a multiple of `by` (at least `by`). */
const scaled =
  (factors: readonly number[], by: number) =>
  (rng: Rng, before: number): number =>
    Math.max(by, Math.round((before * rng.pick(factors)) / by) * by);

/** The templates, weighted equally. */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'support-efficiency',
    name: 'Support team efficiency',
    inputs: [
      { key: 'reps', label: 'Support reps', unit: 'people', value: int(4, 60) },
      { key: 'cost_per_rep', label: 'Fully loaded cost per rep', unit: 'USD', value: step(45_000, 120_000, 500) },
      { key: 'gain', label: 'Expected efficiency gain', unit: 'percent', value: step(0.1, 0.6, 0.05) },
      { key: 'tickets', label: 'Tickets per rep per day', unit: 'tickets', value: int(40, 160) },
      { key: 'tickets_baseline', label: 'Baseline: Tickets per rep per day', unit: 'tickets', value: int(40, 160) },
    ],
    futureOnly: ['gain'],
    realizationOnly: ['tickets', 'tickets_baseline'],
    future: {
      period: 'annual',
      formula: '{reps} * {cost_per_rep} * {gain}',
      args: ['reps', 'cost_per_rep', 'gain'],
      js: (v) => v[0]! * v[1]! * v[2]!,
    },
    realization: {
      period: 'annual',
      formula: '{reps} * {cost_per_rep} * max(0, ({tickets} - {tickets_baseline}) / {tickets_baseline})',
      args: ['reps', 'cost_per_rep', 'tickets', 'tickets_baseline'],
      js: (v) => v[0]! * v[1]! * Math.max(0, (v[2]! - v[3]!) / v[3]!),
    },
    metric: {
      key: 'tickets',
      via: 'conversion',
      target: (x) => x.tickets_baseline! * (1 + x.gain!),
      measure: (rng, base, target, progress) => near(base + (target - base) * progress, 0.12, rng),
    },
    assumptions: [{ key: 'reps', next: scaled([0.8, 1.2, 1.5], 1) }],
  },
  {
    id: 'unit-cost',
    name: 'Lower unit cost',
    inputs: [
      { key: 'spend', label: 'Monthly spend in scope', unit: 'USD', value: step(20_000, 400_000, 1000) },
      { key: 'reduction', label: 'Expected cost reduction', unit: 'percent', value: step(0.05, 0.3, 0.01) },
      { key: 'unit_cost', label: 'Cost per transaction', unit: 'USD', value: step(2, 40, 0.25) },
      { key: 'unit_cost_baseline', label: 'Baseline: Cost per transaction', unit: 'USD', value: step(2, 40, 0.25) },
    ],
    futureOnly: ['reduction'],
    realizationOnly: ['unit_cost', 'unit_cost_baseline'],
    future: {
      period: 'monthly',
      formula: '{spend} * {reduction}',
      args: ['spend', 'reduction'],
      js: (v) => v[0]! * v[1]!,
    },
    realization: {
      period: 'monthly',
      formula: '{spend} * max(0, ({unit_cost_baseline} - {unit_cost}) / {unit_cost_baseline})',
      args: ['spend', 'unit_cost_baseline', 'unit_cost'],
      js: (v) => v[0]! * Math.max(0, (v[1]! - v[2]!) / v[1]!),
    },
    metric: {
      key: 'unit_cost',
      via: 'conversion',
      target: (x) => x.unit_cost_baseline! * (1 - x.reduction!),
      measure: (rng, base, target, progress) => near(base + (target - base) * progress, 0.08, rng, 2),
    },
    assumptions: [{ key: 'spend', next: scaled([0.85, 1.1, 1.25], 1000) }],
  },
  {
    id: 'labor-hours',
    name: 'Hours saved by automation',
    inputs: [
      { key: 'agents', label: 'Agents affected', unit: 'people', value: int(5, 250) },
      { key: 'hours_saved', label: 'Hours saved per agent per week', unit: 'hours', value: step(0.5, 6, 0.5) },
      { key: 'hourly_cost', label: 'Hourly cost', unit: 'USD', value: step(25, 95, 0.5) },
    ],
    future: {
      period: 'annual',
      formula: '{agents} * {hours_saved} * 52 * {hourly_cost}',
      args: ['agents', 'hours_saved', 'hourly_cost'],
      js: (v) => v[0]! * v[1]! * 52 * v[2]!,
    },
    realization: {
      period: 'annual',
      formula: '{agents} * {hours_saved} * 52 * {hourly_cost}',
      args: ['agents', 'hours_saved', 'hourly_cost'],
      js: (v) => v[0]! * v[1]! * 52 * v[2]!,
    },
    metric: {
      key: 'hours_saved',
      via: 'trackMetric',
      target: (x) => x.hours_saved!,
      measure: (rng, _base, target, progress) => Math.max(0, near(target * (0.4 + 0.6 * progress), 0.2, rng, 1)),
    },
    assumptions: [{ key: 'agents', next: scaled([0.9, 1.2, 1.5], 1) }],
  },
  {
    id: 'revenue-uplift',
    name: 'Conversion uplift',
    inputs: [
      { key: 'orders', label: 'Orders per month', unit: 'orders', value: int(500, 40_000) },
      { key: 'order_value', label: 'Average order value', unit: 'USD', value: step(15, 900, 5) },
      { key: 'uplift', label: 'Uplift in order value', unit: 'percent', value: step(0.01, 0.08, 0.005) },
    ],
    future: {
      period: 'monthly',
      formula: '{orders} * {order_value} * {uplift}',
      args: ['orders', 'order_value', 'uplift'],
      js: (v) => v[0]! * v[1]! * v[2]!,
    },
    realization: {
      period: 'monthly',
      formula: '{orders} * {order_value} * {uplift}',
      args: ['orders', 'order_value', 'uplift'],
      js: (v) => v[0]! * v[1]! * v[2]!,
    },
    assumptions: [{ key: 'orders', next: (rng, before) => Math.max(1, near(before, 0.25, rng)) }],
  },
  {
    id: 'incident-cap',
    name: 'Avoided incidents (capped)',
    inputs: [
      { key: 'cap', label: 'Maximum claimable per year', unit: 'USD', value: step(50_000, 500_000, 5000) },
      { key: 'incidents_avoided', label: 'Incidents avoided per year', unit: 'incidents', value: int(2, 120) },
      { key: 'cost_per_incident', label: 'Cost per incident', unit: 'USD', value: step(500, 25_000, 250) },
    ],
    future: {
      period: 'annual',
      formula: 'min({cap}, {incidents_avoided} * {cost_per_incident})',
      args: ['cap', 'incidents_avoided', 'cost_per_incident'],
      js: (v) => Math.min(v[0]!, v[1]! * v[2]!),
    },
    realization: {
      period: 'annual',
      formula: 'min({cap}, {incidents_avoided} * {cost_per_incident})',
      args: ['cap', 'incidents_avoided', 'cost_per_incident'],
      js: (v) => Math.min(v[0]!, v[1]! * v[2]!),
    },
  },
  {
    id: 'volume-discount',
    name: 'Volume pricing',
    inputs: [
      { key: 'volume', label: 'Units shipped per month', unit: 'units', value: int(1000, 50_000) },
      { key: 'threshold', label: 'Discount threshold', unit: 'units', value: int(5000, 30_000) },
      { key: 'rate', label: 'Saving per unit', unit: 'USD', value: step(0.05, 2.5, 0.05) },
    ],
    future: {
      period: 'monthly',
      formula: 'if({volume} > {threshold}, {volume} * {rate} * 90%, {volume} * {rate})',
      args: ['volume', 'threshold', 'rate'],
      js: (v) => (v[0]! > v[1]! ? v[0]! * v[2]! * 0.9 : v[0]! * v[2]!),
    },
    realization: {
      period: 'monthly',
      formula: 'if({volume} > {threshold}, {volume} * {rate} * 90%, {volume} * {rate})',
      args: ['volume', 'threshold', 'rate'],
      js: (v) => (v[0]! > v[1]! ? v[0]! * v[2]! * 0.9 : v[0]! * v[2]!),
    },
    assumptions: [{ key: 'volume', next: (rng, before) => Math.max(1, near(before, 0.5, rng)) }],
  },
  {
    id: 'license-consolidation',
    name: 'License consolidation',
    inputs: [
      { key: 'licenses_retired', label: 'Licenses retired', unit: 'licenses', value: int(10, 2000) },
      { key: 'license_price', label: 'Price per license (contract)', unit: 'USD', value: step(100, 3000, 10) },
      { key: 'contract_years', label: 'Contract length', unit: 'years', value: int(1, 5) },
    ],
    future: {
      period: 'annual',
      formula: '({licenses_retired} * {license_price}) / {contract_years}',
      args: ['licenses_retired', 'license_price', 'contract_years'],
      js: (v) => (v[0]! * v[1]!) / v[2]!,
    },
    realization: {
      period: 'annual',
      formula: '({licenses_retired} * {license_price}) / {contract_years}',
      args: ['licenses_retired', 'license_price', 'contract_years'],
      js: (v) => (v[0]! * v[1]!) / v[2]!,
    },
    assumptions: [{ key: 'licenses_retired', next: (rng, before) => before + rng.int(10, 500) }],
  },
  {
    id: 'ticket-deflection',
    name: 'Tickets deflected by self-service',
    inputs: [
      { key: 'ticket_cost', label: 'Cost per ticket', unit: 'USD', value: step(4, 40, 0.5) },
      { key: 'escalation_cost', label: 'Escalation cost per ticket', unit: 'USD', value: step(0, 15, 0.5) },
      { key: 'deflected', label: 'Tickets deflected per month', unit: 'tickets', value: int(100, 20_000) },
    ],
    future: {
      period: 'annual',
      formula: '({ticket_cost} + {escalation_cost}) * {deflected} * 12',
      args: ['ticket_cost', 'escalation_cost', 'deflected'],
      js: (v) => (v[0]! + v[1]!) * v[2]! * 12,
    },
    realization: {
      period: 'annual',
      formula: '({ticket_cost} + {escalation_cost}) * {deflected} * 12',
      args: ['ticket_cost', 'escalation_cost', 'deflected'],
      js: (v) => (v[0]! + v[1]!) * v[2]! * 12,
    },
    metric: {
      key: 'deflected',
      via: 'trackMetric',
      target: (x) => x.deflected!,
      measure: (rng, _base, target, progress) => near(target * (0.3 + 0.7 * progress), 0.15, rng),
    },
    assumptions: [{ key: 'ticket_cost', next: scaled([0.9, 1.1, 1.2], 0.5) }],
  },
  {
    id: 'churn',
    name: 'Reduced churn',
    inputs: [
      { key: 'customers', label: 'Customers', unit: 'customers', value: int(200, 20_000) },
      { key: 'arr', label: 'ARR per customer', unit: 'USD', value: step(500, 60_000, 100) },
      { key: 'churn_baseline', label: 'Annual churn today', unit: 'percent', value: step(0.08, 0.25, 0.005) },
      { key: 'churn_target', label: 'Annual churn expected', unit: 'percent', value: step(0.04, 0.075, 0.005) },
    ],
    future: {
      period: 'annual',
      formula: '{customers} * {arr} * ({churn_baseline} - {churn_target}) * 80%',
      args: ['customers', 'arr', 'churn_baseline', 'churn_target'],
      js: (v) => v[0]! * v[1]! * (v[2]! - v[3]!) * 0.8,
    },
    realization: {
      period: 'annual',
      formula: '{customers} * {arr} * ({churn_baseline} - {churn_target}) * 80%',
      args: ['customers', 'arr', 'churn_baseline', 'churn_target'],
      js: (v) => v[0]! * v[1]! * (v[2]! - v[3]!) * 0.8,
    },
    assumptions: [{ key: 'customers', next: (rng, before) => Math.max(1, near(before, 0.1, rng)) }],
  },
  {
    id: 'attrition',
    name: 'Lower attrition',
    inputs: [
      { key: 'headcount', label: 'Headcount', unit: 'people', value: int(20, 3000) },
      { key: 'attrition_reduction', label: 'Attrition reduction', unit: 'percent', value: step(0.01, 0.08, 0.005) },
      { key: 'hiring_cost', label: 'Cost to replace an employee', unit: 'USD', value: step(3000, 40_000, 500) },
    ],
    future: {
      period: 'annual',
      formula: 'round({headcount} * {attrition_reduction}) * {hiring_cost}',
      args: ['headcount', 'attrition_reduction', 'hiring_cost'],
      js: (v) => roundHalfUp(v[0]! * v[1]!) * v[2]!,
    },
    realization: {
      period: 'annual',
      formula: 'round({headcount} * {attrition_reduction}) * {hiring_cost}',
      args: ['headcount', 'attrition_reduction', 'hiring_cost'],
      js: (v) => roundHalfUp(v[0]! * v[1]!) * v[2]!,
    },
    assumptions: [{ key: 'headcount', next: scaled([0.9, 1.1, 1.3], 1) }],
  },
  {
    id: 'compliance',
    name: 'Avoided compliance penalties',
    inputs: [
      { key: 'fines_baseline', label: 'Expected penalties today', unit: 'USD', value: step(10_000, 800_000, 1000) },
      { key: 'fines_expected', label: 'Expected penalties after', unit: 'USD', value: step(0, 200_000, 1000) },
      { key: 'probability', label: 'Probability of an audit', unit: 'percent', value: step(0.1, 0.9, 0.05) },
    ],
    future: {
      period: 'annual',
      formula: 'max(0, {fines_baseline} - {fines_expected}) * {probability}',
      args: ['fines_baseline', 'fines_expected', 'probability'],
      js: (v) => Math.max(0, v[0]! - v[1]!) * v[2]!,
    },
    realization: {
      period: 'annual',
      formula: 'max(0, {fines_baseline} - {fines_expected}) * {probability}',
      args: ['fines_baseline', 'fines_expected', 'probability'],
      js: (v) => Math.max(0, v[0]! - v[1]!) * v[2]!,
    },
  },
  {
    id: 'inventory',
    name: 'Lower carrying cost of inventory',
    inputs: [
      { key: 'inventory_value', label: 'Average inventory value', unit: 'USD', value: step(100_000, 20_000_000, 10_000) },
      { key: 'days_cut', label: 'Days of inventory removed', unit: 'days', value: int(2, 30) },
      { key: 'days_on_hand', label: 'Days of inventory on hand', unit: 'days', value: int(40, 120) },
      { key: 'carrying_rate', label: 'Annual carrying cost rate', unit: 'percent', value: step(0.15, 0.3, 0.01) },
    ],
    future: {
      period: 'annual',
      formula: '{inventory_value} * {days_cut} / {days_on_hand} * {carrying_rate}',
      args: ['inventory_value', 'days_cut', 'days_on_hand', 'carrying_rate'],
      js: (v) => ((v[0]! * v[1]!) / v[2]!) * v[3]!,
    },
    realization: {
      period: 'annual',
      formula: '{inventory_value} * {days_cut} / {days_on_hand} * {carrying_rate}',
      args: ['inventory_value', 'days_cut', 'days_on_hand', 'carrying_rate'],
      js: (v) => ((v[0]! * v[1]!) / v[2]!) * v[3]!,
    },
    assumptions: [{ key: 'days_on_hand', next: (rng, before) => Math.max(10, near(before, 0.2, rng)) }],
  },
];

/**
 * `round(x)` with no digits, exactly as the contract defines it (half away from zero on the
 * number's shortest decimal form). With zero digits that form round-trips to `x` itself, so
 * plain `Math.round` of the magnitude is exact.
 */
function roundHalfUp(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
