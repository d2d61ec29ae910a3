import { roundMoney } from './round.ts';

/**
 * A number for people to read in messages: at most 12 significant digits, so binary noise
 * (13.200000000000001) reads as 13.2. Never used for figures, only for text.
 */
export function formatNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}

/** A value for messages: percent inputs (stored as fractions) read as percentages, 0.25 as 25%. */
export function formatAmount(value: number, unit: string): string {
  return unit === 'percent' ? `${formatNumber(value * 100)}%` : formatNumber(value);
}

/** Like `formatAmount`, with the unit written after other values: "115 tickets/day". */
export function formatValue(value: number, unit: string): string {
  return unit && unit !== 'percent' ? `${formatNumber(value)} ${unit}` : formatAmount(value, unit);
}

/** Money for messages: two decimals with thousands separators, "52,086.67". Figures stay numbers. */
export function formatMoneyAmount(amount: number): string {
  const cents = roundMoney(amount);
  return cents.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
