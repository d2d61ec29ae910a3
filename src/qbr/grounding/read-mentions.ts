/**
 * Reads every figure a rendered QBR states, the way a reader would, for the independent
 * claim check (`check-claims.ts`):
 * - money, percentages, multiples and plain numbers in digits (`extractNumbers`), with the
 *   rounding they are written to ("$410k" is 405k..415k: a trailing zero of a number of 100 or
 *   more is read as a rounding to two significant digits);
 * - percentage points apart from percentages ("up 6 points", "6 pp", "6 percentage points");
 * - numbers in words ("two months", "forty-one percent", "one hundred and ten thousand");
 * - months ("February 2026", "Feb '26", "Feb 2026", "2026-02", and "March" without a year,
 *   or with the year of the next month of a list: "January and February 2026"), quarters
 *   ("Q3 2026", "2026-Q3", "Q3 '26", "Q3") and years;
 * - approximations before a figure: "about", "roughly" (a little either way), "over", "more
 *   than" (at or a little above), "nearly", "almost", "under" (at or a little below).
 * File names, URLs and code spans are not read (`zendesk-tickets-2026-03.csv` states nothing).
 */
import { extractNumbers } from '../extract-numbers.ts';
import { NUMBER_WORD_RUN, readNumberWords } from '../../resolve/read-number-words.ts';

/**
 * Counted nouns after which a lone "one" (or "a") is a figure: "one month late", "one use case"
 * (a lone "one" elsewhere, "one of the use cases", states no figure).
 */
const COUNTED_NOUN =
  /^[\s-]+(?:more\s+|additional\s+)?(?:months?|quarters?|years?|percent|per\s*cent|percentage\s+points?|points?|use\s+cases?|metrics?|milestones?|dollars?)(?![\p{L}])/iu;

/** How a figure is written. */
export type ReadKind = 'money' | 'percent' | 'points' | 'multiple' | 'plain' | 'month' | 'quarter' | 'year';

