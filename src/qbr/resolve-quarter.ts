import { monthIndex, QUARTER_PATTERN } from '../engine/index.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { quarterOf } from './format-qbr-figures.ts';

const shift = (quarter: string, by: number): string => {
  const m = QUARTER_PATTERN.exec(quarter)!;
  const i = Number(m[1]) * 4 + Number(m[2]) - 1 + by;
  return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
};

/**
 * The quarter a QBR is for, from what people say: `2026-Q1`, `Q1 2026`, `Q1-2026`, `2026 Q1`,
 * `q1 '26`, `Q1` (the latest Q1 that has started by `currentMonth`), `this quarter`, `last
 * quarter` / `previous quarter`. Empty text means the last completed quarter, the usual
 * subject of a QBR.
 */
export function resolveQuarter(text: string | undefined, currentMonth: string): Outcome<string> {
  const current = quarterOf(currentMonth);
  const t = (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '' || t === 'last quarter' || t === 'previous quarter' || t === 'the last quarter' || t === 'last completed quarter')
    return succeed(shift(current, -1));
  if (t === 'this quarter' || t === 'current quarter' || t === 'the current quarter') return succeed(current);
  const upper = t.toUpperCase();
  if (QUARTER_PATTERN.test(upper)) return succeed(upper);
  const qFirst = /^q([1-4])(?:[ -/]*(?:'|fy)?(\d{2}|\d{4}))?$/.exec(t);
  const yFirst = /^(\d{4})[ -/]*q([1-4])$/.exec(t);
  const q = qFirst ? Number(qFirst[1]) : yFirst ? Number(yFirst[2]) : null;
  const y = qFirst ? qFirst[2] : yFirst ? yFirst[1] : undefined;
  if (q !== null) {
    if (y !== undefined) return succeed(`${y.length === 2 ? 2000 + Number(y) : Number(y)}-Q${q}`);
    const year = Math.floor(monthIndex(currentMonth) / 12);
    const candidate = `${year}-Q${q}`;
    return succeed(candidate <= current ? candidate : `${year - 1}-Q${q}`);
  }
  return failWith('invalid_argument', `'${text}' is not a quarter I understand (try "2026-Q1", "Q1 2026" or "last quarter")`);
}
