/**
 * How the offline model writes figures: money with the currency code and two decimals,
 * fractions as percentages, Markdown tables. Formatting only: every number it prints is a
 * number a tool returned.
 */

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "USD 177,566.67"; a dash for null. */
export function money(value: number | null | undefined, currency: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const [whole, cents] = Math.abs(value).toFixed(2).split('.');
  return `${value < 0 && Number(value.toFixed(2)) !== 0 ? '-' : ''}${currency} ${group(whole!)}.${cents}`;
}

/** A fraction as a percentage: 0.1008 -> "10.1%" (signed: "+10.1%"); a dash for null. */
export function percent(value: number | null | undefined, signed = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = (value * 100).toFixed(1).replace(/^-0\.0$/, '0.0');
  return `${signed && value > 0 ? '+' : ''}${text}%`;
}

/** A plain number as written by a tool (no rounding beyond float noise). */
export function plain(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A measured value in its unit: percent inputs (stored as fractions) as "22%", others "115 tickets/day". */
export function measured(value: number, unit: string): string {
  if (unit === 'percent') return `${plain(value * 100)}%`;
  return unit ? `${plain(value)} ${unit}` : plain(value);
}

/** A Markdown table. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [`| ${headers.map(cell).join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join(
    '\n',
  );
}

/** "1 proposal" / "2 proposals". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
