/**
 * The independent check of a rendered QBR: it reads the text back, as a reader would, and
 * traces every figure to the fact its sentence claims. It never sees how the text was
 * written (no fact references, no template): only the Markdown and the engine's facts.
 *
 * For each figure (`readMentions`: digits, words, roundings, percentages and points, months,
 * quarters, years) in each unit (`textUnits`: a sentence, a table cell read with its column
 * header and row label):
 * 1. the claim: the nearest cue word of its clause that says what a figure of its kind is
 *    ("$30,000 measured", "the ROI to date is 41%", "paid back in February 2026"); a clause
 *    after a colon takes the cue of the clause before ("Investment to date: $63,000");
 * 2. the period: the clause's or else the sentence's words ("in Q1 2026", "to date", "over
 *    the whole window", "projected"); none: the quarter or to date;
 * 3. the subject: the use case, metric or milestone named nearest before it in the sentence,
 *    or earlier in its list item or table row; none: the whole case;
 * 4. the figure must state (at its rounding) a value of that claim, period and subject. A
 *    figure no cue claims must state some value of the facts of its kind (as the first check
 *    did); a quarter must be the review's (or a later one where the sentence looks ahead);
 * 5. directions ("22% above the estimate" for -22%, "fell" for a rise) and status words
 *    (ahead, behind, on track, at risk; "ahead" or a "proof point" for a use case resting only
 *    on assumptions) are checked against the facts too.
 */
import { extractNumbers } from '../extract-numbers.ts';
import { CUES, FORWARD, NET, PERIOD_CUES, PLAN, PROJECTION, STATUS_WORDS, type Cue } from './cues.ts';
import {
  claimWords,
  factClaims,
  factTexts,
  type CheckedFacts,
  type ClaimType,
  type FactValue,
  type Period,
  type Subject,
  type ValueKind,
} from './fact-claims.ts';
import { lineColumn, readMentions, type ReadMention } from './read-mentions.ts';
import { textUnits, type TextUnit } from './text-units.ts';

/** One problem the check found. */
export interface ClaimProblem {
  /** 1-based line and column of the figure (or word) in the text. */
  line: number;
  column: number;
  /** The figure or word as written. */
  text: string;
  /** What its sentence claims it is, e.g. "ROI to date" or "status of Retire the Legacy Help Desk". */
  claims: string;
  /** Why it is wrong, e.g. "the ROI to date is 41%; 326% is the projected ROI over the whole window". */
  problem: string;
  /** Offsets in the text. */
  start: number;
  end: number;
}

const SEPARATOR = /[;:()[\]]|,(?!\d{3})|\s(?:and|but|while|whereas|with|against|versus|vs\.?|of which|including|plus)\s|\s[–—-]\s|·/g;

/** The kinds of fact value a figure written this way can state. */
function valueKinds(m: ReadMention): ValueKind[] {
  switch (m.kind) {
    case 'money':
      return ['money'];
    case 'percent':
      return ['ratio'];
    case 'points':
      return ['points'];
    case 'multiple':
      return ['ratio'];
    case 'month':
      return ['month'];
    case 'quarter':
      return ['quarter'];
    case 'year':
      return ['year'];
    case 'plain':
      return m.tolerance < 0.5 && Math.abs(m.value) < 10 ? ['money', 'measure', 'count', 'ratio'] : ['money', 'measure', 'count'];
  }
}

/** True when the figure, read at its rounding, states the value `f`. */
export function mentionStatesFact(m: ReadMention, f: Pick<FactValue, 'value' | 'kind'>): boolean {
  if (!valueKinds(m).includes(f.kind)) return false;
  if (f.kind === 'month') return m.bare ? ((f.value % 12) + 12) % 12 === m.value : f.value === m.value;
  if (f.kind === 'quarter') return m.bare ? f.value % 4 === m.value : f.value === m.value;
  if (f.kind === 'year') return f.value === m.value;
  const v = f.kind === 'ratio' && m.kind === 'percent' ? f.value * 100 : f.value;
  const tol = m.tolerance + 1e-9 * Math.max(1, Math.abs(v));
  const said = m.signed ? m.value : Math.abs(m.value);
  const actual = m.signed ? v : Math.abs(v);
  switch (m.approx) {
    case 'about':
      return Math.abs(said - actual) <= Math.max(tol, 0.05 * Math.abs(actual));
    case 'over':
      return actual >= said - tol;
    case 'under':
      return actual <= said + tol;
    default:
      return Math.abs(said - actual) <= tol;
  }
}

