import {
  formatMetricValue,
  formatMoney,
  formatMultiple,
  isPercentUnit,
  monthList,
  monthName,
  nextQuarter,
  percentNumber,
  quarterName,
} from './format-qbr-figures.ts';
import { confidenceLevel, STATUS_MARK, type QbrStatus } from './qbr-status.ts';
import type { QbrDraftFacts, StoryMilestone } from './qbr-story.ts';

/**
 * The reference vocabulary of a QBR draft: one typed table, name -> the fact it reads ->
 * the claim it makes -> how it is written. A writer (the offline template or a model) writes
 * `{{roiToDate}}` or `{{useCase.self-service.realizedToDate}}` and never a figure; the renderer
 * (`render-qbr-template.ts`) puts the formatted value. So a number always sits next to the
 * claim its reference names.
 */

/** What a reference claims. The first thirteen are the claim types; the rest carry no figure of value. */
export const CLAIM_TYPES = [
  'realized',
  'measured',
  'carried forward',
  'assumed',
  'estimated',
  'projected',
  'investment',
  'ROI',
  'payback',
  'target',
  'baseline',
  'variance',
  'milestone month',
  /** The quarter, the as-of month, the contract window, the report date. */
  'period',
  /** A status word computed by `qbr-status.ts`. */
  'status',
  /** A name, a note, a source: text from the document. */
  'text',
] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** How a value is written. */
export type RefFormat =
  | 'money'
  | 'percent'
  | 'variance'
  | 'gap'
  | 'metric'
  | 'metricVariance'
  | 'month'
  | 'date'
  | 'text'
  | 'status'
  | 'lateness'
  | 'multiple'
  | 'count';

/** One entry of the table. */
export interface QbrReference {
  name: string;
  claim: ClaimType;
  format: RefFormat;
  /** The fact: a number (money in currency units, ratios as fractions), a month, a text; null when the case has none. */
  value: number | string | null;
  /** The metric's unit, for `metric` and `metricVariance`. */
  unit?: string;
  /** One line for the model's list: what the fact is. */
  about: string;
  /** A variance of value that rests only on assumptions: the words beside it must say so. */
  assumedOnly?: boolean;
}

/** Styles a reference may ask for after a bar: `{{varianceToDate|signed}}`, `{{realizedToDate|short}}`, `{{useCase.x.status|mark}}` ("✅ ahead"). */
export const REF_STYLES = ['signed', 'short', 'mark'] as const;
export type RefStyle = (typeof REF_STYLES)[number];

/** The seed dashboard's mark beside a status word (milestone states included). */
const MARKS: Record<string, string> = { ...(STATUS_MARK as Record<QbrStatus, string>), achieved: '✅', upcoming: '🔄', overdue: '⚠️' };

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const countWord = (n: number): string => COUNT_WORDS[n] ?? String(n);

/** Money in thousands or millions with one decimal ("$44.1k", "$0.5M"). */
function shortMoney(v: number, currency: string): string {
  const abs = Math.abs(v);
  const [div, suffix] = abs >= 999_950 ? [1e6, 'M'] : [1e3, 'k'];
  const whole = formatMoney(0, currency);
  const n = (Math.round((abs / div) * 10) / 10).toFixed(1);
  return `${v < 0 ? '-' : ''}${whole.replace('0', n)}${suffix}`;
}

