/**
 * Month phrases as people type them, read without a clock: what month (and year, if said)
 * a phrase names, or which period it is the end of. Part of the lexicon of numbers and dates
 * (`docs/offline-model.md`, "The lexicon"); `resolveMonth` turns a reading into a `YYYY-MM`
 * with the current month and the scenario's window.
 *
 * - a month: `2025-08`, `2025/08`, `08/2025`, `aug`, `August`, `Sept.`, `aug 2025`,
 *   `aug, 2025`, `August of 2025`, `aug '25`, `aug ’25`, `Aug-25`, `jan 26` (a two-digit
 *   year right after a month name, when it is the whole phrase);
 * - relative: `this month`, `current month`, `last month`, `previous month`, `next month`;
 * - the end of a period: `end of Q1`, `end of Q1 2026`, `end of 2026-Q1`, `end of H1 2026`,
 *   `end of 2025`, `end of last quarter`, `end of this year`.
 */

/** What a month phrase says, before any clock. */
export type MonthPhrase =
  | { kind: 'month'; month: number; year?: number }
  | { kind: 'relative'; offset: number }
  | { kind: 'period-end'; period: 'quarter' | 'half' | 'year'; index?: number; year?: number; offset?: number };

const NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A month name or abbreviation ("Oct", "October", "Sept."), not followed by more letters
 * ("Febtober" is no month), and not the verb "may" ("it may be 150"). Regular-expression
 * source; use it with the `i` flag.
 */
export const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may(?!\s+(?:be|have|not|need|want|take|get|also|still|well|as)\b)|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])`;

/** A year said after a month name: ` 2025`, `, 2025`, ` of 2025`, ` '25`, `’25`, `-25`. */
const YEAR_AFTER_NAME = String.raw`(?:,?\s+(?:of\s+)?(?:19|20)\d{2}(?!\d|[,.]\d)|\s*['’]\d{2}(?!\d)|-\d{2}(?![\d-]))`;

/**
 * A month phrase, found anywhere in a text (regular-expression source; `i` flag): ISO and
 * numeric months, a month name with or without a year, and the relative months. A two-digit
 * year after a name with only a space ("jan 26") is left out: it may be a value or a day,
 * and the reader that has the whole clause decides (see `tokenizeText`).
 */
export const MONTH_PHRASE = String.raw`(?:(?<![\w/-])(?:19|20)\d{2}[-/](?:0?[1-9]|1[0-2])(?![\d/-])|(?<![\w/.-])(?:0?[1-9]|1[0-2])[/-](?:19|20)\d{2}(?![\d/-])|\b(?:this|current|last|previous|next)\s+month\b|\b${MONTH_NAME}(?:${YEAR_AFTER_NAME})?)`;

const QUARTER = String.raw`(?:q([1-4])(?:\s*(?:fy\s*)?(?:['’]?(\d{2})(?![\d%])|((?:19|20)\d{2})(?!\d)))?|((?:19|20)\d{2})\s*[-/ ]?\s*q([1-4]))`;
const HALF = String.raw`(?:h([12])(?:\s*['’]?((?:19|20)?\d{2})(?!\d))?|(first|second)\s+half(?:\s+of)?(?:\s+((?:19|20)\d{2}))?)`;

/**
 * The end of a period ("end of Q1", "end of 2025", "end of H1 2026", "end of last quarter"),
 * anywhere in a text (regular-expression source; `i` flag).
 */
export const PERIOD_END = String.raw`\b(?:at\s+)?(?:the\s+)?end\s+of\s+(?:the\s+)?(?:${QUARTER}|${HALF}|((?:19|20)\d{2})(?!\d)|(last|this|previous|current|next)\s+(quarter|year)|(year|quarter))\b`;

/**
 * A quarter or half-year named without "end of" ("Q1", "q1 2026", "2026-Q1", "H1 2026"),
 * anywhere in a text (regular-expression source; `i` flag).
 */
export const PERIOD = String.raw`\b(?:${QUARTER}|${HALF})\b`;

function yearOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const digits = text.replace(/\D/g, '');
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

function monthOfName(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = NAMES.findIndex((n, k) => w === n || w === FULL[k] || (k === 8 && w === 'sept'));
  return i >= 0 ? i + 1 : undefined;
}

/** The period a quarter or half-year phrase names ("Q1 2026", "H1", "first half of 2026"). */
function readPeriod(text: string): Extract<MonthPhrase, { kind: 'period-end' }> | null {
  const q = new RegExp(`^${QUARTER}$`, 'i').exec(text);
  if (q) {
    const year = yearOf(q[2] ?? q[3] ?? q[4]);
    return { kind: 'period-end', period: 'quarter', index: Number(q[1] ?? q[5]), ...(year ? { year } : {}) };
  }
  const h = new RegExp(`^${HALF}$`, 'i').exec(text);
  if (h) {
    const year = yearOf(h[2] ?? h[4]);
    const index = h[1] ? Number(h[1]) : /^first$/i.test(h[3]!) ? 1 : 2;
    return { kind: 'period-end', period: 'half', index, ...(year ? { year } : {}) };
  }
  return null;
}

/**
 * Reads a month phrase (the whole text, case and surrounding spaces aside): the month and
 * year it names, a month relative to now, or the end of a period. A quarter or half-year
 * without "end of" is read only with `periods` (a summary "as of Q1", a lock "through H1"):
 * for a measurement, "Q1" is three months, not one. Null when the text is no month phrase.
 */
export function readMonthPhrase(text: string, options: { periods?: boolean } = {}): MonthPhrase | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const iso = /^((?:19|20)\d{2})[-/](0?[1-9]|1[0-2])$/.exec(t);
  if (iso) return { kind: 'month', month: Number(iso[2]), year: Number(iso[1]) };
  const numeric = /^(0?[1-9]|1[0-2])[/-]((?:19|20)\d{2})$/.exec(t);
  if (numeric) return { kind: 'month', month: Number(numeric[1]), year: Number(numeric[2]) };
  const relative = /^(this|current|last|previous|next) month$/.exec(t);
  if (relative) return { kind: 'relative', offset: relative[1] === 'last' || relative[1] === 'previous' ? -1 : relative[1] === 'next' ? 1 : 0 };
  if (t === 'now') return { kind: 'relative', offset: 0 };
  const named = /^([a-z]+\.?)(?:,?\s+(?:of\s+)?((?:19|20)\d{2})|\s*['’](\d{2})|[\s-](\d{2}))?$/.exec(t);
  if (named) {
    const month = monthOfName(named[1]!);
    if (month !== undefined) {
      const year = yearOf(named[2] ?? named[3] ?? named[4]);
      return year ? { kind: 'month', month, year } : { kind: 'month', month };
    }
  }
  const end = /^(?:at )?(?:the )?end of (?:the )?(.+)$/.exec(t);
  if (end) {
    const what = end[1]!;
    const year = /^((?:19|20)\d{2})$/.exec(what);
    if (year) return { kind: 'period-end', period: 'year', year: Number(year[1]) };
    const rel = /^(?:(last|previous|this|current|next) )?(quarter|year)$/.exec(what);
    if (rel) {
      const offset = rel[1] === 'last' || rel[1] === 'previous' ? -1 : rel[1] === 'next' ? 1 : 0;
      return { kind: 'period-end', period: rel[2] as 'quarter' | 'year', offset };
    }
    return readPeriod(what);
  }
  return options.periods ? readPeriod(t) : null;
}

/** The months' names, January first. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** A month (YYYY-MM) as people write it: "2026-03" is "March 2026". */
export function monthInWords(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}
