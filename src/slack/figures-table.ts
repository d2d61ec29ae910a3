import type { Figures } from '../engine/index.ts';
import { formatMoney } from '../format/format-money.ts';

const LABEL = 20;
const VALUE = 15;

const cut = (s: string, n: number): string => (s.length <= n ? s.padEnd(n) : `${s.slice(0, n - 1)}…`);

/**
 * The engine's before/after figures as a fixed-width table (for a code block, narrow enough
 * for a phone): total and realized to date, then each use case's name on its own line with
 * its total and realized to date. Every number is one the engine computed; nothing is derived
 * here. `before` null (a new scenario) shows "—".
 */
export function figuresTable(before: Figures | null, after: Figures, currency: string): string {
  type Row = [string, number | null, number | null] | [string];
  const rows: Row[] = [
    ['Total benefit', before?.total ?? null, after.total],
    ['Realized to date', before?.realizedToDate ?? null, after.realizedToDate],
  ];
  const useCase = (name: string, b: Figures['useCases'][number] | undefined, a: Figures['useCases'][number] | undefined) => {
    rows.push([name]);
    rows.push(['  total', b?.total ?? null, a?.total ?? null]);
    if ((a && a.realizedToDate !== null) || (b && b.realizedToDate !== null))
      rows.push(['  realized to date', b?.realizedToDate ?? null, a?.realizedToDate ?? null]);
  };
  for (const u of after.useCases)
    useCase(
      u.name,
      before?.useCases.find((x) => x.id === u.id),
      u,
    );
  for (const b of before?.useCases ?? []) {
    if (!after.useCases.some((u) => u.id === b.id)) useCase(b.name, b, undefined);
  }
  const header = `${''.padEnd(LABEL)} ${'Before'.padStart(VALUE)} ${'After'.padStart(VALUE)}`;
  const lines = rows.map((r) =>
    r.length === 1
      ? cut(r[0], 2 * VALUE + LABEL + 2).trimEnd()
      : `${cut(r[0], LABEL)} ${formatMoney(r[1], currency).padStart(VALUE)} ${formatMoney(r[2], currency).padStart(VALUE)}`,
  );
  return [header, ...lines].join('\n');
}
