import type { BusinessCase, Scenario } from './document-schema.ts';
import { entryValue } from './document-schema.ts';
import { fail, ok, type Result } from './engine-error.ts';
import { Claim, evaluateScenario, type ScenarioEvaluation } from './evaluate-scenario.ts';
import { monthIndex, monthText } from './month.ts';
import { roundMoney } from './round.ts';
import { summarize } from './summarize.ts';

/** A quarter `YYYY-Qn`. */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** Realized value split the way a QBR tells it, with the estimate beside it. */
export interface ValueFigures {
  realized: number;
  measured: number;
  /** (2) The part of `measured` from months whose metric value was carried forward. */
  carriedForward: number;
  assumed: number;
  estimated: number | null;
  /** realized / estimated - 1; null without an estimate or when it is 0. */
  variance: number | null;
}

/** One use case in the QBR: how it did in the quarter and to date, against the estimate. */
export interface UseCaseFacts {
  id: string;
  name: string;
  quarter: ValueFigures;
  toDate: ValueFigures;
  /** Against the estimate to date: ahead (> +5%), behind (< -5%), on-track, or no-estimate. */
  status: 'ahead' | 'on-track' | 'behind' | 'no-estimate';
}

/** A tracked metric's movement in the quarter, and the months it was not measured. */
export interface MetricFacts {
  useCase: string;
  input: string;
  label: string;
  unit: string;
  baseline: number;
  /** Value in force in the month before the quarter (or the baseline). */
  atQuarterStart: number;
  /** Value in force in the quarter's last month (<= asOf). */
  atQuarterEnd: number;
  /** Months of the quarter with a measurement of this metric. */
  measuredMonths: string[];
  /** Months of the quarter (<= asOf) without one: their value is carried forward. */
  missingMonths: string[];
}

/** A measurement behind the numbers, with its note, evidence and source. */
export interface EvidenceFact {
  useCase: string;
  input: string;
  label: string;
  month: string;
  value: number;
  note: string | null;
  evidence: string | null;
  source: string | null;
}

/** A milestone as a QBR reports it. */
export interface MilestoneFact {
  id: string;
  name: string;
  targetMonth: string | null;
  achievedMonth: string | null;
  note: string | null;
}

/**
 * Everything a QBR narrative may state, computed by the engine: a narrative's numbers must
 * all come from here. Money is rounded to cents; ratios are fractions.
 */
export interface QbrFacts {
  businessCase: { id: string; name: string; customer: string; currency: string };
  scenario: { id: string; name: string; start: string; end: string };
  compareWith: { id: string; name: string } | null;
  quarter: { id: string; start: string; end: string; months: string[] };
  asOf: string;
  inQuarter: ValueFigures;
  toDate: ValueFigures & { investment: number; roi: number | null; paybackMonth: string | null };
  /** The whole window: the plan's total, and (2) the projection (realized to date + benefit after asOf). */
  contract: { total: number; investmentTotal: number; roi: number | null; projectedTotal: number; projectedRoi: number | null };
  useCases: UseCaseFacts[];
  metrics: MetricFacts[];
  evidence: EvidenceFact[];
  milestones: { achievedInQuarter: MilestoneFact[]; achievedBefore: MilestoneFact[]; atRisk: MilestoneFact[]; upcoming: MilestoneFact[] };
}

/** Options: the quarter, and optionally an earlier `asOf` (default: the quarter's last month). */
export interface QbrOptions {
  quarter: string;
  asOf?: string;
  scenario?: string;
  compare?: string | null;
}

/** First and last month of a quarter, or null when it is not `YYYY-Qn`. */
export function quarterMonths(quarter: string): { start: string; end: string } | null {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) return null;
  const start = Number(m[1]) * 12 + (Number(m[2]) - 1) * 3;
  return { start: monthText(start), end: monthText(start + 2) };
}

/** Sums in the order realized, measured, carried forward, assumed, estimated. */
type Sums = [number, number, number, number, number];

function figures([realized, measured, carried, assumed, est]: Sums, hasEstimate: boolean): ValueFigures {
  const estimated = hasEstimate ? est : null;
  return {
    realized: roundMoney(realized),
    measured: roundMoney(measured),
    carriedForward: roundMoney(carried),
    assumed: roundMoney(assumed),
    estimated: estimated === null ? null : roundMoney(estimated),
    variance: estimated === null || estimated === 0 ? null : realized / estimated - 1,
  };
}