/** Writes a reference's value; throws nothing, the caller has checked the value is there. */
export function formatReference(ref: QbrReference, currency: string, style?: RefStyle): string {
  const v = ref.value;
  if (typeof v === 'string') {
    if (ref.format === 'month') return monthName(v);
    if (ref.format === 'status' && style === 'mark') return `${MARKS[v] ?? '—'} ${v}`;
    if (ref.format === 'date') return v;
    return v;
  }
  if (v === null) return '—';
  switch (ref.format) {
    case 'money':
      return style === 'short' ? shortMoney(v, currency) : formatMoney(v, currency);
    case 'percent': {
      const p = percentNumber(v);
      return `${p < 0 ? '-' : ''}${Math.abs(p)}%`;
    }
    case 'variance': {
      const p = percentNumber(v);
      if (style === 'signed') return p === 0 ? '0%' : `${p > 0 ? '+' : '-'}${Math.abs(p)}%`;
      return p === 0 ? 'level with' : `${Math.abs(p)}% ${p > 0 ? 'above' : 'below'}`;
    }
    case 'gap': {
      const m = formatMoney(Math.abs(v), currency);
      if (style === 'signed') return `${v < 0 ? '-' : v > 0 ? '+' : ''}${m}`;
      return Math.abs(v) < 0.5 ? 'level with' : `${m} ${v > 0 ? 'above' : 'below'}`;
    }
    case 'metric':
      return formatMetricValue(v, ref.unit ?? '', currency);
    case 'metricVariance': {
      if (isPercentUnit(ref.unit ?? '')) {
        const p = percentNumber(v);
        if (style === 'signed') return p === 0 ? '0 pts' : `${p > 0 ? '+' : '-'}${Math.abs(p)} pts`;
        return p === 0 ? 'level with' : `${Math.abs(p)} ${Math.abs(p) === 1 ? 'point' : 'points'} ${p > 0 ? 'better than' : 'short of'}`;
      }
      const p = percentNumber(v);
      if (style === 'signed') return p === 0 ? '0%' : `${p > 0 ? '+' : '-'}${Math.abs(p)}%`;
      return p === 0 ? 'level with' : `${Math.abs(p)}% ${p > 0 ? 'better than' : 'short of'}`;
    }
    case 'lateness':
      return v === 0 ? 'on time' : `${countWord(Math.abs(v))} ${Math.abs(v) === 1 ? 'month' : 'months'} ${v > 0 ? 'late' : 'early'}`;
    case 'multiple':
      return formatMultiple(v);
    case 'count':
      return String(v);
    default:
      return String(v);
  }
}

/** Report date and author: not facts of the case, but written by reference too. */
export interface QbrMeta {
  /** `YYYY-MM-DD`. */
  reportDate?: string;
  preparedBy?: string;
}

/**
 * The table for one draft's facts. Every fact a QBR may state is here once, with its claim
 * type; nothing outside it can be written as a figure.
 */