const MULTIPLE: Cue = { re: /x/g, claims: { ratio: ['multiple'] } };

interface CueHit {
  cue: Cue;
  start: number;
  end: number;
  text: string;
}

/** Every cue in a text, earlier cues winning where matches overlap. */
function findCues(text: string): CueHit[] {
  const hits: CueHit[] = [];
  for (const cue of CUES) {
    for (const m of text.matchAll(cue.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (hits.some((h) => h.cue !== cue && start < h.end && end > h.start && !(h.start === start && h.end === end))) continue;
      hits.push({ cue, start, end, text: m[0] });
    }
  }
  return hits;
}

function periodsIn(text: string, reviewQuarter: string): Set<Period> {
  const out = new Set<Period>();
  for (const [re, p] of PERIOD_CUES) if (re.test(text)) out.add(p);
  if (text.includes(reviewQuarter)) out.add('quarter');
  return out;
}

/** Clause boundaries of a unit: [start, end, separator-before]. */
function clauses(text: string, cues: readonly CueHit[]): Array<{ start: number; end: number; after: string }> {
  const out: Array<{ start: number; end: number; after: string }> = [];
  let from = 0;
  let after = '';
  for (const m of text.matchAll(SEPARATOR)) {
    // A separator inside a cue ("paid for itself") splits nothing.
    if (cues.some((h) => m.index < h.end && m.index + m[0].length > h.start)) continue;
    out.push({ start: from, end: m.index, after });
    after = m[0].trim();
    from = m.index + m[0].length;
  }
  out.push({ start: from, end: text.length, after });
  return out;
}

interface SubjectHit {
  subject: Subject;
  start: number;
}

function findSubjects(text: string, subjects: readonly Subject[]): SubjectHit[] {
  const hits: Array<SubjectHit & { end: number }> = [];
  const names = subjects.flatMap((s) => s.names.map((n) => ({ s, n }))).sort((a, b) => b.n.length - a.n.length);
  const lower = text.toLowerCase();
  for (const { s, n } of names) {
    const needle = n.toLowerCase();
    let i = lower.indexOf(needle);
    while (i >= 0) {
      const end = i + needle.length;
      const bounded = !/[\p{L}\p{N}]/u.test(lower[i - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(lower[end] ?? ' ');
      if (bounded && !hits.some((h) => i < h.end && end > h.start)) hits.push({ subject: s, start: i, end });
      i = lower.indexOf(needle, i + 1);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

const VALUE_FIGURES = new Set<ClaimType>([
  'realized',
  'measured',
  'freshlyMeasured',
  'carriedForward',
  'assumed',
  'estimated',
  'variance',
  'gap',
  'attainment',
  'measuredShare',
  'assumedShare',
]);
const METRIC_CLAIMS = new Set<ClaimType>([
  'targetVariance',
  'baseline',
  'start',
  'end',
  'target',
  'change',
  'relativeChange',
  'measuredMonth',
  'missingMonth',
  'evidence',
]);
const MILESTONE_CLAIMS = new Set<ClaimType>(['achieved', 'milestoneTarget', 'late']);

/** Checks a rendered QBR against the engine's facts; every problem, in order of position. */
export function checkClaims(markdown: string, facts: CheckedFacts): ClaimProblem[] {
  const { values, subjects } = factClaims(facts);
  const currency = facts.businessCase.currency;
  const textNumbers = factTexts(facts).flatMap((t) => extractNumbers(t, { currencies: [currency] }));
  const reviewQuarter = `Q${facts.quarter.id.slice(-1)} ${facts.quarter.id.slice(0, 4)}`;
  const mentions = readMentions(markdown, currency);
  const units = textUnits(markdown);
  const problems: ClaimProblem[] = [];
  const problem = (start: number, end: number, claims: string, why: string): void => {
    const { line, column } = lineColumn(markdown, start);
    problems.push({ line, column, text: markdown.slice(start, end), claims, problem: why, start, end });
  };

  // Subjects named in each group, in order, for carrying within list items and table rows.
  const groupSubjects = new Map<number, SubjectHit[]>();
  for (const u of units) {
    const hits = findSubjects(u.text, subjects).map((h) => ({ subject: h.subject, start: u.start + h.start }));
    groupSubjects.set(u.group, [...(groupSubjects.get(u.group) ?? []), ...hits]);
  }

  for (const u of units) {
    const unitEnd = u.start + u.text.length;
    const inUnit = mentions.filter((m) => m.start >= u.start && m.end <= unitEnd);
    const cues = findCues(u.text);
    const headerCues = u.header !== undefined ? findCues(u.header) : [];
    const rowCues = u.rowLabel !== undefined ? findCues(u.rowLabel) : [];
    const parts = clauses(u.text, cues);
    const sentencePeriods = periodsIn(`${u.text} ${u.header ?? ''} ${u.rowLabel ?? ''}`, reviewQuarter);
    const context = `${u.text} ${u.header ?? ''} ${u.rowLabel ?? ''}`;
    const modifiers = {
      projection: PROJECTION.test(context),
      net: NET.test(context),
      plan: PLAN.test(context),
      payback: /\bpa(?:id|ys|y)\b.*\bback\b|\bpayback\b/i.test(context),
      // The investment schedule (per item, per contract year) is stated only where the sentence speaks of it.
      schedule: /\b(?:years?|annual|one-time|recurr\w*|schedule|subscription|services|licen[cs]es?|fees?|items?)\b/i.test(context),
    };
    const localSubjects = findSubjects(u.text, subjects).map((h) => ({ subject: h.subject, start: u.start + h.start }));
    const rowSubjects = u.rowLabel !== undefined ? findSubjects(u.rowLabel, subjects).map((h) => ({ subject: h.subject, start: -1 })) : [];
    const carried = u.carries ? (groupSubjects.get(u.group) ?? []).filter((h) => h.start < u.start) : [];

    /** The nearest subject of the wanted kinds for a figure at `at` (absolute offset). */
    const subjectFor = (at: number, kinds: ReadonlyArray<Subject['kind']>, clause: { start: number; end: number }): Subject | null => {
      const ok = (h: SubjectHit) => kinds.includes(h.subject.kind) || (h.subject.kind === 'case' && kinds.includes('useCase'));
      const before = localSubjects.filter((h) => h.start < at && ok(h));
      if (before.length > 0) return before[before.length - 1]!.subject;
      const after = localSubjects.filter((h) => h.start > at && h.start < u.start + clause.end && ok(h));
      if (after.length > 0) return after[0]!.subject;
      const prior = carried.filter(ok);
      if (prior.length > 0) return prior[prior.length - 1]!.subject;
      const row = rowSubjects.filter(ok);
      return row.length > 0 ? row[0]!.subject : null;
    };

    for (const m of inUnit) {
      const at = m.start - u.start;
      const clauseIndex = parts.findIndex((p) => at >= p.start && at < p.end);
      const clause = parts[clauseIndex] ?? { start: 0, end: u.text.length, after: '' };
      // A number before a counted noun ("24-month", "3 use cases", "2 points" aside) is a count, never money.
      const counted =
        m.kind === 'plain' &&
        /^[\s-]*(?:months?|quarters?|years?|use cases?|metrics?|milestones?|reps?|weeks?|days?)\b/i.test(markdown.slice(m.end, m.end + 20));
      const kinds = counted ? (['count', 'measure'] as ValueKind[]) : valueKinds(m);
      const fits = (h: CueHit): boolean => kinds.some((k) => (h.cue.claims[k] ?? []).length > 0);
      // The claim: the nearest fitting cue of the clause; after a colon, the clause before's; then the header's, the row's.
      // In a table, the column header says what the cell is ("Variance": "+62% assumed" is a variance); then the cell's words.
      const sameKind = inUnit.filter((o) => o !== m && valueKinds(o).some((k) => kinds.includes(k)));
      const inClause = cues.filter(
        (h) =>
          h.start >= clause.start &&
          h.end <= clause.end &&
          fits(h) &&
          // "$17,960 of the measured value": the cue names the whole the figure is part of.
          !(
            h.start >= at &&
            /^[^\p{L}\p{N}]*\s+of\s+(?:(?:the|its|their|this|our)\s+(?:\p{L}+(?:['’]s)?\s+){0,2})?$/u.test(u.text.slice(at + (m.end - m.start), h.start))
          ) &&
          // A cue claims the figure of its kind nearest to it: "from a January 2026 target to March 2026".
          !sameKind.some((o) => {
            const oa = o.start - u.start;
            return oa >= clause.start && oa < clause.end && distance(h, oa, o) < distance(h, at, m);
          }),
      );
      // The nearest cue; a generic word of value ("savings", "value") only when no other cue of the clause fits ("Measured savings").
      const rank = (h: CueHit): number => distance(h, at, m) + (h.cue.generic ? 10_000 : 0);
      let cue: CueHit | undefined = headerCues.find(fits) ?? inClause.sort((a, b) => rank(a) - rank(b))[0];
      if (!cue && clause.after === ':' && clauseIndex > 0) {
        const prev = parts[clauseIndex - 1]!;
        cue = cues.filter((h) => h.start >= prev.start && h.end <= prev.end && fits(h)).sort((a, b) => b.end - a.end)[0];
      }
      if (!cue) cue = headerCues.find(fits) ?? rowCues.find(fits);
      // A multiple ("1.4x") is always a benefit multiple: realized (or projected, or planned) value over the investment.
      if (m.kind === 'multiple' && (!cue || !(cue.cue.claims.ratio ?? []).includes('roi'))) cue = { cue: MULTIPLE, start: at, end: at, text: m.text };

      // An assumption of the appendix, named just before its value ("Cost per Ticket: $12").
      const input = [...carried, ...localSubjects.filter((h) => h.start < m.start)].pop()?.subject;
      if (input?.kind === 'input' && input.value !== undefined && ['money', 'plain', 'percent'].includes(m.kind)) {
        if (Math.abs(Math.abs(m.value) - Math.abs(input.value)) <= m.tolerance + 1e-9 * Math.max(1, Math.abs(input.value))) continue;
      }

      if (m.kind === 'quarter' && !cue) {
        const forward = FORWARD.test(`${u.text} ${u.header ?? ''} ${u.section}`);
        const allowed = values.filter((v) => v.kind === 'quarter' && (v.claim === 'quarter' || (forward && v.claim === 'nextQuarter')));
        if (!allowed.some((v) => mentionStatesFact(m, v)))
          problem(
            m.start,
            m.end,
            'the quarter of the review',
            `this review is for ${reviewQuarter}${forward ? ' (or a later quarter of the window, looking ahead)' : ''}`,
          );
        continue;
      }
      // A day's date with no cue that claims it is the report's or a meeting's date, not a fact.
      if (m.kind === 'month' && m.day && !cue) continue;
      if (m.kind === 'year' && !cue) {
        if (!values.some((v) => v.kind === 'year' && mentionStatesFact(m, v)))
          problem(m.start, m.end, 'a year of the window', 'the window does not reach into that year');
        continue;
      }

      if (!cue) {
        const known = values.some((v) => mentionStatesFact(m, v)) || textNumbers.some((n) => n.value === m.value);
        if (!known) problem(m.start, m.end, 'a figure of the facts', `${m.text} is no figure of the engine's facts${nearest(m, values, currency)}`);
        continue;
      }

      // The claim and its period.
      const claimsFor = kinds.flatMap((k) => cue.cue.claims[k] ?? []);
      const clauseText = u.text.slice(clause.start, clause.end);
      const clausePeriods = periodsIn(clauseText, reviewQuarter);
      const periods = clausePeriods.size > 0 ? clausePeriods : sentencePeriods;
      let claimList = [...new Set(claimsFor)];
      if (cue.cue.generic && modifiers.net) claimList = ['netBenefit'];
      else if (cue.cue.generic && !clausePeriods.has('toDate') && !clausePeriods.has('quarter')) {
        if (modifiers.projection) claimList = ['projected'];
        else if (modifiers.plan || periods.has('plan')) claimList = ['estimated'];
      }
      const wide = (p: Set<Period>): Period[] => {
        const v = [...p].filter((x) => x === 'quarter' || x === 'toDate');
        return v.length > 0 ? v : ['quarter', 'toDate'];
      };
      const periodOf = (claim: ClaimType): Period[] | null => {
        if (VALUE_FIGURES.has(claim)) {
          if (claim === 'estimated' && (periods.has('plan') || modifiers.plan) && !periods.has('toDate') && !periods.has('quarter')) return ['plan'];
          return modifiers.payback && claim === 'realized' ? [...wide(periods), 'atPayback'] : wide(periods);
        }
        if (claim === 'roi' || claim === 'netBenefit' || claim === 'multiple' || claim === 'investment') {
          if (cue.cue.period) return [cue.cue.period];
          if (clausePeriods.has('toDate')) return ['toDate'];
          if (clausePeriods.has('plan')) return claim === 'investment' ? ['plan'] : modifiers.projection ? ['projection'] : ['plan'];
          if (claim === 'investment') {
            const schedule: Period[] = modifiers.schedule ? ['schedule'] : [];
            if (modifiers.payback) return ['atPayback', 'toDate', ...schedule];
            return periods.has('plan') || modifiers.plan || modifiers.projection ? ['plan', ...schedule] : ['toDate', ...schedule];
          }
          if (modifiers.projection && !periods.has('toDate')) return ['projection'];
          if ((periods.has('plan') || modifiers.plan) && !periods.has('toDate')) return ['plan'];
          return ['toDate'];
        }
        if (claim === 'projected') return ['projection'];
        return null;
      };

      // The subject. A variance next to a metric is the metric's, to its target.
      const nearestAny = subjectFor(m.start, ['metric', 'useCase', 'milestone'], clause);
      if (claimList.includes('variance') && nearestAny?.kind === 'metric') claimList = ['targetVariance'];
      const metricClaim = claimList.some((c) => METRIC_CLAIMS.has(c));
      const milestoneClaim = claimList.some((c) => MILESTONE_CLAIMS.has(c));
      const valueClaim = claimList.some((c) => VALUE_FIGURES.has(c));
      let subject: Subject | null = null;
      if (metricClaim) {
        subject = subjectFor(m.start, ['metric'], clause);
        // A metric's value with no metric named: read like a figure no cue claims.
        if (!subject && !cue.cue.weak) {
          // A strong metric cue ("target", "baseline") with no metric named: any metric's value of that claim.
        } else if (!subject) {
          const known = values.some((v) => mentionStatesFact(m, v)) || textNumbers.some((n) => n.value === m.value);
          if (!known) problem(m.start, m.end, 'a figure of the facts', `${m.text} is no figure of the engine's facts${nearest(m, values, currency)}`);
          continue;
        }
      } else if (milestoneClaim) subject = subjectFor(m.start, ['milestone'], clause);
      else if (valueClaim) {
        const s = subjectFor(m.start, ['useCase', 'metric'], clause);
        subject = s?.kind === 'metric' ? (subjects.find((x) => x.id === s.useCase) ?? null) : s;
      }
      const subjectId = subject && subject.kind !== 'case' ? subject.id : undefined;

      const candidates = values.filter((v) => {
        if (!claimList.includes(v.claim)) return false;
        const p = periodOf(v.claim);
        if (p !== null && (v.period === undefined || !p.includes(v.period))) return false;
        if (metricClaim || milestoneClaim) return subjectId === undefined || v.subject === subjectId;
        if (valueClaim) return v.subject === subjectId;
        return v.subject === undefined || v.subject === subjectId;
      });
      // A change said as a percentage of a metric kept in percent: the relative change; in points: the change.
      const matched = candidates.filter((v) => mentionStatesFact(m, v));
      const what = claimWords(claimList[0]!, periodOf(claimList[0]!)?.length === 1 ? periodOf(claimList[0]!)![0] : undefined);
      const about = subject && subject.kind !== 'case' ? ` of ${subject.names[0]}` : '';
      if (matched.length > 0) {
        const dir = cue.cue.direction?.(cue.text) ?? 0;
        const v = matched[0]!;
        // A negative ROI or net benefit written without its sign or a word that says so.
        if (
          (v.claim === 'roi' || v.claim === 'netBenefit') &&
          v.value < 0 &&
          !m.signed &&
          !/\b(?:negative|minus|loss|below zero|not (?:yet )?paid back|short)\b/i.test(u.text)
        ) {
          problem(m.start, m.end, `${what}${about}`, `${v.label} is negative; "${m.text}" reads as a gain`);
          continue;
        }
        if (dir !== 0 && !m.signed && (v.claim === 'variance' || v.claim === 'gap' || v.claim === 'change' || v.claim === 'relativeChange')) {
          const sign = v.claim === 'gap' ? -Math.sign(v.value) : Math.sign(v.value);
          if (sign !== 0 && sign !== dir)
            problem(
              m.start,
              m.end,
              `${what}${about}`,
              `"${cue.text}" says ${dir > 0 ? 'above or up' : 'below or down'}, but ${v.label} is ${sign > 0 ? 'above or up' : 'below or down'}`,
            );
        }
        continue;
      }
      if (m.kind === 'percent' && claimList.includes('relativeChange') && subject?.kind === 'metric' && /percent/i.test(subject.unit ?? '')) {
        const pts = values.filter(
          (v) =>
            v.claim === 'change' && v.subject === subject.id && v.kind === 'points' && Math.abs(Math.abs(v.value) - Math.abs(m.value)) <= m.tolerance + 1e-9,
        );
        if (pts.length > 0) {
          problem(
            m.start,
            m.end,
            `relative change${about}`,
            `${m.text} is the change in percentage points (${pts[0]!.label}), not a percentage change; say "${Math.abs(m.value)} points"`,
          );
          continue;
        }
      }
      if (candidates.length === 0) {
        problem(m.start, m.end, `${what}${about}`, `the facts hold no ${what}${about}${nearest(m, values, currency)}`);
        continue;
      }
      const expected = [...new Set(candidates.filter((v) => valueKinds(m).includes(v.kind) || v.kind === 'points').map((v) => v.label))].slice(0, 3);
      const other = values.find((v) => mentionStatesFact(m, v) && !candidates.includes(v));
      problem(
        m.start,
        m.end,
        `${what}${about}`,
        `${expected.length > 0 ? `${expected.join(' or ')}` : `no ${what} of this kind`}${other ? `; ${m.text} is ${other.label}` : `; ${m.text} is no figure of the facts`}`,
      );
    }

    checkStatuses(u, facts, subjects, localSubjects, carried, rowSubjects, problem);
  }
  return problems.sort((a, b) => a.start - b.start);
}

/** Distance from a cue to a figure; a cue right after the figure ("$30,000 measured") counts as near as one right before. */
function distance(h: CueHit, at: number, m: ReadMention): number {
  const end = at + (m.end - m.start);
  return h.start >= end ? h.start - end : at >= h.end ? at - h.end : 0;
}

/** "; the nearest fact is ..." for a figure that matches nothing. */
function nearest(m: ReadMention, values: readonly FactValue[], currency: string): string {
  const kinds = valueKinds(m);
  const scale = (v: FactValue): number => (v.kind === 'ratio' && m.kind === 'percent' ? v.value * 100 : v.value);
  const close = values
    .filter((v) => kinds.includes(v.kind) && v.kind !== 'month' && v.kind !== 'quarter' && v.kind !== 'year' && v.kind !== 'count')
    .map((v) => ({ v, d: Math.abs(Math.abs(scale(v)) - Math.abs(m.value)) / Math.max(1, Math.abs(m.value)) }))
    .filter((x) => x.d < 0.2)
    .sort((a, b) => a.d - b.d)[0];
  void currency;
  return close ? ` (the nearest is ${close.v.label})` : '';
}

/** Status words about use cases and milestones against the facts. */
function checkStatuses(
  u: TextUnit,
  facts: CheckedFacts,
  subjects: readonly Subject[],
  local: readonly SubjectHit[],
  carried: readonly SubjectHit[],
  row: readonly SubjectHit[],
  problem: (start: number, end: number, claims: string, why: string) => void,
): void {
  void subjects;
  for (const [re, word] of STATUS_WORDS) {
    for (const m of u.text.matchAll(re)) {
      const at = u.start + m.index;
      const kinds = (h: SubjectHit): boolean => h.subject.kind === 'useCase' || h.subject.kind === 'milestone' || h.subject.kind === 'metric';
      const before = local.filter((h) => h.start < at && kinds(h));
      const after = local.filter((h) => h.start > at && kinds(h));
      const s =
        before[before.length - 1]?.subject ??
        (after.length === 1 ? after[0]!.subject : undefined) ??
        [...carried].reverse().find(kinds)?.subject ??
        row.find(kinds)?.subject;
      if (!s) continue;
      const end = at + m[0].length;
      if (s.kind === 'metric') {
        const ms = facts.story?.metrics?.find((x) => `metric:${x.useCase}.${x.input}` === s.id);
        const status = ms?.status?.replace(' ', '-');
        if (!status || word === 'proof') continue;
        const accepted: Record<string, string[]> = {
          ahead: ['ahead'],
          'on-track': ['on-track'],
          'at-risk': ['at-risk', 'behind'],
          behind: ['behind', 'at-risk'],
        };
        if (accepted[status] && !accepted[status].includes(word))
          problem(
            at,
            end,
            `status of ${s.names[0]}`,
            `${s.names[0]} is ${status.replace('-', ' ')} against its target in the facts, not ${word.replace('-', ' ')}`,
          );
        continue;
      }
      if (s.kind === 'useCase') {
        const uc = facts.useCases.find((x) => `useCase:${x.id}` === s.id)!;
        const onlyAssumed = uc.toDate.measured === 0 && uc.toDate.realized !== 0;
        if ((word === 'ahead' || word === 'proof') && onlyAssumed) {
          problem(at, end, `status of ${uc.name}`, `${uc.name} rests entirely on assumptions (nothing measured to date): it is never "${m[0]}"`);
          continue;
        }
        if (word === 'proof') continue;
        // The story's status (docs/qbr.md, "Status words") when the draft was written from it, else the engine's.
        const status = (facts.story?.useCases?.find((x) => x.id === uc.id)?.status ?? uc.status).replace(' ', '-');
        const accepted: Record<string, string[]> = {
          ahead: ['ahead'],
          'on-track': ['on-track'],
          'at-risk': ['at-risk', 'behind'],
          behind: ['behind', 'at-risk'],
          'no-estimate': ['no-estimate'],
          'not-measured': uc.toDate.variance !== null && uc.toDate.variance < -0.05 ? ['behind', 'at-risk'] : [],
        };
        const ok = accepted[status]?.includes(word) ?? true;
        if (!ok) problem(at, end, `status of ${uc.name}`, `${uc.name} is ${status.replace('-', ' ')} in the facts, not ${word.replace('-', ' ')}`);
      } else if (s.kind === 'milestone') {
        const ms = facts.milestones;
        const id = s.id.slice('milestone:'.length);
        const atRisk = ms.atRisk.some((x) => x.id === id);
        if (word === 'at-risk' && !atRisk)
          problem(at, end, `status of ${s.names[0]}`, `${s.names[0]} is not at risk in the facts (at risk: target month passed, not achieved)`);
      }
    }
  }
  // A milestone said to be achieved that the facts do not have achieved (by the as-of month).
  for (const m of u.text.matchAll(/\b(?:achieved|went live|completed|launched|is live|are live)\b/gi)) {
    const at = u.start + m.index;
    const s = [...local].reverse().find((h) => h.start < at && h.subject.kind === 'milestone')?.subject;
    if (!s) continue;
    const id = s.id.slice('milestone:'.length);
    const done = [...facts.milestones.achievedInQuarter, ...facts.milestones.achievedBefore].some((x) => x.id === id);
    const negated = /\b(?:not|never|yet to be|no longer)\s+(?:yet\s+)?$/i.test(u.text.slice(Math.max(0, m.index - 15), m.index));
    if (!done && !negated) problem(at, at + m[0].length, `status of ${s.names[0]}`, `${s.names[0]} is not achieved in the facts (as of ${facts.asOf})`);
  }
}
