/**
 * The benchmark portfolio as spreadsheets for HyperFormula: each business case becomes a
 * block of cells laid out the way a value engineer would build it in Excel.
 *
 * Block layout (row 0 is a header row, rows 1..months are the months of a scenario):
 * - realization scenario, then future scenario, side by side; for each:
 *   - one column per input: a constant input is a single header cell referenced absolutely
 *     (`$C$1`); a measured input is a column with its value in every month (carry-forward
 *     already filled in, as a person would type or fill down);
 *   - the future scenario's ramp factor as a column of numbers;
 *   - one column per calculation: the formula per month (`/12` for annual, `* factor` for
 *     a ramped future scenario);
 *   - a benefit column: `=SUM(...)` of the calculation columns of that month;
 * - in the realization, a carried-forward column: in each month <= `asOf`, the sum of the
 *   tracked calculations whose metric's value that month comes from an earlier entry;
 * - result cells in the header row: total `=SUM(benefit)`; measured and assumed to date (a
 *   `SUM` over each calculation's realized range: from its metric's first measurement for
 *   a tracked one, from the window's start for an untracked one, through `asOf`), per use
 *   case and in all; realized to date; carried forward to date (`SUM` of its column);
 *   estimated to date (`SUM` over the future benefit rows aligned with the realization's
 *   months <= `asOf`), per use case (the future use case of the same id) and in all;
 *   variances; the projection (realized to date + the benefit rows after `asOf`); ROI and
 *   projected ROI. A calculation is tracked when it has a `metric` that is a time-series
 *   input (Contract 2); other series are changing assumptions.
 *
 * Formulas are translated from the engine's formula language with the engine's own parser
 * (bench code only: `if` -> `IF`, `==` -> `=`, `!=` -> `<>`, every operation parenthesised).
 */
import type { RawCellContent } from 'hyperformula';
import { parseFormula, type BusinessCase, type FormulaNode, type Scenario } from '../src/engine/index.ts';

/** A cell of a block. */
export interface CellAddress {
  row: number;
  col: number;
}

/** Where to read one realization use case's results. */
export interface UseCaseCells {
  measuredToDate: CellAddress;
  assumedToDate: CellAddress;
  /** Null when the future scenario has no use case with its id. */
  estimatedToDate: CellAddress | null;
  varianceToDate: CellAddress | null;
}

/** Where to read a case's results in its block. */
export interface ResultCells {
  total: CellAddress;
  realizedToDate: CellAddress;
  measuredToDate: CellAddress;
  carriedForwardToDate: CellAddress;
  assumedToDate: CellAddress;
  estimatedToDate: CellAddress;
  varianceToDate: CellAddress;
  projectedTotal: CellAddress;
  roi: CellAddress;
  projectedRoi: CellAddress;
  useCases: UseCaseCells[];
  /** Carried-forward benefit of realization month i (i < `realizedCount`) is at row `1 + i` of this column. */
  carriedForwardCol: number;
  realizedCount: number;
}

/** One case as a block of raw cell contents. */
export interface CaseBlock {
  cells: RawCellContent[][];
  results: ResultCells;
}

const month = (text: string): number => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;