/**
 * The facts of a quarterly business review for the realization scenario (or `scenario`):
 * realized in the quarter and to date, measured vs assumed, against the estimate, per use
 * case ahead or behind, tracked metrics and the months missing measurements, the evidence
 * behind the numbers, milestones achieved and at risk, investment, ROI and payback.
 */
export function qbrFacts(doc: BusinessCase, options: QbrOptions): Result<QbrFacts> {
  const q = quarterMonths(options.quarter);
  if (!q) return fail('invalid_argument', `quarter '${options.quarter}' is not YYYY-Qn (e.g. 2026-Q1)`);
  const asOf = options.asOf !== undefined && monthIndex(options.asOf) < monthIndex(q.end) ? options.asOf : q.end;
  const scenario = options.scenario === undefined ? doc.scenarios.find((s) => s.kind === 'realization') : doc.scenarios.find((s) => s.id === options.scenario);
  if (!scenario)
    return fail(
      'not_found',
      options.scenario === undefined ? `'${doc.name}' has no realization scenario yet: a QBR reports realized value` : `no scenario '${options.scenario}'`,
    );
  if (scenario.kind !== 'realization') return fail('invalid_argument', `a QBR reports realized value; '${scenario.id}' is a future scenario`);
  const summary = summarize(doc, { asOf, scenario: scenario.id, ...(options.compare !== undefined ? { compare: options.compare } : {}) });
  if (!summary.ok) return summary;
  const s = summary.value;
  const compareId = options.compare === undefined ? scenario.basedOn : (options.compare ?? undefined);
  const compare = compareId === undefined ? undefined : doc.scenarios.find((x) => x.id === compareId);
  const ev = evaluateScenario(scenario);
  if (!ev.ok) return ev;
  let est: ScenarioEvaluation | null = null;
  if (compare) {
    const e = evaluateScenario(compare);
    if (!e.ok) return e;
    est = e.value;
  }

  const start = ev.value.start;
  const qStart = monthIndex(q.start);
  const last = Math.min(monthIndex(asOf), start + scenario.months - 1);
  const inWindow = (m: number): boolean => m >= start && m <= last;
  const quarterList: number[] = [0, 1, 2].map((i) => qStart + i).filter(inWindow);

  const estimateOf = (useCaseId: string | null, m: number): number => {
    if (!est) return 0;
    const j = m - est.start;
    if (j < 0 || j >= est.months) return 0;
    let sum = 0;
    for (const u of est.useCases) if (useCaseId === null || u.useCase.id === useCaseId) for (const c of u.calculations) sum += c.monthly[j]!;
    return sum;
  };

  const totals: { q: Sums; d: Sums } = { q: [0, 0, 0, 0, 0], d: [0, 0, 0, 0, 0] };
  const useCases: UseCaseFacts[] = ev.value.useCases.map((u) => {
    const qv: Sums = [0, 0, 0, 0, 0];
    const dv: Sums = [0, 0, 0, 0, 0];
    for (let m = start; m <= last; m++) {
      const i = m - start;
      let measured = 0;
      let carried = 0;
      let assumed = 0;
      for (const c of u.calculations) {
        if (c.claims === null) assumed += c.monthly[i]!;
        else if (c.claims[i] !== Claim.none) {
          measured += c.monthly[i]!;
          if (c.claims[i] === Claim.carriedForward) carried += c.monthly[i]!;
        }
      }
      const e = estimateOf(u.useCase.id, m);
      const add = (t: Sums): void => {
        t[0] += measured + assumed;
        t[1] += measured;
        t[2] += carried;
        t[3] += assumed;
        t[4] += e;
      };
      add(dv);
      if (m >= qStart) add(qv);
    }
    qv.forEach((v, k) => (totals.q[k]! += v));
    dv.forEach((v, k) => (totals.d[k]! += v));
    const hasEstimate = est !== null && est.useCases.some((x) => x.useCase.id === u.useCase.id);
    const toDate = figures(dv, hasEstimate);
    const status: UseCaseFacts['status'] =
      toDate.variance === null ? 'no-estimate' : toDate.variance > 0.05 ? 'ahead' : toDate.variance < -0.05 ? 'behind' : 'on-track';
    return { id: u.useCase.id, name: u.useCase.name, quarter: figures(qv, hasEstimate), toDate, status };
  });
  // Estimates outside the realization's use cases still count in the scenario's estimate.
  const estimateTotal = (from: number): number => {
    let sum = 0;
    for (let m = from; m <= last; m++) sum += estimateOf(null, m);
    return sum;
  };

  const { metrics, evidence } = metricFacts(scenario, quarterList, qStart, last);
  const milestone = (m: NonNullable<Scenario['milestones']>[number]): MilestoneFact => ({
    id: m.id,
    name: m.name,
    targetMonth: m.targetMonth ?? null,
    achievedMonth: m.achievedMonth !== undefined && monthIndex(m.achievedMonth) <= monthIndex(asOf) ? m.achievedMonth : null,
    note: m.note ?? null,
  });
  const all = (scenario.milestones ?? []).map(milestone);
  const asOfIndex = monthIndex(asOf);
  const before = (x: string | null, limit: number): boolean => x !== null && monthIndex(x) <= limit;

  return ok({
    businessCase: { id: doc.id, name: doc.name, customer: doc.customer, currency: doc.currency },
    scenario: { id: scenario.id, name: scenario.name, start: scenario.start, end: monthText(start + scenario.months - 1) },
    compareWith: compare ? { id: compare.id, name: compare.name } : null,
    quarter: { id: options.quarter, start: q.start, end: q.end, months: quarterList.map(monthText) },
    asOf,
    inQuarter: figures([totals.q[0], totals.q[1], totals.q[2], totals.q[3], est ? estimateTotal(qStart) : 0], est !== null),
    toDate: {
      ...figures([totals.d[0], totals.d[1], totals.d[2], totals.d[3], est ? estimateTotal(start) : 0], est !== null),
      investment: s.investmentToDate ?? 0,
      roi: s.roiToDate,
      paybackMonth: s.paybackMonth,
    },
    contract: { total: s.total, investmentTotal: s.investmentTotal, roi: s.roi, projectedTotal: s.projectedTotal ?? s.total, projectedRoi: s.projectedRoi },
    useCases,
    metrics,
    evidence,
    milestones: {
      achievedInQuarter: all.filter((m) => m.achievedMonth !== null && monthIndex(m.achievedMonth) >= qStart),
      achievedBefore: all.filter((m) => m.achievedMonth !== null && monthIndex(m.achievedMonth) < qStart),
      atRisk: all.filter((m) => m.achievedMonth === null && before(m.targetMonth, asOfIndex)),
      upcoming: all.filter(
        (m) => m.achievedMonth === null && m.targetMonth !== null && !before(m.targetMonth, asOfIndex) && before(m.targetMonth, asOfIndex + 3),
      ),
    },
  });
}