export function qbrReferences(f: QbrDraftFacts, meta: QbrMeta = {}): Map<string, QbrReference> {
  const t = new Map<string, QbrReference>();
  const add = (name: string, claim: ClaimType, format: RefFormat, value: number | string | null, about: string, unit?: string): void => {
    t.set(name, { name, claim, format, value, about, ...(unit !== undefined ? { unit } : {}) });
  };
  const s = f.story;
  add('case.name', 'text', 'text', f.businessCase.name, 'the business case');
  add('case.customer', 'text', 'text', f.businessCase.customer, 'the customer');
  add('scenario.name', 'text', 'text', f.scenario.name, 'the realization scenario');
  add('plan.name', 'text', 'text', f.compareWith?.name ?? null, 'the plan (the future scenario compared with)');
  add('quarter', 'period', 'text', quarterName(f.quarter.id), 'the quarter reported');
  add('nextQuarter', 'period', 'text', quarterName(nextQuarter(f.quarter.id)), 'the quarter after it');
  add('asOf', 'period', 'month', f.asOf, 'the month the figures are as of');
  add('contractStart', 'period', 'month', f.scenario.start, 'the first month of the contract window');
  add('contractEnd', 'period', 'month', f.scenario.end, 'the last month of the contract window');
  add('contractMonths', 'period', 'count', s.investment.windowMonths, 'months in the contract window');
  add('reportDate', 'period', 'date', meta.reportDate ?? '[report date]', 'the date of this report');
  add('preparedBy', 'text', 'text', meta.preparedBy ?? '[name]', 'who prepared it');

  const figures = (prefix: string, when: string, v: QbrDraftFacts['inQuarter'], fresh: number | null): void => {
    add(`${prefix}realized${when}`, 'realized', 'money', v.realized, `realized value ${when === 'InQuarter' ? 'in the quarter' : 'to date'}`);
    add(`${prefix}measured${when}`, 'measured', 'money', fresh, 'the part measured in its own month (carried-forward months excluded)');
    add(`${prefix}carriedForward${when}`, 'carried forward', 'money', v.carriedForward, 'the part from months whose last measurement was carried forward');
    add(`${prefix}assumed${when}`, 'assumed', 'money', v.assumed, "the part resting on the business case's assumptions");
    add(`${prefix}estimated${when}`, 'estimated', 'money', v.estimated, 'the plan for the same months');
    add(`${prefix}variance${when}`, 'variance', 'variance', v.variance, 'realized against the plan ("22% below"; |signed: "-22%")');
  };
  figures('', 'InQuarter', f.inQuarter, s.inQuarter.freshMeasured);
  figures('', 'ToDate', f.toDate, s.toDate.freshMeasured);
  const r = f.toDate.realized;
  add('measuredShareToDate', 'measured', 'percent', r > 0 ? s.toDate.freshMeasured / r : null, 'share of realized value to date measured in its own month');
  add('carriedForwardShareToDate', 'carried forward', 'percent', r > 0 ? s.toDate.carriedForward / r : null, 'share carried forward');
  add('assumedShareToDate', 'assumed', 'percent', r > 0 ? s.toDate.assumed / r : null, 'share resting on assumptions');
  add('confidence', 'status', 'status', confidenceLevel(s.toDate, r), 'confidence in the figures to date, by the rule in docs/qbr.md');
  const inv = f.toDate.investment;
  add('investmentToDate', 'investment', 'money', inv, 'investment charged up to the as-of month');
  add('roiToDate', 'ROI', 'percent', f.toDate.roi, 'ROI to date: (realized - investment) / investment');
  add('netBenefitToDate', 'ROI', 'money', inv > 0 ? r - inv : null, 'net benefit to date: realized minus investment to date');
  add('benefitMultipleToDate', 'ROI', 'multiple', inv > 0 ? r / inv : null, 'realized value as a multiple of the investment to date');
  add('investmentCoveredToDate', 'ROI', 'percent', inv > 0 ? r / inv : null, 'realized value as a share of the investment to date');
  add('paybackMonth', 'payback', 'month', f.toDate.paybackMonth, 'the month cumulative realized value first covered cumulative investment');
  add('paybackMonthNumber', 'payback', 'count', s.investment.paybackMonthNumber, 'the payback month counted from the contract start (1 = first month)');
  add('investmentAtPayback', 'investment', 'money', s.investment.atPayback, 'cumulative investment through the payback month');
  add('realizedAtPayback', 'realized', 'money', s.investment.realizedAtPayback, 'cumulative realized value through the payback month');
  add('investmentTotal', 'investment', 'money', f.contract.investmentTotal, 'investment over the whole contract window');
  add('projectedTotal', 'projected', 'money', f.contract.projectedTotal, 'realized to date plus the projection for the months after the as-of month');
  add(
    'projectedAfterAsOf',
    'projected',
    'money',
    s.projection.from ? s.projection.afterAsOf : null,
    'the projection for the months after the as-of month only',
  );
  add('projectionFrom', 'period', 'month', s.projection.from, 'the first projected month (the month after the as-of month)');
  add('projectedRoi', 'projected', 'percent', f.contract.projectedRoi, 'projected ROI over the whole window');

  for (const u of f.useCases) {
    const p = `useCase.${u.id}.`;
    const us = s.useCases.find((x) => x.id === u.id)!;
    add(`${p}name`, 'text', 'text', u.name, 'use case name');
    add(`${p}status`, 'status', 'status', us.status, 'status by the rule in docs/qbr.md');
    figures(p, 'InQuarter', u.quarter, u.quarter.measured - u.quarter.carriedForward);
    figures(p, 'ToDate', u.toDate, u.toDate.measured - u.toDate.carriedForward);
    add(`${p}gapToDate`, 'variance', 'gap', us.gapToDate, 'realized minus estimated to date, in money ("$17,758 below")');
    // The variance of a use case nothing of which is measured compares an assumption with the plan.
    if (us.status === 'not measured')
      for (const k of ['varianceInQuarter', 'varianceToDate', 'gapToDate']) {
        const ref = t.get(`${p}${k}`)!;
        t.set(ref.name, { ...ref, assumedOnly: true, about: `${ref.about}; rests only on assumptions, so say "assumed" beside it` });
      }
  }
  for (const m of s.metrics) {
    const p = `metric.${m.useCase}.${m.input}.`;
    add(`${p}label`, 'text', 'text', m.label, 'metric name');
    add(`${p}baseline`, 'baseline', 'metric', m.baseline, "the business case's baseline (before)", m.unit);
    add(`${p}first`, 'measured', 'metric', m.first?.value ?? null, 'the first measurement', m.unit);
    add(`${p}firstMonth`, 'period', 'month', m.first?.month ?? null, 'month of the first measurement');
    add(`${p}after`, 'measured', 'metric', m.latest?.value ?? null, "the measurement in force at the quarter's end (after)", m.unit);
    add(`${p}afterMonth`, 'period', 'month', m.latest?.month ?? null, 'month of that measurement');
    add(`${p}target`, 'target', 'metric', m.target, `the target (${m.targetFrom ?? 'none'})`, m.unit);
    add(`${p}varianceToTarget`, 'variance', 'metricVariance', m.varianceToTarget, 'after against the target ("2 points short of")', m.unit);
    add(`${p}status`, 'status', 'status', m.status, 'status against the target, by the rule in docs/qbr.md');
    const facts = f.metrics.find((x) => x.useCase === m.useCase && x.input === m.input)!;
    add(
      `${p}missingMonths`,
      'period',
      'text',
      facts.missingMonths.length ? monthList(facts.missingMonths) : null,
      'months of the quarter with no measurement (carried forward)',
    );
    add(`${p}source`, 'text', 'text', m.latest?.source ?? m.history.find((h) => h.source)?.source ?? null, 'where the measurements come from');
    for (const h of m.history) {
      const q = `measurement.${m.useCase}.${m.input}.${h.month}`;
      add(q, 'measured', 'metric', h.value, `${m.label} measured for ${h.month}`, m.unit);
      add(`${q}.month`, 'period', 'month', h.month, 'its month');
      add(`${q}.note`, 'text', 'text', h.note, 'its note');
      add(`${q}.source`, 'text', 'text', h.source, 'its source');
      add(`${q}.evidence`, 'text', 'text', h.evidence, 'its evidence (file or link)');
    }
  }
  for (const c of s.assumptionChanges) {
    const p = `change.${c.useCase}.${c.input}.${c.month}.`;
    add(`${p}label`, 'text', 'text', c.label, 'the assumption that changes');
    add(`${p}from`, 'assumed', 'metric', c.from, 'its value before', c.unit);
    add(`${p}to`, 'assumed', 'metric', c.to, 'its value from that month', c.unit);
    add(`${p}month`, 'period', 'month', c.month, 'the month it changes');
    add(`${p}note`, 'text', 'text', c.note, 'why');
  }
  for (const i of s.inputs) {
    const p = `input.${i.useCase}.${i.input}.`;
    add(`${p}label`, 'text', 'text', i.label, 'an input of the business case');
    add(`${p}value`, 'assumed', 'metric', i.value, 'its value (an assumption)', i.unit);
  }
  const milestone = (m: StoryMilestone): void => {
    const p = `milestone.${m.id}.`;
    add(`${p}name`, 'text', 'text', m.name, 'milestone name');
    add(`${p}targetMonth`, 'milestone month', 'month', m.targetMonth, 'its target month');
    add(`${p}achievedMonth`, 'milestone month', 'month', m.achievedMonth, 'the month it was achieved');
    add(`${p}timing`, 'milestone month', 'lateness', m.monthsLate, 'achieved against its target ("two months late")');
    add(`${p}note`, 'text', 'text', m.note, 'its note');
    add(`${p}state`, 'status', 'status', m.state === 'unscheduled' ? 'no target month' : m.state, 'achieved, overdue, upcoming or no target month');
  };
  for (const m of s.milestones) milestone(m);
  s.investment.items.forEach((it, i) => {
    const p = `investment.${i + 1}.`;
    add(`${p}label`, 'text', 'text', it.label, 'investment item');
    add(`${p}recurrence`, 'text', 'text', it.recurrence, 'one-time, monthly or annual');
    add(`${p}amount`, 'investment', 'money', it.amount, 'the amount per charge');
    add(`${p}toDate`, 'investment', 'money', it.toDate, 'charged up to the as-of month');
    add(`${p}total`, 'investment', 'money', it.total, 'over the whole window');
  });
  for (const y of s.investment.years) {
    const p = `investmentYear.${y.year}.`;
    add(`${p}amount`, 'investment', 'money', y.amount, `investment in contract year ${y.year}`);
    add(`${p}from`, 'period', 'month', y.from, 'its first month');
    add(`${p}to`, 'period', 'month', y.to, 'its last month');
  }
  return t;
}