/** Spreadsheet column name of a 0-based column index (0 -> A, 26 -> AA). */
export function columnName(index: number): string {
  let s = '';
  let i = index + 1;
  while (i > 0) {
    const r = (i - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    i = Math.floor((i - 1) / 26);
  }
  return s;
}

type Segment = string | { key: string };

/** Formula AST to Excel text segments; references stay symbolic until a row is known. */
function toExcel(node: FormulaNode, out: Segment[]): void {
  switch (node.kind) {
    case 'number':
      out.push(String(node.value));
      return;
    case 'ref':
      out.push({ key: node.name });
      return;
    case 'unary':
      out.push('(-');
      toExcel(node.arg, out);
      out.push(')');
      return;
    case 'binary': {
      const op = node.op === '==' ? '=' : node.op === '!=' ? '<>' : node.op;
      out.push('(');
      toExcel(node.left, out);
      out.push(op);
      toExcel(node.right, out);
      out.push(')');
      return;
    }
    case 'call':
      out.push(`${node.name.toUpperCase()}(`);
      node.args.forEach((a, i) => {
        if (i > 0) out.push(',');
        toExcel(a, out);
      });
      out.push(')');
      return;
  }
}

/** One calculation's column and what its months claim. */
interface CalcColumn {
  col: number;
  /** Index of its use case in the scenario. */
  useCase: number;
  /** It has a `metric` that is a time-series input. */
  tracked: boolean;
  /** Entry months (month indexes) of its metric, ascending; empty when untracked. */
  metricMonths: number[];
}

interface Placed {
  /** Column of the benefit (sum) column. */
  benefitCol: number;
  calcCols: CalcColumn[];
  nextCol: number;
}

function entriesOf(series: Scenario['useCases'][number]['inputs'][number]['series']): Array<readonly [number, number]> {
  return Object.entries(series ?? {})
    .map(([m, e]) => [month(m), typeof e === 'number' ? e : e.value] as const)
    .sort((a, b) => a[0] - b[0]);
}

/** Lays one scenario out from column `col0`, writing into `cells` (rows relative to `row0`). */
function placeScenario(cells: RawCellContent[][], row0: number, col0: number, s: Scenario): Placed {
  const n = s.months;
  const start = month(s.start);
  const headerRow = row0 + 1; // 1-based row number of the header, for absolute references
  let col = col0;
  const set = (r: number, c: number, v: RawCellContent): void => {
    cells[r]![c] = v;
  };

  type Cell = { col: number; perMonth: boolean };
  const layouts: Array<Map<string, Cell>> = [];
  for (const u of s.useCases) {
    const map = new Map<string, Cell>();
    for (const inp of u.inputs) {
      const entries = entriesOf(inp.series);
      if (entries.length === 0) {
        set(0, col, inp.value);
        map.set(inp.key, { col, perMonth: false });
      } else {
        let j = -1;
        for (let i = 0; i < n; i++) {
          while (j + 1 < entries.length && entries[j + 1]![0] <= start + i) j++;
          set(1 + i, col, j < 0 ? inp.value : entries[j]![1]);
        }
        map.set(inp.key, { col, perMonth: true });
      }
      col++;
    }
    layouts.push(map);
  }

  let factorCol = -1;
  if ((s.ramp ?? []).length > 0) {
    factorCol = col++;
    for (let i = 0; i < n; i++) set(1 + i, factorCol, 1);
    for (const r of s.ramp ?? []) {
      const from = Math.max(month(r.from) - start, 0);
      const to = Math.min(month(r.to) - start, n - 1);
      for (let i = from; i <= to; i++) set(1 + i, factorCol, r.factor);
    }
  }

  const calcCols: CalcColumn[] = [];
  const firstCalcCol = col;
  s.useCases.forEach((u, ui) => {
    const layout = layouts[ui]!;
    for (const calc of u.calculations) {
      const parsed = parseFormula(calc.formula);
      if (!parsed.ok) throw new Error(`unparseable formula ${calc.formula}`);
      const segments: Segment[] = [];
      toExcel(parsed.ast, segments);
      const metric = calc.metric === undefined ? undefined : u.inputs.find((inp) => inp.key === calc.metric);
      const tracked = metric?.series !== undefined;
      for (let i = 0; i < n; i++) {
        const row = row0 + 2 + i; // 1-based row of month i
        let text = '=';
        for (const seg of segments) {
          if (typeof seg === 'string') text += seg;
          else {
            const cell = layout.get(seg.key)!;
            text += cell.perMonth ? `${columnName(cell.col)}${row}` : `$${columnName(cell.col)}$${headerRow}`;
          }
        }
        if (calc.period === 'annual') text += '/12';
        if (factorCol >= 0) text = `=(${text.slice(1)})*${columnName(factorCol)}${row}`;
        set(1 + i, col, text);
      }
      calcCols.push({ col, useCase: ui, tracked, metricMonths: tracked ? entriesOf(metric!.series).map((e) => e[0]) : [] });
      col++;
    }
  });
  const benefitCol = col++;
  for (let i = 0; i < n; i++) {
    const row = row0 + 2 + i;
    set(1 + i, benefitCol, calcCols.length === 0 ? 0 : `=SUM(${columnName(firstCalcCol)}${row}:${columnName(col - 2)}${row})`);
  }
  return { benefitCol, calcCols, nextCol: col };
}

/** `=a+b+...` of formula terms, or 0 when there are none. */
function sumOf(terms: readonly string[]): RawCellContent {
  return terms.length === 0 ? 0 : `=${terms.join('+')}`;
}

/**
 * One business case as a block of cells starting at row `row0` (0-based; its header row is
 * `row0`), summarized as of `asOf` against the realization's `basedOn` scenario.
 */
export function caseBlock(doc: BusinessCase, asOf: string, row0 = 0): CaseBlock {
  const realization = doc.scenarios.find((s) => s.kind === 'realization')!;
  const future = doc.scenarios.find((s) => s.id === realization.basedOn)!;
  const rows = Math.max(realization.months, future.months) + 1;
  const cells: RawCellContent[][] = Array.from({ length: rows }, () => []);
  const r = placeScenario(cells, row0, 0, realization);
  const f = placeScenario(cells, row0, r.nextCol, future);
  const first = row0 + 2; // 1-based row of month 0
  const header = row0 + 1; // 1-based row of the header
  const rStart = month(realization.start);
  const fStart = month(future.start);
  const n = realization.months;
  const realizedCount = Math.max(0, Math.min(n, month(asOf) - rStart + 1));
  const range = (col: number, a: number, b: number): string => `${columnName(col)}${first + a}:${columnName(col)}${first + b}`;
  const ref = (c: CellAddress): string => `${columnName(c.col)}${c.row + 1}`;
  let col = f.nextCol;
  const result = (content: RawCellContent): CellAddress => {
    const at = { row: row0, col: col++ };
    cells[0]![at.col] = content;
    return at;
  };

  // Carried-forward months of each tracked calculation, in a column of their own.
  const carriedForwardCol = col++;
  for (let i = 0; i < realizedCount; i++) {
    const m = rStart + i;
    const terms: string[] = [];
    for (const c of r.calcCols) {
      if (!c.tracked) continue;
      let latest = -Infinity;
      for (const e of c.metricMonths) if (e <= m) latest = e;
      if (latest !== -Infinity && latest !== m) terms.push(`${columnName(c.col)}${first + i}`);
    }
    cells[1 + i]![carriedForwardCol] = sumOf(terms);
  }

  // Realized ranges: a tracked calculation from its metric's first entry, an untracked one
  // from the window's start, through asOf.
  const useCaseCount = realization.useCases.length;
  const measuredTerms: string[][] = Array.from({ length: useCaseCount }, () => []);
  const assumedTerms: string[][] = Array.from({ length: useCaseCount }, () => []);
  for (const c of r.calcCols) {
    const from = c.tracked ? (c.metricMonths.length === 0 ? Infinity : Math.max(c.metricMonths[0]! - rStart, 0)) : 0;
    if (from >= realizedCount) continue;
    (c.tracked ? measuredTerms : assumedTerms)[c.useCase]!.push(`SUM(${range(c.col, from, realizedCount - 1)})`);
  }

  // Future rows aligned with realization months 0..realizedCount-1 (calendar alignment).
  const j0 = Math.max(0, rStart - fStart);
  const j1 = Math.min(future.months - 1, rStart + realizedCount - 1 - fStart);
  const useCases: UseCaseCells[] = realization.useCases.map((u, ui) => {
    const measuredToDate = result(sumOf(measuredTerms[ui]!));
    const assumedToDate = result(sumOf(assumedTerms[ui]!));
    const twin = future.useCases.findIndex((fu) => fu.id === u.id);
    if (twin < 0) return { measuredToDate, assumedToDate, estimatedToDate: null, varianceToDate: null };
    const estimateTerms = j1 >= j0 ? f.calcCols.filter((c) => c.useCase === twin).map((c) => `SUM(${range(c.col, j0, j1)})`) : [];
    const estimatedToDate = result(sumOf(estimateTerms));
    const est = ref(estimatedToDate);
    const varianceToDate = result(`=IF(${est}=0,0,(${ref(measuredToDate)}+${ref(assumedToDate)})/${est}-1)`);
    return { measuredToDate, assumedToDate, estimatedToDate, varianceToDate };
  });

  const total = result(`=SUM(${range(r.benefitCol, 0, n - 1)})`);
  const measuredToDate = result(sumOf(useCases.map((u) => ref(u.measuredToDate))));
  const assumedToDate = result(sumOf(useCases.map((u) => ref(u.assumedToDate))));
  const realizedToDate = result(`=${ref(measuredToDate)}+${ref(assumedToDate)}`);
  const carriedForwardToDate = result(realizedCount === 0 ? 0 : `=SUM(${range(carriedForwardCol, 0, realizedCount - 1)})`);
  const estimatedToDate = result(j1 >= j0 ? `=SUM(${range(f.benefitCol, j0, j1)})` : 0);
  const varianceToDate = result(`=IF(${ref(estimatedToDate)}=0,0,${ref(realizedToDate)}/${ref(estimatedToDate)}-1)`);
  const projectedTotal = result(realizedCount < n ? `=${ref(realizedToDate)}+SUM(${range(r.benefitCol, realizedCount, n - 1)})` : `=${ref(realizedToDate)}`);

  let investmentTotal = 0;
  for (const item of realization.investment ?? []) {
    const times = item.recurrence === 'monthly' ? n : item.recurrence === 'annual' ? Math.ceil(n / 12) : 1;
    investmentTotal += item.amount * times;
  }
  const invest = `${columnName(col++)}${header}`;
  cells[0]![col - 1] = investmentTotal;
  const roi = result(`=IF(${invest}=0,0,(${ref(total)}-${invest})/${invest})`);
  const projectedRoi = result(`=IF(${invest}=0,0,(${ref(projectedTotal)}-${invest})/${invest})`);

  // Fill holes so every row is a dense array (HyperFormula accepts sparse, but be explicit).
  for (const row of cells) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  return {
    cells,
    results: {
      total,
      realizedToDate,
      measuredToDate,
      carriedForwardToDate,
      assumedToDate,
      estimatedToDate,
      varianceToDate,
      projectedTotal,
      roi,
      projectedRoi,
      useCases,
      carriedForwardCol,
      realizedCount,
    },
  };
}
