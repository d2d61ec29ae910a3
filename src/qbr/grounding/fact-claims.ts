/**
 * The engine's facts (Contract 2, `qbrFacts`) as claims a sentence can make: every value
 * tagged with what it is (realized, measured, carried forward, assumed, estimated,
 * projected, investment, ROI, payback, target, baseline, variance, milestone month, ...),
 * for which period (the quarter, to date, the plan over the whole window, the projection) and
 * about what (the whole case, a use case, a metric, a milestone). The claim check
 * (`check-claims.ts`) accepts a figure only when it states a value of the claim its sentence
 * makes; the other tags name what a wrong figure is instead.
 */
import { monthIndex, type QbrFacts, type ValueFigures } from '../../engine/index.ts';
import { formatMoney, formatPercent, isPercentUnit, monthName } from '../format-qbr-figures.ts';

/** What a value is. */
export type ClaimType =
  | 'realized'
  | 'measured'
  | 'freshlyMeasured'
  | 'carriedForward'
  | 'assumed'
  | 'estimated'
  | 'variance'
  | 'gap'
  | 'attainment'
  | 'measuredShare'
  | 'assumedShare'
  | 'progress'
  | 'targetVariance'
  | 'investment'
  | 'roi'
  | 'projected'
  | 'netBenefit'
  | 'multiple'
  | 'payback'
  | 'paybackMonthNumber'
  | 'baseline'
  | 'start'
  | 'end'
  | 'target'
  | 'change'
  | 'relativeChange'
  | 'measuredMonth'
  | 'missingMonth'
  | 'evidence'
  | 'achieved'
  | 'milestoneTarget'
  | 'late'
  | 'asOf'
  | 'window'
  | 'quarter'
  | 'nextQuarter'
  | 'count'
  | 'text';

/** The period a figure is for. */
export type Period = 'quarter' | 'toDate' | 'plan' | 'projection' | 'atPayback' | 'schedule';

/** The unit a value is in. */
export type ValueKind = 'money' | 'ratio' | 'points' | 'measure' | 'count' | 'month' | 'quarter' | 'year';

/** One value of the facts, tagged. */
export interface FactValue {
  value: number;
  kind: ValueKind;
  claim: ClaimType;
  period?: Period;
  /** `useCase:<id>`, `metric:<useCase>.<input>`, `milestone:<id>`; absent: the whole case. */
  subject?: string;
  /** The value in words, e.g. "the ROI to date (41%)". */
  label: string;
  /** For a metric's money values: the use case it belongs to. */
}

/** A use case, metric or milestone as the text may name it. */
export interface Subject {
  id: string;
  kind: 'useCase' | 'metric' | 'milestone' | 'case' | 'input';
  names: string[];
  /** A metric's use case. */
  useCase?: string;
  /** A metric's unit. */
  unit?: string;
  /** An input's value (the appendix of assumptions states it as it is). */
  value?: number;
}

/**
 * What the check reads of the story a draft is written from (`QbrDraftFacts.story`, beside the
 * engine's facts), when it is there: targets, statuses, every milestone, the investment
 * schedule. Read defensively: each part is optional.
 */
export interface StoryPart {
  useCases?: Array<{ id: string; status?: string; gapToDate?: number | null }>;
  metrics?: Array<{
    useCase: string;
    input: string;
    unit?: string;
    baseline?: number | null;
    target?: number | null;
    varianceToTarget?: number | null;
    status?: string;
    history?: Array<{ month: string; value: number }>;
    first?: { month: string; value: number } | null;
    latest?: { month: string; value: number } | null;
    changes?: Array<{ month: string; from: number; to: number }>;
  }>;
  milestones?: Array<{ id: string; name: string; targetMonth: string | null; achievedMonth: string | null; monthsLate?: number | null; state?: string }>;
  investment?: {
    items?: Array<{ label: string; amount: number; toDate: number; total: number }>;
    atPayback?: number | null;
    realizedAtPayback?: number | null;
    paybackMonthNumber?: number | null;
    windowMonths?: number;
    years?: Array<{ year: number; amount: number; from?: string; to?: string }>;
  };
  projection?: { afterAsOf?: number; from?: string | null; to?: string };
  assumptionChanges?: Array<{ label: string; month: string; from: number; to: number; unit: string }>;
  inputs?: Array<{ useCase: string; input: string; label: string; unit: string; value: number }>;
}

