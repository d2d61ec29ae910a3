import { monthIndex, QUARTER_PATTERN } from '../engine/index.ts';
import { MONTH_NAMES } from '../resolve/read-month-phrase.ts';

/**
 * How the offline QBR writer prints figures: money in whole currency units, percentages to a
 * whole percent (one decimal under 10%), months and quarters in words. Display only: every
 * value printed is an engine fact or one of the derived numbers in `fact-numbers.ts`, and the
 * rounding here is the rounding the grounding check allows for.
 */

const MONTHS = MONTH_NAMES;

const moneyFormats = new Map<string, (n: number) => string>();

/** Money in whole units of the case's currency ("$44,107"; "CHF 1,200" for codes without a symbol). */
export function formatMoney(value: number, currency: string): string {
  let f = moneyFormats.get(currency);
  if (!f) {
    try {
      const intl = new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: 0,
        maximumFractionDigits: 0,
      });
      f = (n) => intl.format(n);
    } catch {
      // Not an ISO currency code: the code before the number.
      const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
      f = (n) => `${n < 0 ? '-' : ''}${currency} ${plain.format(Math.abs(n))}`;
    }
    moneyFormats.set(currency, f);
  }
  // -0 after rounding would print as "-$0".
  return f(Math.abs(value) < 0.5 ? 0 : value);
}

/** Percentage points of a fraction, rounded: whole percent at 10% and above, else one decimal. */
export function percentNumber(fraction: number): number {
  const pct = fraction * 100;
  return Math.abs(pct) >= 9.95 ? Math.round(pct) : Math.round(pct * 10) / 10;
}

/** A fraction as a percentage without sign ("22%"); the sentence says which direction. */
export function formatPercent(fraction: number): string {
  return `${Math.abs(percentNumber(fraction))}%`;
}

/** A fraction as a signed percentage ("+62%", "-22%", "0%"), for tables. */
export function formatSignedPercent(fraction: number): string {
  const p = percentNumber(fraction);
  return p === 0 ? '0%' : `${p > 0 ? '+' : '-'}${Math.abs(p)}%`;
}

/** A multiple ("3.7x"), one decimal. */
export function formatMultiple(value: number): string {
  return `${(Math.round(value * 10) / 10).toFixed(1)}x`;
}

/** True for the engine's percent unit (values stored as fractions). */
export function isPercentUnit(unit: string): boolean {
  return unit.trim().toLowerCase() === 'percent';
}

/** A metric value in its unit: "18%" for percent, "$12,000" for a currency, else "158 tickets/day". */
export function formatMetricValue(value: number, unit: string, currency: string): string {
  if (isPercentUnit(unit)) return formatPercent(value);
  if (/^[A-Z]{3}$/.test(unit.trim())) return formatMoney(value, unit.trim());
  const n = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
  return unit.trim() === '' || unit.trim() === currency ? n : `${n} ${unit.trim()}`;
}

/** A month `YYYY-MM` in words ("March 2026"). */
export function monthName(month: string): string {
  const i = monthIndex(month);
  return `${MONTHS[i % 12]} ${Math.floor(i / 12)}`;
}

/** A list of months in words ("January and February 2026", "November 2025 and January 2026"). */
export function monthList(months: readonly string[]): string {
  if (months.length === 0) return '';
  const years = new Set(months.map((m) => m.slice(0, 4)));
  const names = years.size === 1 ? months.map((m) => MONTHS[monthIndex(m) % 12]!) : months.map(monthName);
  const suffix = years.size === 1 ? ` ${[...years][0]}` : '';
  const joined = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${joined}${suffix}`;
}

/** A quarter `YYYY-Qn` in words ("Q1 2026"); the input unchanged when it is not one. */
export function quarterName(quarter: string): string {
  const m = QUARTER_PATTERN.exec(quarter);
  return m ? `Q${m[2]} ${m[1]}` : quarter;
}

/** The quarter after `YYYY-Qn`. */
export function nextQuarter(quarter: string): string {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) return quarter;
  const q = Number(m[2]);
  return q === 4 ? `${Number(m[1]) + 1}-Q1` : `${m[1]}-Q${q + 1}`;
}

/** The quarter `YYYY-Qn` a month falls in. */
export function quarterOf(month: string): string {
  const i = monthIndex(month);
  return `${Math.floor(i / 12)}-Q${Math.floor((i % 12) / 3) + 1}`;
}

/** Months from `from` to `to` (positive when `to` is later). */
export function monthsBetween(from: string, to: string): number {
  return monthIndex(to) - monthIndex(from);
}