/** One figure stated in a text. */
export interface ReadMention {
  /** Exactly as written. */
  text: string;
  start: number;
  end: number;
  kind: ReadKind;
  /**
   * The value: plain units for money and numbers ($44.1k is 44100), percent points for
   * `percent` and `points` (22% is 22), the month index (year * 12 + month - 1) for a month,
   * year * 4 + quarter - 1 for a quarter, the year for a year. Without a year (`bare`), a month
   * is 0..11 and a quarter 0..3.
   */
  value: number;
  /** How far the true value may be from `value` for the text to be a right rounding of it. */
  tolerance: number;
  /** True when the text wrote a sign (`-15%`): then the sign must agree too. */
  signed: boolean;
  /** A month or quarter written without its year. */
  bare?: boolean;
  /** Written in words. */
  inWords?: boolean;
  /** A month written as a day's date ("2026-04-15", "15 April 2026"): a report's or a meeting's date unless a cue claims it. */
  day?: boolean;
  /** "about" (either way), "over" (at or above), "under" (at or below). */
  approx?: 'about' | 'over' | 'under';
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const MONTH_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${MONTH_WORD})\.?(?![\p{L}])(?:,?\s+(?:of\s+)?((?:19|20)\d{2})(?![\p{N}])|\s*['’](\d{2})(?![\p{N}]))?`,
  'gu',
);
const ISO_MONTH_RE = /(?<![\p{L}\p{N}_./-])((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-\d{2})?(?![\p{N}])/gu;
const QUARTER_RE =
  /(?<![\p{L}\p{N}])(?:Q([1-4])(?:(?:\s+|-)((?:19|20)\d{2})(?![\p{N}])|\s*['’](\d{2})(?![\p{N}]))?|((?:19|20)\d{2})[\s-]?Q([1-4]))(?![\p{L}\p{N}])/gu;
const FRACTION_WORDS = /(?<![\p{L}])(?:(one|a|two|three)[\s-]+(thirds?|quarters?(?=\s+of\b))|(half)(?=\s+(?:of|the)\b))(?![\p{L}])/giu;
const YEAR_RE = /(?<![\p{L}\p{N}$€£.,'’-])((?:19|20)\d{2})(?![\p{N}%]|[.,]\d)/gu;
/** File names, URLs, code spans, unrendered references: not read. */
const NOT_READ = [/`[^`\n]*`/g, /\bhttps?:\/\/\S+/g, /[\p{L}\p{N}_./-]*[\p{L}\p{N}_-]\.(?:csv|xlsx?|pdf|json|txt|md|pptx?|docx?|png)\b/giu, /\{\{[^}\n]*\}\}/g];
const APPROX =
  /(?:(?<![\p{L}])(about|around|roughly|approximately|approx\.|some|close to|nearly|almost|just under|under|less than|over|just over|more than|upwards of|at least)\s+|(~)\s*)$/iu;

function monthOfName(word: string): number {
  return MONTH_NAMES.indexOf(word.slice(0, 3).toLowerCase());
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

function approxOf(before: string): ReadMention['approx'] | undefined {
  const m = APPROX.exec(before);
  if (!m) return undefined;
  const w = (m[1] ?? m[2] ?? '').toLowerCase();
  if (['over', 'just over', 'more than', 'upwards of', 'at least'].includes(w)) return 'over';
  if (['nearly', 'almost', 'just under', 'under', 'less than'].includes(w)) return 'under';
  return 'about';
}

/**
 * The tolerance of a whole number of 100 or more written with trailing zeros: "$410k" and
 * "one hundred and ten thousand" are roundings to two significant digits, so half a unit of
 * the last non-zero digit (but never fewer than two significant digits).
 */
function roundedTolerance(digits: string, scale: number, tolerance: number): number {
  const d = digits.replace(/^0+/, '');
  const zeros = d.length - d.replace(/0+$/, '').length;
  const extra = Math.min(zeros, d.length - 2);
  return extra > 0 ? Math.max(tolerance, 0.5 * 10 ** extra * scale) : tolerance;
}

/** Every figure `text` states, in order of position. */
export function readMentions(text: string, currency: string): ReadMention[] {
  let rest = text;
  for (const re of NOT_READ) for (const m of text.matchAll(re)) rest = blank(rest, m.index, m.index + m[0].length);
  const out: ReadMention[] = [];
  const add = (m: ReadMention): void => {
    out.push(m);
    rest = blank(rest, m.start, m.end);
  };

  // Months named in words; a month without a year takes the year of the next month in its list.
  const named = [...rest.matchAll(MONTH_RE)].filter((m) => !(m[1] === 'May' && m[2] === undefined && m[3] === undefined));
  named.forEach((m, i) => {
    const month = monthOfName(m[1]!);
    let year = m[2] ? Number(m[2]) : m[3] ? 2000 + Number(m[3]) : undefined;
    if (year === undefined) {
      for (let j = i + 1; j < named.length; j++) {
        const gap = rest.slice(named[j - 1]!.index + named[j - 1]![0].length, named[j]!.index);
        if (!/^\s*(?:,|,?\s*and|,?\s*or|to|through|–|-|—)\s*$/.test(gap)) break;
        const n = named[j]!;
        if (n[2] || n[3]) {
          const y = n[2] ? Number(n[2]) : 2000 + Number(n[3]);
          // "November and January 2026": a later month name in a year-end list is the year after.
          year = monthOfName(n[1]!) < month ? y - 1 : y;
          break;
        }
      }
    }
    // "15 April 2026": the day is part of the date.
    const dayBefore = /(?<![\p{L}\p{N}.,])(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+$/u.exec(rest.slice(Math.max(0, m.index - 6), m.index));
    const start = dayBefore ? m.index - dayBefore[0].length : m.index;
    add({
      text: text.slice(start, m.index + m[0].length),
      start,
      end: m.index + m[0].length,
      kind: 'month',
      value: year === undefined ? month : year * 12 + month,
      tolerance: 0,
      signed: false,
      ...(year === undefined ? { bare: true } : {}),
      ...(dayBefore ? { day: true } : {}),
    });
  });
  for (const m of rest.matchAll(ISO_MONTH_RE)) {
    const day = m[0].length > 7;
    add({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      kind: 'month',
      value: Number(m[1]) * 12 + Number(m[2]) - 1,
      tolerance: 0,
      signed: false,
      ...(day ? { day } : {}),
    });
  }
  for (const m of rest.matchAll(QUARTER_RE)) {
    const q = Number(m[1] ?? m[5]) - 1;
    const y = m[2] ? Number(m[2]) : m[3] ? 2000 + Number(m[3]) : m[4] ? Number(m[4]) : undefined;
    add({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      kind: 'quarter',
      value: y === undefined ? q : y * 4 + q,
      tolerance: 0,
      signed: false,
      ...(y === undefined ? { bare: true } : {}),
    });
  }
  for (const m of rest.matchAll(YEAR_RE)) {
    // A year, unless it is money or a count ("2026 tickets"): only a year-like number alone.
    const after = rest.slice(m.index + m[0].length);
    if (/^\s*(?:%|percent|tickets|hours|users|[kKM]\b)/.test(after)) continue;
    add({ text: m[0], start: m.index, end: m.index + m[0].length, kind: 'year', value: Number(m[1]), tolerance: 0, signed: false });
  }

  for (const n of extractNumbers(rest, { currencies: [currency] })) {
    const core = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?/.exec(n.text)!;
    const points = n.kind === 'percent' && /(?:points?|pp|pts?)$/i.test(n.text);
    const scale = n.value === 0 ? 1 : Math.abs(n.value) / Math.abs(Number((core[1]! + (core[2] ?? '')).replace(/,/g, '')) || 1);
    let tolerance = n.tolerance;
    if ((n.kind === 'money' || n.kind === 'plain') && !core[2] && Math.abs(n.value) >= 100)
      tolerance = roundedTolerance(core[1]!.replace(/,/g, ''), scale, tolerance);
    const approx = approxOf(text.slice(Math.max(0, n.start - 20), n.start));
    add({
      text: n.text,
      start: n.start,
      end: n.end,
      kind: points ? 'points' : n.kind,
      value: n.value,
      tolerance,
      signed: n.signed,
      ...(approx ? { approx } : {}),
    });
  }

  // Fractions in words ("two thirds", "a third", "half", "three quarters of"): a share, to a few points.
  for (const m of rest.matchAll(FRACTION_WORDS)) {
    const n = /^(?:two|three)$/i.test(m[1] ?? '') ? (m[1]!.toLowerCase() === 'two' ? 2 : 3) : 1;
    const d = /^third/i.test(m[2]!) ? 3 : /^quarter/i.test(m[2]!) ? 4 : 2;
    const approx = approxOf(text.slice(Math.max(0, m.index - 20), m.index));
    add({
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      kind: 'percent',
      value: (100 * n) / d,
      tolerance: 3,
      signed: false,
      inWords: true,
      ...(approx ? { approx } : {}),
    });
  }
  for (const m of rest.matchAll(NUMBER_WORD_RUN)) {
    const value = readNumberWords(m[0]);
    if (value === undefined) continue;
    let end = m.index + m[0].length;
    const after = rest.slice(end);
    if (/^(?:one|a|an)$/i.test(m[0].trim()) && !COUNTED_NOUN.test(after)) continue;
    let kind: ReadKind = 'plain';
    const unit = /^\s+(?:(percentage\s+points?|points?)|(percent|per\s*cent)|(dollars|USD|euros?|pounds?))(?![\p{L}])/iu.exec(after);
    if (unit) {
      kind = unit[1] ? 'points' : unit[2] ? 'percent' : 'money';
      end += unit[0].length;
    }
    const approx = approxOf(text.slice(Math.max(0, m.index - 20), m.index));
    add({
      text: text.slice(m.index, end),
      start: m.index,
      end,
      kind,
      value,
      tolerance: value >= 100 ? roundedTolerance(String(value), 1, 0.5) : 0.5,
      signed: false,
      inWords: true,
      ...(approx ? { approx } : {}),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}
