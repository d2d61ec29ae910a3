import { isMonth, monthIndex, monthText } from '../engine/index.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';

const NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Resolves what people say for a month: `2025-10`, `October`, `Oct 2025`, `october '25`,
 * `10/2025`, `this month`, `last month`, `next month`. A month name without a year is the
 * latest such month not after `current` (measurements are about the past), or with `lean:
 * 'future'` the earliest not before it (a milestone's target is a plan); either way one
 * inside `window` is preferred when a window is given. Not a month: `invalid_argument`.
 */
export function resolveMonth(
  text: string,
  current: string,
  window?: { start: string; months: number },
  lean: 'past' | 'future' = 'past',
): Outcome<string> {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (isMonth(t)) return succeed(t);
  const now = monthIndex(current);
  if (t === 'this month' || t === 'current month' || t === 'now') return succeed(current);
  if (t === 'last month' || t === 'previous month') return succeed(monthText(now - 1));
  if (t === 'next month') return succeed(monthText(now + 1));
  const slash = /^(\d{1,2})\/(\d{4})$/.exec(t);
  if (slash && Number(slash[1]) >= 1 && Number(slash[1]) <= 12) return succeed(monthText(Number(slash[2]) * 12 + Number(slash[1]) - 1));
  const named = /^([a-z]{3,9})\.?(?:,?\s+'?(\d{2}|\d{4}))?$/.exec(t);
  if (named) {
    const m = NAMES.findIndex((n) => named[1]!.startsWith(n) && (named[1]!.length === 3 || isFullName(named[1]!)));
    if (m >= 0) {
      if (named[2]) {
        const year = named[2].length === 2 ? 2000 + Number(named[2]) : Number(named[2]);
        return succeed(monthText(year * 12 + m));
      }
      const currentYear = Math.floor(now / 12);
      const options = [currentYear - 2, currentYear - 1, currentYear, currentYear + 1].map((y) => y * 12 + m);
      const inWindow = (i: number): boolean =>
        window === undefined || (i >= monthIndex(window.start) && i < monthIndex(window.start) + window.months);
      const past = options.filter((i) => i <= now);
      const future = options.filter((i) => i >= now);
      const pick =
        lean === 'past'
          ? (past.filter(inWindow).pop() ?? options.filter(inWindow).shift() ?? past.pop()!)
          : (future.filter(inWindow).shift() ?? options.filter(inWindow).pop() ?? future.shift()!);
      return succeed(monthText(pick));
    }
  }
  return failWith('invalid_argument', `'${text}' is not a month I understand (try "2025-10", "October", "Oct 2025" or "last month")`);
}

function isFullName(word: string): boolean {
  return ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'sept'].includes(word);
}
