/**
 * The lexicon's dates: month phrases read without a clock (`readMonthPhrase`), lengths of
 * time (`readDuration`), and the end of a period resolved with one (`resolveMonth`). Expected
 * months worked out by hand from the clock each test states.
 */
import { describe, expect, it } from 'vitest';
import { readDuration } from '../../src/resolve/read-duration.ts';
import { readMonthPhrase } from '../../src/resolve/read-month-phrase.ts';
import { resolveMonth } from '../../src/resolve/resolve-month.ts';

describe('readMonthPhrase', () => {
  it('months with and without a year, in the usual spellings', () => {
    expect(readMonthPhrase('aug 2025')).toEqual({ kind: 'month', month: 8, year: 2025 });
    expect(readMonthPhrase('August, 2025')).toEqual({ kind: 'month', month: 8, year: 2025 });
    expect(readMonthPhrase('August of 2025')).toEqual({ kind: 'month', month: 8, year: 2025 });
    expect(readMonthPhrase("jun '26")).toEqual({ kind: 'month', month: 6, year: 2026 });
    expect(readMonthPhrase('jun ’26')).toEqual({ kind: 'month', month: 6, year: 2026 });
    expect(readMonthPhrase('Aug-25')).toEqual({ kind: 'month', month: 8, year: 2025 });
    expect(readMonthPhrase('jan 26')).toEqual({ kind: 'month', month: 1, year: 2026 });
    expect(readMonthPhrase('2025-08')).toEqual({ kind: 'month', month: 8, year: 2025 });
    expect(readMonthPhrase('2025/08')).toEqual({ kind: 'month', month: 8, year: 2025 });
    expect(readMonthPhrase('05/2026')).toEqual({ kind: 'month', month: 5, year: 2026 });
    expect(readMonthPhrase('Sept.')).toEqual({ kind: 'month', month: 9 });
    expect(readMonthPhrase('may')).toEqual({ kind: 'month', month: 5 });
  });

  it('relative months', () => {
    expect(readMonthPhrase('last month')).toEqual({ kind: 'relative', offset: -1 });
    expect(readMonthPhrase('this month')).toEqual({ kind: 'relative', offset: 0 });
    expect(readMonthPhrase('next month')).toEqual({ kind: 'relative', offset: 1 });
  });

  it('the end of a period; a bare quarter only when periods are asked for', () => {
    expect(readMonthPhrase('end of Q1')).toEqual({ kind: 'period-end', period: 'quarter', index: 1 });
    expect(readMonthPhrase('end of q1 2026')).toEqual({ kind: 'period-end', period: 'quarter', index: 1, year: 2026 });
    expect(readMonthPhrase('end of 2026-Q3')).toEqual({ kind: 'period-end', period: 'quarter', index: 3, year: 2026 });
    expect(readMonthPhrase('end of H1 2026')).toEqual({ kind: 'period-end', period: 'half', index: 1, year: 2026 });
    expect(readMonthPhrase('end of 2025')).toEqual({ kind: 'period-end', period: 'year', year: 2025 });
    expect(readMonthPhrase('end of last quarter')).toEqual({ kind: 'period-end', period: 'quarter', offset: -1 });
    expect(readMonthPhrase('Q1')).toBeNull();
    expect(readMonthPhrase('Q1', { periods: true })).toEqual({ kind: 'period-end', period: 'quarter', index: 1 });
    expect(readMonthPhrase('H1 2026', { periods: true })).toEqual({ kind: 'period-end', period: 'half', index: 1, year: 2026 });
  });

  it('what is no month', () => {
    expect(readMonthPhrase('Febtober')).toBeNull();
    expect(readMonthPhrase('13/2025')).toBeNull();
    expect(readMonthPhrase('soon')).toBeNull();
  });
});

describe('resolveMonth with the end of a period (clock 2026-08)', () => {
  const month = (text: string) => {
    const r = resolveMonth(text, '2026-08');
    return r.ok ? r.value : `error: ${r.error.message}`;
  };

  it('a quarter or half without a year is the latest that ended by now', () => {
    // Q1 ends in March: March 2026 is before August 2026.
    expect(month('end of Q1')).toBe('2026-03');
    // Q4 ends in December: December 2026 is ahead, so December 2025.
    expect(month('end of Q4')).toBe('2025-12');
    expect(month('end of H1')).toBe('2026-06');
  });

  it('with a year, and relative periods', () => {
    expect(month('end of Q1 2026')).toBe('2026-03');
    expect(month('end of 2025')).toBe('2025-12');
    expect(month('end of H1 2026')).toBe('2026-06');
    // August is in Q3 (ends September); the quarter before ends in June.
    expect(month('end of last quarter')).toBe('2026-06');
    expect(month('end of this quarter')).toBe('2026-09');
    expect(month('end of this year')).toBe('2026-12');
    expect(month('end of last year')).toBe('2025-12');
  });

  it('a two-digit year after a month name is a year', () => {
    expect(month('jan 26')).toBe('2026-01');
    expect(month('Aug-25')).toBe('2025-08');
  });

  it('says what it understands when it does not', () => {
    expect(month('Febtober')).toBe(`error: 'Febtober' is not a month I understand (try "2025-10", "October", "Oct 2025", "last month" or "end of Q1")`);
  });
});

describe('readDuration', () => {
  const months = (text: string) => readDuration(text)?.months;

  it('months and years as people write them', () => {
    expect(months('12 months')).toBe(12);
    expect(months('kicked off aug 2025, 12 mo contract')).toBe(12);
    expect(months('18 mos')).toBe(18);
    expect(months('a 12-month deal')).toBe(12);
    expect(months('renewed for 24 more months')).toBe(24);
    expect(months('2 yrs')).toBe(24);
    expect(months('3 years')).toBe(36);
    expect(months('for a year')).toBe(12);
    expect(months('a two-year deal')).toBe(24);
    expect(months('twelve months')).toBe(12);
  });

  it('no length, or "a year" that is not one ("22k a year" is a rate)', () => {
    expect(months('starting august')).toBeUndefined();
    expect(months('22k a year')).toBeUndefined();
  });
});
