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
 * - result cells in the header row: total `=SUM(benefit)`, realized to date (a `SUM`
 *   over each calculation's realized range: from its first measurement for a tracked one,
 *   through `asOf`), estimated to date (`SUM` over the future benefit rows aligned with
 *   the realization's months <= `asOf`), and ROI.
 *
 * Formulas are translated from the engine's formula language with the engine's own parser
 * (bench code only: `if` -> `IF`, `==` -> `=`, `!=` -> `<>`, every operation parenthesised).
 */
import type { RawCellContent } from 'hyperformula';
import { parseFormula, type BusinessCase, type FormulaNode, type Scenario } from '../src/engine/index.ts';

/** Where to read a case's results in its block. */
export interface ResultCells {
  total: { row: number; col: number };
  realizedToDate: { row: number; col: number };
  estimatedToDate: { row: number; col: number };
  roi: { row: number; col: number };
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

interface Placed {
  /** Column of the benefit (sum) column. */
  benefitCol: number;
  /** Columns of the calculations, with their realized start month offset (or null: never realized). */
  calcCols: Array<{ col: number; from: number }>;
  nextCol: number;
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

  type Cell = { col: number; perMonth: boolean; series: boolean; first: number };
  const layouts: Array<Map<string, Cell>> = [];
  for (const u of s.useCases) {
    const map = new Map<string, Cell>();
    for (const inp of u.inputs) {
      const entries = Object.entries(inp.series ?? {})
        .map(([m, e]) => [month(m), typeof e === 'number' ? e : e.value] as const)
        .sort((a, b) => a[0] - b[0]);
      if (entries.length === 0) {
        set(0, col, inp.value);
        map.set(inp.key, { col, perMonth: false, series: inp.series !== undefined, first: Infinity });
      } else {
        let j = -1;
        for (let i = 0; i < n; i++) {
          while (j + 1 < entries.length && entries[j + 1]![0] <= start + i) j++;
          set(1 + i, col, j < 0 ? inp.value : entries[j]![1]);
        }
        map.set(inp.key, { col, perMonth: true, series: true, first: entries[0]![0] });
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

  const calcCols: Placed['calcCols'] = [];
  const firstCalcCol = col;
  s.useCases.forEach((u, ui) => {
    const layout = layouts[ui]!;
    for (const calc of u.calculations) {
      const parsed = parseFormula(calc.formula);
      if (!parsed.ok) throw new Error(`unparseable formula ${calc.formula}`);
      const segments: Segment[] = [];
      toExcel(parsed.ast, segments);
      let tracked = false;
      let first = Infinity;
      for (const seg of segments) {
        if (typeof seg === 'string') continue;
        const cell = layout.get(seg.key)!;
        if (cell.series) tracked = true;
        first = Math.min(first, cell.first);
      }
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
      calcCols.push({ col, from: tracked ? (first === Infinity ? Infinity : first - start) : 0 });
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
  const rStart = month(realization.start);
  const fStart = month(future.start);
  const realizedCount = Math.max(0, Math.min(realization.months, month(asOf) - rStart + 1));

  let col = f.nextCol;
  const total = { row: row0, col: col++ };
  cells[0]![total.col] = `=SUM(${columnName(r.benefitCol)}${first}:${columnName(r.benefitCol)}${first + realization.months - 1})`;

  const realizedTerms: string[] = [];
  for (const c of r.calcCols) {
    const from = c.from;
    if (from === Infinity || from >= realizedCount) continue;
    const a = Math.max(from, 0);
    realizedTerms.push(`SUM(${columnName(c.col)}${first + a}:${columnName(c.col)}${first + realizedCount - 1})`);
  }
  const realizedToDate = { row: row0, col: col++ };
  cells[0]![realizedToDate.col] = realizedTerms.length === 0 ? 0 : `=${realizedTerms.join('+')}`;

  // Future rows aligned with realization months 0..realizedCount-1 (calendar alignment).
  const j0 = Math.max(0, rStart - fStart);
  const j1 = Math.min(future.months - 1, rStart + realizedCount - 1 - fStart);
  const estimatedToDate = { row: row0, col: col++ };
  cells[0]![estimatedToDate.col] = j1 >= j0 ? `=SUM(${columnName(f.benefitCol)}${first + j0}:${columnName(f.benefitCol)}${first + j1})` : 0;

  let investmentTotal = 0;
  for (const item of realization.investment ?? []) {
    const times = item.recurrence === 'monthly' ? realization.months : item.recurrence === 'annual' ? Math.ceil(realization.months / 12) : 1;
    investmentTotal += item.amount * times;
  }
  const investCol = col++;
  cells[0]![investCol] = investmentTotal;
  const roi = { row: row0, col: col++ };
  cells[0]![roi.col] = `=IF(${columnName(investCol)}${row0 + 1}=0,0,(${columnName(total.col)}${row0 + 1}-${columnName(investCol)}${row0 + 1})/${columnName(investCol)}${row0 + 1})`;

  // Fill holes so every row is a dense array (HyperFormula accepts sparse, but be explicit).
  for (const row of cells) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  return { cells, results: { total, realizedToDate, estimatedToDate, roi } };
}
