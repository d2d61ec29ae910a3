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
  // Digit arithmetic instead of a regex match: this runs for every series entry of every
  // evaluation. Anything that is not exactly YYYY-MM still throws.
  if (text.length === 7 && text.charCodeAt(4) === 45) {
    const y = digits(text, 0, 4);
    const m = digits(text, 5, 7);
    if (y >= 0 && m >= 1 && m <= 12) return y * 12 + m - 1;
  }
  throw new Error(`not a month: ${text}`);
}

/** The decimal number in text[from, to), or -1 if a character is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const monthTexts = new Map<number, string>();

/** Month index back to `YYYY-MM`. */
export function monthText(index: number): string {
  // Memoised: summaries format every month of every window.
  const hit = monthTexts.get(index);
  if (hit !== undefined) return hit;
  const text = formatMonth(index);
  if (monthTexts.size < 12_000) monthTexts.set(index, text);
  return text;
}

function formatMonth(index: number): string {
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
