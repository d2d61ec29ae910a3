import { describe, expect, it } from 'vitest';
import { resolveMonth } from '../../src/resolve/resolve-month.ts';

const now = '2026-11';
const month = (text: string, window?: { start: string; months: number }) => {
  const r = resolveMonth(text, now, window);
  return r.ok ? r.value : `error: ${r.error.message}`;
};

describe('resolveMonth', () => {
  it('takes YYYY-MM as it is', () => {
    expect(month('2025-10')).toBe('2025-10');
  });

  it('understands relative months', () => {
    expect(month('this month')).toBe('2026-11');
    expect(month('last month')).toBe('2026-10');
    expect(month('Last Month')).toBe('2026-10');
    expect(month('next month')).toBe('2026-12');
  });

  it('a month name without a year is the latest one not after now', () => {
    expect(month('October')).toBe('2026-10');
    expect(month('november')).toBe('2026-11');
    // December 2026 is still ahead, so "December" is the one just past.
    expect(month('December')).toBe('2025-12');
    expect(month('Sept')).toBe('2026-09');
  });

  it('prefers a month inside the scenario window', () => {
    // The window Jul 2025..Jun 2026: "October" is October 2025, not October 2026.
    expect(month('October', { start: '2025-07', months: 12 })).toBe('2025-10');
    expect(month('March', { start: '2025-07', months: 12 })).toBe('2026-03');
  });

  it('with a year, in several spellings', () => {
    expect(month('Oct 2025')).toBe('2025-10');
    expect(month('October, 2025')).toBe('2025-10');
    expect(month("oct '25")).toBe('2025-10');
    expect(month('Mar. 2026')).toBe('2026-03');
    expect(month('10/2025')).toBe('2025-10');
  });

  it('refuses what is not a month, saying what it understands', () => {
    expect(month('soon')).toMatch(/^error: 'soon' is not a month I understand \(try/);
    expect(month('13/2025')).toMatch(/^error:/);
    expect(month('Octember')).toMatch(/^error:/);
  });
});

describe('resolveMonth leaning to the future (plans)', () => {
  it('a month name is the next one not before now', () => {
    const r = (text: string) => {
      const x = resolveMonth(text, '2026-04', undefined, 'future');
      return x.ok ? x.value : x.error.message;
    };
    expect(r('December')).toBe('2026-12');
    expect(r('April')).toBe('2026-04');
    expect(r('March')).toBe('2027-03');
    // Explicit years and relative months are unaffected.
    expect(r('Dec 2025')).toBe('2025-12');
    expect(r('last month')).toBe('2026-03');
  });
});