function metricFacts(scenario: Scenario, quarterList: number[], qStart: number, last: number): { metrics: MetricFacts[]; evidence: EvidenceFact[] } {
  const metrics: MetricFacts[] = [];
  const evidence: EvidenceFact[] = [];
  for (const u of scenario.useCases) {
    // (2) Only metrics are measured; other time-series inputs are changing assumptions.
    const metricKeys = new Set(u.calculations.flatMap((c) => (c.metric === undefined ? [] : [c.metric])));
    for (const input of u.inputs) {
      if (!input.series || !metricKeys.has(input.key)) continue;
      const entries = Object.entries(input.series)
        .map(([month, e]) => ({ m: monthIndex(month), month, e }))
        .sort((a, b) => a.m - b.m);
      const valueAt = (m: number): number => {
        let v = input.value;
        for (const x of entries) if (x.m <= m) v = entryValue(x.e);
        return v;
      };
      const measured = new Set(entries.map((x) => x.m));
      metrics.push({
        useCase: u.id,
        input: input.key,
        label: input.label,
        unit: input.unit,
        baseline: input.value,
        atQuarterStart: valueAt(qStart - 1),
        atQuarterEnd: valueAt(Math.min(qStart + 2, last)),
        measuredMonths: quarterList.filter((m) => measured.has(m)).map(monthText),
        missingMonths: quarterList.filter((m) => !measured.has(m)).map(monthText),
      });
      for (const x of entries) {
        if (x.m < qStart || x.m > last) continue;
        const obj: { note?: string; evidence?: string; source?: string } = typeof x.e === 'number' ? {} : x.e;
        evidence.push({
          useCase: u.id,
          input: input.key,
          label: input.label,
          month: x.month,
          value: entryValue(x.e),
          note: obj.note ?? null,
          evidence: obj.evidence ?? null,
          source: obj.source ?? null,
        });
      }
    }
  }
  return { metrics, evidence };
}
