import type { Summary } from '../engine/index.ts';

const money = (n: number | null, currency: string): string =>
  n === null ? '—' : `${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
const amount = (n: number | null): string => (n === null ? '—' : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const percent = (n: number | null): string => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The summary as a readable table: the same figures as `--json`, for people. */
export function formatSummary(s: Summary): string {
  const c = s.currency;
  const realization = s.kind === 'realization';
  const head = [
    `Scenario ${s.scenario} (${s.kind}), ${s.start} + ${s.months} months, as of ${s.asOf}`,
    `Total benefit:        ${money(s.total, c)}`,
    ...(realization
      ? [
          `Realized to date:     ${money(s.realizedToDate, c)}  (measured ${money(s.measuredToDate, c)}, of it carried forward ${money(s.carriedForwardToDate, c)}; assumed ${money(s.assumedToDate, c)})`,
          `Estimated to date:    ${money(s.estimatedToDate, c)}  variance ${percent(s.varianceToDate)}`,
          `Projected total:      ${money(s.projectedTotal, c)}  projected ROI ${percent(s.projectedRoi)}`,
          `Investment to date:   ${money(s.investmentToDate, c)}  ROI to date ${percent(s.roiToDate)}`,
        ]
      : []),
    `Investment:           ${money(s.investmentTotal, c)}  ROI ${percent(s.roi)}  benefit multiple ${s.benefitMultiple === null ? '—' : `${s.benefitMultiple.toFixed(2)}x`}  payback ${s.paybackMonth ?? '—'}`,
  ];
  const months = table(
    ['Month', 'Benefit', 'Cumulative', 'Realized', 'Measured', 'Carried fwd', 'Assumed', 'Estimated'],
    s.monthly.map((m) => [
      m.month,
      amount(m.benefit),
      amount(m.cumulative),
      amount(m.realized),
      amount(m.measured),
      amount(m.carriedForward),
      amount(m.assumed),
      amount(m.estimated),
    ]),
  );
  const useCases = table(
    ['Use case / calculation', 'Total', 'Realized', 'Measured', 'Assumed', 'Estimated', 'Variance', 'Tracked', 'Metric', 'Last measured'],
    s.useCases.flatMap((u) => [
      [
        u.name,
        amount(u.total),
        amount(u.realizedToDate),
        amount(u.measuredToDate),
        amount(u.assumedToDate),
        amount(u.estimatedToDate),
        percent(u.varianceToDate),
        '',
        '',
        '',
      ],
      ...u.calculations.map((k) => [
        `  ${k.name}`,
        amount(k.total),
        amount(k.realizedToDate),
        '',
        '',
        '',
        '',
        k.tracked ? 'yes' : 'no',
        k.metric ?? '—',
        k.lastMeasured ?? '—',
      ]),
    ]),
  );
  return `${head.join('\n')}\n\n${months}\n\n${useCases}\n`;
}
