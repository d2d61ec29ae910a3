import {
  entryValue,
  investmentByMonth,
  monthIndex,
  monthText,
  roundMoney,
  summarize,
  type BusinessCase,
  type QbrFacts,
  type Scenario,
  type UseCase,
} from '../engine/index.ts';
import { metricStatus, useCaseStatus, type QbrStatus } from './qbr-status.ts';

/**
 * What a QBR tells beyond the engine's `qbrFacts`, read from the same document with the
 * engine's own functions (`summarize`, `investmentByMonth`): targets, the investment schedule,
 * the investment at the payback month, the whole history of each metric (for cause and
 * effect), changes of assumptions, every milestone to the contract's end, the inputs for the
 * appendix, and the status of each use case and metric (`qbr-status.ts`). The engine's output
 * shape is not changed: this rides beside it in `QbrDraftFacts.story`.
 */
export interface QbrStory {
  /** Realized to date split three ways that add up: fresh measurements, carried forward, assumed. */
  toDate: { freshMeasured: number; carriedForward: number; assumed: number };
  inQuarter: { freshMeasured: number; carriedForward: number; assumed: number };
  useCases: UseCaseStory[];
  metrics: MetricStory[];
  assumptionChanges: AssumptionChange[];
  milestones: StoryMilestone[];
  investment: InvestmentStory;
  projection: { afterAsOf: number; from: string | null; to: string };
  /** The constant inputs of each use case (the assumptions), for the appendix. */
  inputs: { useCase: string; useCaseName: string; input: string; label: string; unit: string; value: number }[];
}

/** The engine's facts and the story beside them: what a draft is written from and saved with. */
export type QbrDraftFacts = QbrFacts & { story: QbrStory };

export interface UseCaseStory {
  id: string;
  name: string;
  /** `qbr-status.ts`: never `ahead` when nothing of it is measured. */
  status: QbrStatus;
  /** realized to date minus estimated to date (null without an estimate). */
  gapToDate: number | null;
  /** True when it is ahead and at least half its value to date is freshly measured. */
  proofPoint: boolean;
  /** Labels of the metrics that measure it. */
  metrics: string[];
}

export interface MetricEntry {
  month: string;
  value: number;
  note: string | null;
  source: string | null;
  evidence: string | null;
}

export interface MetricStory {
  useCase: string;
  useCaseName: string;
  input: string;
  label: string;
  unit: string;
  direction: 'increase' | 'decrease';
  /** The business case's baseline (a conversion's B); null when the metric was tracked directly (its value was the plan). */
  baseline: number | null;
  baselineLabel: string | null;
  /** The first measurement ever recorded. */
  first: MetricEntry | null;
  /** The measurement in force at the quarter's end (or the as-of month); null when none yet. */
  latest: MetricEntry | null;
  /** The target: a `_target` input (tracked directly) or the conversion's baseline x (1 ± target %). */
  target: number | null;
  targetFrom: string | null;
  /** Toward the target: points (after - target) for a percent unit, else after / target - 1; signed so that positive is better. */
  varianceToTarget: number | null;
  status: QbrStatus;
  /** Every measurement up to the as-of month. */
  history: MetricEntry[];
  /** Measurements in the quarter that changed the value, with the value before. */
  changes: { month: string; from: number; to: number; note: string | null; milestone: string | null }[];
}

export interface AssumptionChange {
  useCase: string;
  useCaseName: string;
  input: string;
  label: string;
  unit: string;
  month: string;
  from: number;
  to: number;
  note: string | null;
  /** True when the change holds by the as-of month (it is in the realized figures); else it only moves the projection. */
  inEffect: boolean;
}

export interface StoryMilestone {
  id: string;
  name: string;
  targetMonth: string | null;
  achievedMonth: string | null;
  note: string | null;
  /** Months late (positive), early (negative) or on time (0), when achieved against a target. */
  monthsLate: number | null;
  state: 'achieved' | 'overdue' | 'upcoming' | 'unscheduled';
}

