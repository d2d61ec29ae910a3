/**
 * Calendar months as `YYYY-MM` strings and as integer indexes (year * 12 + month - 1), so
 * month arithmetic is integer arithmetic and never touches a clock or time zone.
 */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True when `text` is a valid `YYYY-MM` month. */
export function isMonth(text: string): boolean {
  return MONTH_PATTERN.test(text);
}

/** `YYYY-MM` to its month index; the caller has validated the text. */
export function monthIndex(text: string): number {
  const match = MONTH_PATTERN.exec(text);
  if (!match) throw new Error(`not a month: ${text}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** Month index back to `YYYY-MM`. */
export function monthText(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** `YYYY-MM` plus `count` months. */
export function addMonths(text: string, count: number): string {
  return monthText(monthIndex(text) + count);
}

/** The last month of a window that starts at `start` and lasts `months` months. */
export function windowEnd(start: string, months: number): string {
  return addMonths(start, months - 1);
}

/** Human-readable month, e.g. `Oct 2025`, for messages and tables. */
export function monthLabel(text: string): string {
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const index = monthIndex(text);
  return `${names[index % 12]} ${Math.floor(index / 12)}`;
}
