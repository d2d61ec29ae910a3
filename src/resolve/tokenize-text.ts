import { DURATION, readDuration } from './read-duration.ts';
import { MONTH_NAME, MONTH_PHRASE, PERIOD, PERIOD_END } from './read-month-phrase.ts';
import { normalizeDigits, NUMBER_TOKEN, readNumber } from './read-number.ts';
import { NUMBER_WORDS, readNumberWords } from './read-number-words.ts';

/**
 * One token of a message, as the lexicon of numbers and dates reads it. Offsets are into
 * the text as given (`normalizeDigits` keeps every character in place).
 */
export type TextToken = { start: number; end: number; text: string } & (
  | { kind: 'month'; named: boolean }
  | { kind: 'period-end' }
  | { kind: 'period' }
  | { kind: 'duration'; months: number }
  | { kind: 'number'; value: number; percent: boolean; plain: boolean }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'word' }
  | { kind: 'punct' }
);

const TOKEN = new RegExp(
  [
    `(?<periodEnd>${PERIOD_END})`,
    `(?<duration>${DURATION}(?![\\w%]))`,
    `(?<month>${MONTH_PHRASE})`,
    `(?<period>${PERIOD})`,
    `(?<words>${NUMBER_WORDS}\\s?(?:%|percent\\b|per\\s?cent\\b))`,
    `(?<number>${NUMBER_TOKEN})`,
    String.raw`(?<foreign>\p{Nd}+)`,
    String.raw`(?<word>[#\p{L}][\p{L}\p{Nd}_#&'’/]*(?:-[\p{L}\p{Nd}_#&'’/]+)*)`,
    String.raw`(?<punct>[^\s\p{L}\p{Nd}])`,
  ].join('|'),
  'giu',
);

/**
 * Splits a message into tokens with one lexicon: month phrases (`2025-08`, `aug 2025`, `jun
 * '26`, `last month`), ends of periods (`end of Q1`, `end of 2025`), quarters and halves
 * (`Q2`, `H1 2026`), lengths of time (`12 mo`, `for a year`, `two-year`), numbers read
 * exactly or refused (`3.2k`, `12,5%`, `0x10`; "twenty percent"), words and punctuation.
 * Pure; the same text always gives the same tokens. A two-digit number right after a month
 * name ("jan 26") stays a number: whether it is a year is decided by who reads the clause.
 */
export function tokenizeText(text: string): TextToken[] {
  const normal = normalizeDigits(text);
  const tokens: TextToken[] = [];
  for (const m of normal.matchAll(TOKEN)) {
    const g = m.groups!;
    const at = { start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length) };
    if (g.periodEnd) tokens.push({ ...at, kind: 'period-end' });
    else if (g.duration) {
      const d = readDuration(g.duration);
      tokens.push(d ? { ...at, kind: 'duration', months: d.months } : { ...at, kind: 'word' });
    } else if (g.month) tokens.push({ ...at, kind: 'month', named: new RegExp(`^${MONTH_NAME}`, 'i').test(g.month) });
    else if (g.period) tokens.push({ ...at, kind: 'period' });
    else if (g.words) {
      const value = readNumberWords(g.words.replace(/\s?(?:%|percent|per\s?cent)$/i, ''));
      if (value !== undefined) tokens.push({ ...at, kind: 'number', value: Number(`${value}e-2`), percent: true, plain: false });
    } else if (g.number || g.foreign) {
      const r = readNumber(at.text);
      if (r === null) tokens.push({ ...at, kind: 'word' });
      else if (r.ok) tokens.push({ ...at, kind: 'number', value: r.value, percent: r.percent, plain: r.plain });
      else tokens.push({ ...at, kind: 'unreadable', reason: r.reason });
    } else if (g.word) tokens.push({ ...at, kind: 'word' });
    else tokens.push({ ...at, kind: 'punct' });
  }
  return tokens;
}

/** The numbers of a text that cannot be read exactly, each with why ("0x10": not a decimal number). */
export function unreadableNumbers(text: string): Array<{ text: string; reason: string }> {
  return tokenizeText(text).flatMap((t) => (t.kind === 'unreadable' ? [{ text: t.text, reason: t.reason }] : []));
}