export interface InvestmentStory {
  items: { label: string; amount: number; recurrence: string; toDate: number; total: number }[];
  toDate: number;
  total: number;
  /** Cumulative investment and realized value through the payback month. */
  atPayback: number | null;
  realizedAtPayback: number | null;
  /** The payback month's number in the window (1 = the first month). */
  paybackMonthNumber: number | null;
  windowMonths: number;
  /** Investment per contract year (12 months from the start). */
  years: { year: number; from: string; to: string; amount: number }[];
}

const round = roundMoney;

function realization(doc: BusinessCase, facts: QbrFacts): Scenario {
  const s = doc.scenarios.find((x) => x.id === facts.scenario.id);
  if (!s) throw new Error(`scenario '${facts.scenario.id}' is not in the document`);
  return s;
}

function entries(input: UseCase['inputs'][number], last: number): MetricEntry[] {
  return Object.entries(input.series ?? {})
    .map(([month, e]) => {
      const obj: { note?: string; source?: string; evidence?: string } = typeof e === 'number' ? {} : e;
      return { month, value: entryValue(e), note: obj.note ?? null, source: obj.source ?? null, evidence: obj.evidence ?? null };
    })
    .filter((e) => monthIndex(e.month) <= last)
    .sort((a, b) => monthIndex(a.month) - monthIndex(b.month));
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A conversion's baseline and direction, read from the formula it wrote: `(M - B) / B` or `(B - M) / B`. */
function conversion(formula: string, metric: string): { baseline: string; direction: 'increase' | 'decrease' } | null {
  const m = escapeRe(metric);
  const up = new RegExp(`\\(\\s*${m}\\s*-\\s*([a-z][a-z0-9_]*)\\s*\\)\\s*/\\s*([a-z][a-z0-9_]*)`).exec(formula);
  if (up && up[1] === up[2]) return { baseline: up[1]!, direction: 'increase' };
  const down = new RegExp(`\\(\\s*([a-z][a-z0-9_]*)\\s*-\\s*${m}\\s*\\)\\s*/\\s*([a-z][a-z0-9_]*)`).exec(formula);
  if (down && down[1] === down[2]) return { baseline: down[1]!, direction: 'decrease' };
  return null;
}

const words = (formula: string): Set<string> => new Set(formula.match(/[a-z][a-z0-9_]*/g) ?? []);

function metricStory(doc: BusinessCase, s: Scenario, facts: QbrFacts, m: QbrFacts['metrics'][number]): MetricStory {
  const u = s.useCases.find((x) => x.id === m.useCase)!;
  const input = u.inputs.find((x) => x.key === m.input)!;
  const calc = u.calculations.find((c) => c.metric === m.input);
  const asOf = monthIndex(facts.asOf);
  const qEnd = Math.min(monthIndex(facts.quarter.end), asOf);
  const history = entries(input, asOf);
  const inForce = history.filter((e) => monthIndex(e.month) <= qEnd);
  const latest = inForce[inForce.length - 1] ?? null;
  const byKey = new Map(u.inputs.map((i) => [i.key, i]));

  let baseline: number | null = null;
  let baselineLabel: string | null = null;
  let direction: 'increase' | 'decrease' = 'increase';
  let target: number | null = null;
  let targetFrom: string | null = null;
  const conv = calc ? conversion(calc.formula, m.input) : null;
  const own = byKey.get(`${m.input}_target`);
  if (conv) {
    const b = byKey.get(conv.baseline);
    direction = conv.direction;
    if (b && !b.series) {
      baseline = b.value;
      baselineLabel = b.label;
      // The percentage the conversion replaced: the plan's formula of the same calculation refers to it.
      const plan = doc.scenarios.find((x) => x.id === facts.compareWith?.id);
      const planCalc = plan?.useCases.find((x) => x.id === u.id)?.calculations.find((c) => c.id === calc!.id);
      const used = planCalc ? words(planCalc.formula) : new Set<string>();
      const targets = u.inputs.filter((i) => i.key.endsWith('_target') && !byKey.has(i.key.slice(0, -'_target'.length)) && i.unit === 'percent');
      const pct = targets.find((i) => used.has(i.key.slice(0, -'_target'.length))) ?? (targets.length === 1 ? targets[0] : undefined);
      if (pct) {
        target = b.value * (direction === 'increase' ? 1 + pct.value : 1 - pct.value);
        targetFrom = pct.label;
      }
    }
  } else if (own) {
    target = own.value;
    targetFrom = own.label;
  }
  const after = latest?.value ?? null;
  let varianceToTarget: number | null = null;
  if (after !== null && target !== null) {
    const sign = direction === 'increase' ? 1 : -1;
    if (m.unit.trim().toLowerCase() === 'percent') varianceToTarget = sign * (after - target);
    else if (target !== 0) varianceToTarget = sign * (after / target - 1);
  }
  const qStart = monthIndex(facts.quarter.start);
  const milestones = s.milestones ?? [];
  const changes: MetricStory['changes'] = [];
  let prev = input.value;
  for (const e of history) {
    const i = monthIndex(e.month);
    if (i >= qStart && i <= qEnd && e.value !== prev) {
      const ms = milestones.find((x) => x.achievedMonth !== undefined && monthIndex(x.achievedMonth) <= i && monthIndex(x.achievedMonth) >= i - 1);
      changes.push({ month: e.month, from: prev, to: e.value, note: e.note, milestone: ms?.id ?? null });
    }
    prev = e.value;
  }
  return {
    useCase: u.id,
    useCaseName: u.name,
    input: m.input,
    label: m.label,
    unit: m.unit,
    direction,
    baseline,
    baselineLabel,
    first: history[0] ?? null,
    latest,
    target,
    targetFrom,
    varianceToTarget,
    status: metricStatus({ unit: m.unit, target, after, varianceToTarget }),
    history,
    changes,
  };
}

/**
 * The story beside the facts for one quarter, from the document the facts were computed
 * from. Pure and deterministic (no clock): the same document and facts give the same story,
 * so a saved draft's facts can be compared with today's to tell when it is stale.
 */
export function buildQbrStory(doc: BusinessCase, facts: QbrFacts): QbrStory {
  const s = realization(doc, facts);
  const start = monthIndex(s.start);
  const asOf = monthIndex(facts.asOf);
  const end = start + s.months - 1;
  const metricKeys = new Map(s.useCases.map((u) => [u.id, new Set(u.calculations.flatMap((c) => (c.metric ? [c.metric] : [])))]));

  const metrics = facts.metrics.map((m) => metricStory(doc, s, facts, m));
  const useCases: UseCaseStory[] = facts.useCases.map((u) => {
    const status = useCaseStatus(u);
    const fresh = u.toDate.measured - u.toDate.carriedForward;
    return {
      id: u.id,
      name: u.name,
      status,
      gapToDate: u.toDate.estimated === null ? null : round(u.toDate.realized - u.toDate.estimated),
      proofPoint: status === 'ahead' && u.toDate.realized > 0 && fresh / u.toDate.realized >= 0.5,
      metrics: facts.metrics.filter((m) => m.useCase === u.id).map((m) => m.label),
    };
  });

  const assumptionChanges: AssumptionChange[] = [];
  for (const u of s.useCases)
    for (const i of u.inputs) {
      if (!i.series || metricKeys.get(u.id)?.has(i.key)) continue;
      let prev = i.value;
      for (const e of entries(i, end)) {
        if (e.value !== prev)
          assumptionChanges.push({
            useCase: u.id,
            useCaseName: u.name,
            input: i.key,
            label: i.label,
            unit: i.unit,
            month: e.month,
            from: prev,
            to: e.value,
            note: e.note,
            inEffect: monthIndex(e.month) <= asOf,
          });
        prev = e.value;
      }
    }

  const milestones: StoryMilestone[] = (s.milestones ?? [])
    .map((m) => {
      const achieved = m.achievedMonth !== undefined && monthIndex(m.achievedMonth) <= asOf ? m.achievedMonth : null;
      const target = m.targetMonth ?? null;
      const state: StoryMilestone['state'] = achieved ? 'achieved' : target === null ? 'unscheduled' : monthIndex(target) <= asOf ? 'overdue' : 'upcoming';
      return {
        id: m.id,
        name: m.name,
        targetMonth: target,
        achievedMonth: achieved,
        note: m.note ?? null,
        monthsLate: achieved && target ? monthIndex(achieved) - monthIndex(target) : null,
        state,
      };
    })
    .filter((m) => m.state !== 'upcoming' || monthIndex(m.targetMonth!) <= end)
    .sort((a, b) => monthIndex(a.achievedMonth ?? a.targetMonth ?? '9999-12') - monthIndex(b.achievedMonth ?? b.targetMonth ?? '9999-12'));

  const invest = investmentByMonth(s.investment, s.months);
  const realizedCount = Math.max(0, Math.min(asOf, end) - start + 1);
  const summary = summarize(doc, { asOf: facts.asOf, scenario: s.id, compare: facts.compareWith?.id ?? null });
  const monthly = summary.ok ? summary.value.monthly : [];
  const payback = facts.toDate.paybackMonth;
  const paybackI = payback === null ? null : monthIndex(payback) - start;
  const sumTo = (xs: readonly number[], n: number): number => xs.slice(0, n).reduce((a, b) => a + b, 0);
  const items = (s.investment ?? []).map((item) => {
    const one = investmentByMonth([item], s.months);
    return {
      label: item.label,
      amount: item.amount,
      recurrence: item.recurrence,
      toDate: round(sumTo(one, realizedCount)),
      total: round(sumTo(one, s.months)),
    };
  });
  const years: InvestmentStory['years'] = [];
  for (let y = 0; y * 12 < s.months; y++) {
    const to = Math.min(s.months, (y + 1) * 12);
    years.push({
      year: y + 1,
      from: monthText(start + y * 12),
      to: monthText(start + to - 1),
      amount: round(invest.slice(y * 12, to).reduce((a, b) => a + b, 0)),
    });
  }
  const investment: InvestmentStory = {
    items,
    toDate: facts.toDate.investment,
    total: facts.contract.investmentTotal,
    atPayback: paybackI === null ? null : round(sumTo(invest, paybackI + 1)),
    realizedAtPayback: paybackI === null ? null : round(monthly.slice(0, paybackI + 1).reduce((a, x) => a + (x.realized ?? 0), 0)),
    paybackMonthNumber: paybackI === null ? null : paybackI + 1,
    windowMonths: s.months,
    years,
  };

  const inputs: QbrStory['inputs'] = [];
  for (const u of s.useCases)
    for (const i of u.inputs) {
      if (metricKeys.get(u.id)?.has(i.key) || i.key.endsWith('_target')) continue;
      inputs.push({ useCase: u.id, useCaseName: u.name, input: i.key, label: i.label, unit: i.unit, value: i.value });
    }

  return {
    toDate: {
      freshMeasured: round(facts.toDate.measured - facts.toDate.carriedForward),
      carriedForward: facts.toDate.carriedForward,
      assumed: facts.toDate.assumed,
    },
    inQuarter: {
      freshMeasured: round(facts.inQuarter.measured - facts.inQuarter.carriedForward),
      carriedForward: facts.inQuarter.carriedForward,
      assumed: facts.inQuarter.assumed,
    },
    useCases,
    metrics,
    assumptionChanges,
    milestones,
    investment,
    projection: {
      afterAsOf: round(facts.contract.projectedTotal - facts.toDate.realized),
      from: asOf < end ? monthText(Math.max(asOf + 1, start)) : null,
      to: monthText(end),
    },
    inputs,
  };
}

/** The facts with their story: what a draft is written from and saved with. */
export function withStory(doc: BusinessCase, facts: QbrFacts): QbrDraftFacts {
  return { ...facts, story: buildQbrStory(doc, facts) };
}