/** The facts a check reads: the engine's, with the story when a draft was written from it. */
export type CheckedFacts = QbrFacts & { story?: StoryPart };

const CLAIM_WORDS: Record<ClaimType, string> = {
  realized: 'realized value',
  measured: 'measured value',
  freshlyMeasured: 'freshly measured value',
  carriedForward: 'carried-forward value',
  assumed: 'assumed value',
  estimated: 'estimated value',
  variance: 'variance to the estimate',
  gap: 'gap to the estimate',
  attainment: 'share of the estimate attained',
  measuredShare: 'measured share of realized value',
  assumedShare: 'assumed share of realized value',
  progress: 'share of the contract total realized',
  targetVariance: 'variance to the target',
  investment: 'investment',
  roi: 'ROI',
  projected: 'projected value',
  netBenefit: 'net benefit',
  multiple: 'benefit multiple',
  payback: 'payback month',
  paybackMonthNumber: 'payback month number',
  baseline: 'baseline',
  start: 'value at the quarter’s start',
  end: 'value at the quarter’s end',
  target: 'target',
  change: 'change',
  relativeChange: 'relative change',
  measuredMonth: 'month measured',
  missingMonth: 'month not measured',
  evidence: 'measurement',
  achieved: 'month achieved',
  milestoneTarget: 'target month',
  late: 'months late',
  asOf: 'as-of month',
  window: 'window month',
  quarter: 'quarter of the review',
  nextQuarter: 'next quarter',
  count: 'count',
  text: 'number in the facts’ own words',
};

const PERIOD_WORDS: Record<Period, string> = {
  quarter: 'in the quarter',
  toDate: 'to date',
  plan: 'in the plan over the whole window',
  projection: 'projected over the whole window',
  atPayback: 'by the payback month',
  schedule: 'in the investment schedule',
};

/** The claim in words, e.g. "ROI to date" or "measured value in the quarter". */
export function claimWords(claim: ClaimType, period?: Period): string {
  return period ? `${CLAIM_WORDS[claim]} ${PERIOD_WORDS[period]}` : CLAIM_WORDS[claim];
}

function percentOf(m: { unit: string }): boolean {
  return isPercentUnit(m.unit);
}

