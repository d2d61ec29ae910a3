const formats = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}:${compact}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = compact
        ? new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 })
        : new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    } catch {
      // Not an ISO currency code: plain numbers, the code in front.
      const plain = compact
        ? new Intl.NumberFormat('en-US', { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 })
        : new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      f = { format: (n: number) => `${currency} ${plain.format(n)}` } as Intl.NumberFormat;
    }
    formats.set(key, f);
  }
  return f;
}

/** An engine money figure as text, to the cent ("$1,234,567.89"); null as "—". Display only: no arithmetic. */
export function formatMoney(value: number | null, currency: string): string {
  return value === null ? '—' : formatter(currency, false).format(value);
}

/** A money figure for chart axes ("$1.2M"). */
export function formatMoneyCompact(value: number, currency: string): string {
  return formatter(currency, true).format(value);
}

/** A fraction as a signed percentage ("+4.2%", "-10.0%"); null as "—". */
export function formatPercent(fraction: number | null): string {
  if (fraction === null) return '—';
  const pct = fraction * 100;
  return `${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`;
}
