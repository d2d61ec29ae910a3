import { monthIndex, monthText } from '../engine/index.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { readMonthPhrase, type MonthPhrase } from './read-month-phrase.ts';

/** The month of the year (0 = January) a period ends in. */
function endMonthOf(phrase: Extract<MonthPhrase, { kind: 'period-end' }>): number {
  if (phrase.period === 'year') return 11;
  const size = phrase.period === 'quarter' ? 3 : 6;
  return (phrase.index ?? 1) * size - 1;
}

/**
 * Resolves what people say for a month (read by `readMonthPhrase`, the lexicon's month
 * reader): `2025-10`, `October`, `Oct 2025`, `october '25`, `jan 26`, `10/2025`, `this month`,
 * `last month`, `next month`, and the end of a period: `end of Q1`, `end of H1 2026`, `end of
 * 2025`, `end of last quarter`. A month (or a period's end) without a year is the latest one
 * not after `current` (measurements are about the past), or with `lean: 'future'` the
 * earliest not before it (a milestone's target is a plan); either way one inside `window`
 * is preferred when a window is given. Not a month: `invalid_argument`.
 */
export function resolveMonth(text: string, current: string, window?: { start: string; months: number }, lean: 'past' | 'future' = 'past'): Outcome<string> {
  const phrase = readMonthPhrase(text);
  if (!phrase) {
    return failWith('invalid_argument', `'${text}' is not a month I understand (try "2025-10", "October", "Oct 2025", "last month" or "end of Q1")`);
  }
  const now = monthIndex(current);
  const currentYear = Math.floor(now / 12);
  if (phrase.kind === 'relative') return succeed(monthText(now + phrase.offset));
  let month: number;
  let year: number | undefined;
  if (phrase.kind === 'month') {
    month = phrase.month - 1;
    year = phrase.year;
  } else {
    month = endMonthOf(phrase);
    year = phrase.year;
    if (phrase.offset !== undefined) {
      if (phrase.period === 'year') return succeed(monthText((currentYear + phrase.offset) * 12 + 11));
      const quarterEnd = currentYear * 12 + Math.floor((now % 12) / 3) * 3 + 2;
      return succeed(monthText(quarterEnd + 3 * phrase.offset));
    }
  }
  if (year !== undefined) return succeed(monthText(year * 12 + month));
  const options = [currentYear - 2, currentYear - 1, currentYear, currentYear + 1].map((y) => y * 12 + month);
  const inWindow = (i: number): boolean => window === undefined || (i >= monthIndex(window.start) && i < monthIndex(window.start) + window.months);
  const past = options.filter((i) => i <= now);
  const future = options.filter((i) => i >= now);
  const pick =
    lean === 'past'
      ? (past.filter(inWindow).pop() ?? options.filter(inWindow).shift() ?? past.pop()!)
      : (future.filter(inWindow).shift() ?? options.filter(inWindow).pop() ?? future.shift()!);
  return succeed(monthText(pick));
}