/** A number in words the way the facts' value reads ("$63,000", "41%", "February 2026"). */
export function showValue(f: Pick<FactValue, 'value' | 'kind'>, currency: string, unit = ''): string {
  switch (f.kind) {
    case 'money':
      return formatMoney(f.value, currency);
    case 'ratio':
      return formatPercent(f.value);
    case 'points':
      return `${Math.round(Math.abs(f.value) * 10) / 10} points`;
    case 'month':
      return monthName(`${Math.floor(f.value / 12)}-${String((f.value % 12) + 1).padStart(2, '0')}`);
    case 'quarter':
      return `Q${(f.value % 4) + 1} ${Math.floor(f.value / 4)}`;
    default:
      return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(f.value)}${unit ? ` ${unit}` : ''}`;
  }
}

/** Every value of the facts, tagged, and the subjects the text may name. */
export function factClaims(facts: CheckedFacts): { values: FactValue[]; subjects: Subject[] } {
  const values: FactValue[] = [];
  const cur = facts.businessCase.currency;
  const add = (
    value: number | null | undefined,
    kind: ValueKind,
    claim: ClaimType,
    period: Period | undefined,
    subject: string | undefined,
    what: string,
  ): void => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    const f: FactValue = { value, kind, claim, label: '' };
    if (period) f.period = period;
    if (subject) f.subject = subject;
    f.label = `${what} (${showValue(f, cur)})`;
    values.push(f);
  };
  const div = (a: number, b: number | null): number | null => (b === null || b === 0 ? null : a / b);
  const q = `Q${Number(facts.quarter.id.slice(-1))} ${facts.quarter.id.slice(0, 4)}`;

  const figures = (f: ValueFigures, period: Period, subject: string | undefined, who: string): void => {
    const when = period === 'quarter' ? `in ${q}` : 'to date';
    const w = (c: string): string => `${who}${c} ${when}`;
    add(f.realized, 'money', 'realized', period, subject, w('realized value'));
    add(f.measured, 'money', 'measured', period, subject, w('measured value'));
    add(f.carriedForward, 'money', 'carriedForward', period, subject, w('carried-forward value'));
    add(f.measured - f.carriedForward, 'money', 'freshlyMeasured', period, subject, w('freshly measured value'));
    add(f.assumed, 'money', 'assumed', period, subject, w('assumed value'));
    add(f.estimated, 'money', 'estimated', period, subject, w('estimated value'));
    add(f.variance, 'ratio', 'variance', period, subject, w('variance to the estimate'));
    if (f.estimated !== null) {
      add(f.estimated - f.realized, 'money', 'gap', period, subject, w('gap to the estimate'));
      add(div(f.realized, f.estimated), 'ratio', 'attainment', period, subject, w('share of the estimate attained'));
    }
    add(div(f.measured, f.realized), 'ratio', 'measuredShare', period, subject, w('measured share'));
    add(div(f.measured - f.carriedForward, f.realized), 'ratio', 'freshlyMeasured', period, subject, w('freshly measured share'));
    add(div(f.carriedForward, f.realized), 'ratio', 'carriedForward', period, subject, w('carried-forward share'));
    add(div(f.assumed, f.realized), 'ratio', 'assumedShare', period, subject, w('assumed share'));
  };
  figures(facts.inQuarter, 'quarter', undefined, '');
  figures(facts.toDate, 'toDate', undefined, '');
  for (const u of facts.useCases) {
    figures(u.quarter, 'quarter', `useCase:${u.id}`, `${u.name}: `);
    figures(u.toDate, 'toDate', `useCase:${u.id}`, `${u.name}: `);
  }

  const t = facts.toDate;
  const c = facts.contract;
  add(t.investment, 'money', 'investment', 'toDate', undefined, 'the investment to date');
  add(c.investmentTotal, 'money', 'investment', 'plan', undefined, 'the investment over the whole window');
  add(t.roi, 'ratio', 'roi', 'toDate', undefined, 'the ROI to date');
  add(c.roi, 'ratio', 'roi', 'plan', undefined, 'the plan’s ROI over the whole window');
  add(c.projectedRoi, 'ratio', 'roi', 'projection', undefined, 'the projected ROI over the whole window');
  add(c.projectedTotal, 'money', 'projected', 'projection', undefined, 'the projected value over the whole window');
  add(c.total, 'money', 'estimated', 'plan', undefined, 'the plan’s value over the whole window');
  add(t.realized - t.investment, 'money', 'netBenefit', 'toDate', undefined, 'the net benefit to date');
  add(c.total - c.investmentTotal, 'money', 'netBenefit', 'plan', undefined, 'the plan’s net benefit');
  add(c.projectedTotal - c.investmentTotal, 'money', 'netBenefit', 'projection', undefined, 'the projected net benefit');
  add(div(t.realized, t.investment), 'ratio', 'multiple', 'toDate', undefined, 'the benefit multiple to date');
  add(div(c.total, c.investmentTotal), 'ratio', 'multiple', 'plan', undefined, 'the plan’s benefit multiple');
  add(div(c.projectedTotal, c.investmentTotal), 'ratio', 'multiple', 'projection', undefined, 'the projected benefit multiple');
  add(div(t.realized, c.total), 'ratio', 'progress', 'toDate', undefined, 'the share of the plan’s total realized to date');
  const start = monthIndex(facts.scenario.start);
  if (t.paybackMonth !== null) {
    add(monthIndex(t.paybackMonth), 'month', 'payback', undefined, undefined, 'the payback month');
    add(monthIndex(t.paybackMonth) - start + 1, 'count', 'paybackMonthNumber', undefined, undefined, 'the payback month’s number in the window');
  }

  const subjects: Subject[] = [{ id: 'case', kind: 'case', names: [facts.businessCase.name, facts.businessCase.customer].filter((n) => n.trim() !== '') }];
  // A use case by its name, or by its id's words when they are two or more ("self-service", "support efficiency").
  for (const u of facts.useCases) {
    const byId = u.id.split('-').length >= 2 ? [u.id, u.id.replace(/-/g, ' ')] : [];
    subjects.push({ id: `useCase:${u.id}`, kind: 'useCase', names: [u.name, ...byId] });
  }

  for (const m of facts.metrics) {
    const subject = `metric:${m.useCase}.${m.input}`;
    const pct = percentOf(m);
    const kind: ValueKind = pct ? 'ratio' : /^[A-Z]{3}$/.test(m.unit.trim()) ? 'money' : 'measure';
    const what = (s: string): string => `${m.label}: ${s}`;
    add(m.baseline, kind, 'baseline', undefined, subject, what('baseline'));
    add(m.atQuarterStart, kind, 'start', undefined, subject, what('value at the quarter’s start'));
    add(m.atQuarterEnd, kind, 'end', undefined, subject, what('value at the quarter’s end'));
    const target = (m as { target?: unknown }).target;
    if (typeof target === 'number') add(target, kind, 'target', undefined, subject, what('target'));
    for (const [from, fromWhat] of [
      [m.atQuarterStart, 'in the quarter'],
      [m.baseline, 'from the baseline'],
    ] as const) {
      const d = m.atQuarterEnd - from;
      if (pct) add(d * 100, 'points', 'change', undefined, subject, what(`change ${fromWhat}`));
      else add(d, kind, 'change', undefined, subject, what(`change ${fromWhat}`));
      add(div(d, Math.abs(from)), 'ratio', 'relativeChange', undefined, subject, what(`relative change ${fromWhat}`));
    }
    for (const x of m.measuredMonths) add(monthIndex(x), 'month', 'measuredMonth', undefined, subject, what('a month measured'));
    for (const x of m.missingMonths) add(monthIndex(x), 'month', 'missingMonth', undefined, subject, what('a month not measured'));
    add(m.measuredMonths.length, 'count', 'count', undefined, subject, what('months measured'));
    add(m.missingMonths.length, 'count', 'count', undefined, subject, what('months not measured'));
    const names = [m.label];
    const short = m.label.replace(/^(?:avg\.?|average)\s+/i, '');
    if (short !== m.label) names.push(short);
    const words = short.split(/\s+/);
    if (words.length >= 3 && !/^(?:per|of|the|a|in|for)$/i.test(words[words.length - 2]!)) names.push(words.slice(-2).join(' '));
    subjects.push({ id: subject, kind: 'metric', names, useCase: `useCase:${m.useCase}`, unit: m.unit });
  }
  for (const e of facts.evidence) {
    const metric = facts.metrics.find((m) => m.useCase === e.useCase && m.input === e.input);
    const pct = metric ? percentOf(metric) : false;
    const subject = `metric:${e.useCase}.${e.input}`;
    add(
      e.value,
      pct ? 'ratio' : /^[A-Z]{3}$/.test((metric?.unit ?? '').trim()) ? 'money' : 'measure',
      'evidence',
      undefined,
      subject,
      `${e.label}: the ${e.month} measurement`,
    );
    add(monthIndex(e.month), 'month', 'measuredMonth', undefined, subject, `${e.label}: a month measured`);
  }

  const ms = facts.milestones;
  const all = [...ms.achievedInQuarter, ...ms.achievedBefore, ...ms.atRisk, ...ms.upcoming];
  for (const m of all) {
    const subject = `milestone:${m.id}`;
    if (m.achievedMonth) add(monthIndex(m.achievedMonth), 'month', 'achieved', undefined, subject, `${m.name}: the month achieved`);
    if (m.targetMonth) add(monthIndex(m.targetMonth), 'month', 'milestoneTarget', undefined, subject, `${m.name}: the target month`);
    if (m.achievedMonth && m.targetMonth)
      add(monthIndex(m.achievedMonth) - monthIndex(m.targetMonth), 'count', 'late', undefined, subject, `${m.name}: months after its target`);
    const names = [m.name];
    const short = m.name.replace(/\s+(?:live|done|complete|completed|onboarded|launched|delivered|signed off)$/i, '');
    if (short !== m.name && short.split(/\s+/).length >= 2) names.push(short);
    subjects.push({ id: subject, kind: 'milestone', names });
  }
  // Milestones the facts list beyond the upcoming ones (a later contract of the engine may add them).
  const later = (ms as { later?: Array<{ id: string; name: string; targetMonth: string | null }> }).later ?? [];
  for (const m of later) {
    if (m.targetMonth) add(monthIndex(m.targetMonth), 'month', 'milestoneTarget', undefined, `milestone:${m.id}`, `${m.name}: the target month`);
    subjects.push({ id: `milestone:${m.id}`, kind: 'milestone', names: [m.name] });
  }

  add(monthIndex(facts.asOf), 'month', 'asOf', undefined, undefined, 'the as-of month');
  add(start, 'month', 'window', undefined, undefined, 'the window’s first month');
  add(monthIndex(facts.scenario.end), 'month', 'window', undefined, undefined, 'the window’s last month');
  for (const x of facts.quarter.months) add(monthIndex(x), 'month', 'window', 'quarter', undefined, 'a month of the quarter');
  const qi = Number(facts.quarter.id.slice(0, 4)) * 4 + Number(facts.quarter.id.slice(-1)) - 1;
  add(qi, 'quarter', 'quarter', undefined, undefined, 'the quarter of the review');
  const endQ = Math.floor(monthIndex(facts.scenario.end) / 3);
  for (let k = qi + 1; k <= endQ; k++)
    add(k, 'quarter', 'nextQuarter', undefined, undefined, k === qi + 1 ? 'the next quarter' : 'a later quarter of the window');
  for (let y = Math.floor(start / 12); y <= Math.floor(monthIndex(facts.scenario.end) / 12); y++)
    add(y, 'year', 'window', undefined, undefined, 'a year of the window');

  // The story beside the facts, when the draft was written from it.
  const story = facts.story;
  if (story) {
    const unitKind = (unit: string | undefined): ValueKind =>
      isPercentUnit(unit ?? '') ? 'ratio' : /^[A-Z]{3}$/.test((unit ?? '').trim()) ? 'money' : 'measure';
    for (const m of story.metrics ?? []) {
      const subject = `metric:${m.useCase}.${m.input}`;
      const kind = unitKind(m.unit);
      const label = subjects.find((x) => x.id === subject)?.names[0] ?? m.input;
      add(m.baseline, kind, 'baseline', undefined, subject, `${label}: the business case's baseline`);
      add(m.target, kind, 'target', undefined, subject, `${label}: target`);
      if (m.varianceToTarget !== null && m.varianceToTarget !== undefined) {
        if (kind === 'ratio') add(m.varianceToTarget * 100, 'points', 'targetVariance', undefined, subject, `${label}: points to the target`);
        else add(m.varianceToTarget, 'ratio', 'targetVariance', undefined, subject, `${label}: variance to the target`);
      }
      if (m.first) add(m.first.value, kind, 'baseline', undefined, subject, `${label}: the first measurement (${m.first.month})`);
      // A change in the quarter ("rose from 150 to 158 in March 2026"): the value before it, and after.
      for (const c of m.changes ?? []) {
        add(c.from, kind, 'start', undefined, subject, `${label}: the value before the ${c.month} measurement`);
        add(c.to, kind, 'end', undefined, subject, `${label}: the ${c.month} measurement`);
      }
      for (const h of m.history ?? []) {
        add(h.value, kind, 'text', undefined, subject, `${label}: the ${h.month} measurement`);
        add(monthIndex(h.month), 'month', 'measuredMonth', undefined, subject, `${label}: a month measured`);
      }
      if (m.baseline !== null && m.baseline !== undefined && m.latest) {
        const d = m.latest.value - m.baseline;
        if (kind === 'ratio') add(d * 100, 'points', 'change', undefined, subject, `${label}: change from the business case's baseline`);
        else add(d, kind, 'change', undefined, subject, `${label}: change from the business case's baseline`);
        add(div(d, Math.abs(m.baseline)), 'ratio', 'relativeChange', undefined, subject, `${label}: relative change from the business case's baseline`);
      }
      if (m.first && m.latest) {
        const d = m.latest.value - m.first.value;
        if (kind === 'ratio') add(d * 100, 'points', 'change', undefined, subject, `${label}: change since the first measurement`);
        else add(d, kind, 'change', undefined, subject, `${label}: change since the first measurement`);
        add(div(d, Math.abs(m.first.value)), 'ratio', 'relativeChange', undefined, subject, `${label}: relative change since the first measurement`);
      }
    }
    for (const m of story.milestones ?? []) {
      const subject = `milestone:${m.id}`;
      if (!subjects.some((x) => x.id === subject)) {
        const names = [m.name];
        const short = m.name.replace(/\s+(?:live|done|complete|completed|onboarded|launched|delivered|signed off)$/i, '');
        if (short !== m.name && short.split(/\s+/).length >= 2) names.push(short);
        subjects.push({ id: subject, kind: 'milestone', names });
        if (m.targetMonth) add(monthIndex(m.targetMonth), 'month', 'milestoneTarget', undefined, subject, `${m.name}: the target month`);
        if (m.achievedMonth) add(monthIndex(m.achievedMonth), 'month', 'achieved', undefined, subject, `${m.name}: the month achieved`);
      }
      if (m.monthsLate !== null && m.monthsLate !== undefined && !values.some((v) => v.claim === 'late' && v.subject === subject))
        add(m.monthsLate, 'count', 'late', undefined, subject, `${m.name}: months after its target`);
    }
    const inv = story.investment;
    if (inv) {
      add(inv.atPayback, 'money', 'investment', 'atPayback', undefined, 'the investment up to the payback month');
      add(inv.realizedAtPayback, 'money', 'realized', 'atPayback', undefined, 'the value realized up to the payback month');
      for (const it of inv.items ?? []) {
        add(it.amount, 'money', 'investment', 'schedule', undefined, `${it.label}: the amount`);
        add(it.toDate, 'money', 'investment', 'schedule', undefined, `${it.label}: to date`);
        add(it.total, 'money', 'investment', 'schedule', undefined, `${it.label}: over the whole window`);
      }
      for (const y of inv.years ?? []) {
        add(y.amount, 'money', 'investment', 'schedule', undefined, `the investment in contract year ${y.year}`);
        for (const x of [y.from, y.to]) if (x) add(monthIndex(x), 'month', 'window', undefined, undefined, `a month of contract year ${y.year}`);
      }
    }
    add(story.projection?.afterAsOf, 'money', 'projected', 'projection', undefined, 'the projected value after the as-of month');
    for (const x of [story.projection?.from, story.projection?.to])
      if (x) add(monthIndex(x), 'month', 'window', undefined, undefined, 'a month of the projection');
    for (const a of story.assumptionChanges ?? []) {
      const kind = unitKind(a.unit);
      add(a.from, kind, 'text', undefined, undefined, `${a.label} before ${a.month}`);
      add(a.to, kind, 'text', undefined, undefined, `${a.label} from ${a.month}`);
      add(monthIndex(a.month), 'month', 'text', undefined, undefined, `the month ${a.label} changed`);
    }
    for (const i of story.inputs ?? []) {
      subjects.push({ id: `input:${i.useCase}.${i.input}`, kind: 'input', names: [i.label], value: isPercentUnit(i.unit) ? i.value * 100 : i.value });
      add(i.value, unitKind(i.unit), 'text', undefined, undefined, `the assumption ${i.label}`);
    }
  }

  // Counts.
  add(facts.quarter.months.length, 'count', 'count', undefined, undefined, 'months of the quarter');
  add(facts.useCases.length, 'count', 'count', undefined, undefined, 'use cases');
  for (const status of ['ahead', 'on-track', 'behind', 'no-estimate'] as const)
    add(facts.useCases.filter((u) => u.status === status).length, 'count', 'count', undefined, undefined, `use cases ${status}`);
  add(facts.metrics.length, 'count', 'count', undefined, undefined, 'metrics');
  add(facts.metrics.filter((m) => m.missingMonths.length > 0).length, 'count', 'count', undefined, undefined, 'metrics with missing months');
  add(facts.evidence.length, 'count', 'count', undefined, undefined, 'measurements in the quarter');
  add(ms.achievedInQuarter.length, 'count', 'count', undefined, undefined, 'milestones achieved in the quarter');
  add(ms.achievedBefore.length, 'count', 'count', undefined, undefined, 'milestones achieved before');
  add(ms.atRisk.length, 'count', 'count', undefined, undefined, 'milestones at risk');
  add(ms.upcoming.length, 'count', 'count', undefined, undefined, 'milestones coming up');
  add(monthIndex(facts.scenario.end) - start + 1, 'count', 'count', undefined, undefined, 'months of the window');
  add(monthIndex(facts.asOf) - start + 1, 'count', 'count', undefined, undefined, 'months elapsed');
  add(monthIndex(facts.scenario.end) - monthIndex(facts.asOf), 'count', 'count', undefined, undefined, 'months left in the window');
  return { values, subjects };
}

/** Numbers inside the facts' own words (names, notes, evidence, sources): stated as they are. */
export function factTexts(facts: CheckedFacts): string[] {
  const ms = facts.milestones;
  return [
    facts.businessCase.name,
    facts.businessCase.customer,
    facts.scenario.name,
    facts.compareWith?.name ?? '',
    ...facts.useCases.map((u) => u.name),
    ...facts.metrics.flatMap((m) => [m.label, m.unit]),
    ...facts.evidence.flatMap((e) => [e.note ?? '', e.evidence ?? '', e.source ?? '']),
    ...[...ms.achievedInQuarter, ...ms.achievedBefore, ...ms.atRisk, ...ms.upcoming].flatMap((m) => [m.name, m.note ?? '']),
  ].filter((s) => s !== '');
}
