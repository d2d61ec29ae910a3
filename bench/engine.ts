/**
 * The engine benchmark (issue 2, "Performance"): a generated portfolio of business cases,
 * summarized by the engine, computed as spreadsheets by HyperFormula, and computed by a
 * hand-written JavaScript loop (the floor); the three must agree to the cent on every case
 * they all computed, on every figure each of them has (Contract 2: carried forward per
 * month and to date, per use case measured / assumed / estimated / variance to date, the
 * projection). Method and caveats: `docs/benchmarks.md`.
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { parseDocument, roundMoney, summarize, type BusinessCase } from '../src/engine/index.ts';
import { floorFigures, MAX_MONTHS, MAX_USE_CASES, planCase, runFloorCase, type FloorCase, type FloorFigures } from './hand-loop.ts';
import { caseBlock, type CaseBlock, type CellAddress } from './hyperformula-sheets.ts';
import { collectGarbage, interleavedPhases, mb, MemoryProbe, ms, phase, Stopwatch, type PhaseResult } from './measure.ts';
import { AS_OF, CALCULATIONS_PER_CASE, generatePortfolio, MONTHS, type GeneratedCase } from './portfolio.ts';

/** How much to run. */
export interface EngineBenchOptions {
  /** Portfolio sizes (business cases). */
  sizes: number[];
  /** Timed runs of parsing, and rounds of the engine and the floor in alternation (each after one warm-up run). */
  runs: number;
  /** Timed HyperFormula runs of a portfolio that fits one workbook (no warm-up: each run builds a fresh workbook). */
  hfRuns: number;
  /** Business cases per HyperFormula workbook; a bigger portfolio is run in chunks, one run. */
  hfChunk: number;
  /**
   * For a chunked portfolio: how many chunks to run (evenly spread), the time of all
   * chunks being extrapolated from them; `null` runs every chunk.
   */
  hfSampleChunks: number | null;
  /** Prints progress lines as phases finish. */
  log: (line: string) => void;
}

/** HyperFormula figures of one portfolio size. */
export interface HyperFormulaResult extends PhaseResult {
  /** Workbooks (chunks) the portfolio needs, and how many were run. */
  chunks: number;
  chunksRun: number;
  /** Wall time of each chunk run (last run). */
  chunkTimes: number[];
  /** True when `median` is extrapolated from `chunksRun` of `chunks` chunks. */
  estimated: boolean;
  cells: number;
  formulas: number;
  /** Time to turn documents into cell arrays (untimed; the spreadsheet's "file"), for the whole portfolio. */
  prepareMs: number;
  /** Cases whose HyperFormula results were checked against the engine. */
  checked: number;
}

/** Figures of one portfolio size. */
export interface SizeResult {
  size: number;
  generateMs: number;
  parse: PhaseResult;
  engine: PhaseResult;
  floor: PhaseResult;
  /** The floor with constant calculations evaluated once (informative; the goal uses `floor`). */
  floorHoisted: PhaseResult;
  hyperformula: HyperFormulaResult;
  ties: number;
  hfVsEngine: number;
  engineVsFloor: number;
}

/**
 * The engine's figures, one column per figure (money rounded to cents, as output; NaN for
 * null). Per-use-case and per-month columns use the floor's strides (`MAX_USE_CASES`,
 * `MAX_MONTHS`).
 */
interface EngineFigures extends Omit<FloorFigures, 'paybackMonth'> {
  paybackMonth: Array<string | null>;
  /** Realization months in the summary. */
  months: Int32Array;
}

/** HyperFormula's figures (NaN for cases not computed, and where it has no such cell). */
type HfFigures = Omit<FloorFigures, 'paybackMonth' | 'investmentTotal' | 'useCases'>;

/** Goal of issue 2: the engine at least this many times faster than HyperFormula. */
export const GOAL_VS_HYPERFORMULA = 20;
/** Goal of issue 2: the engine at most this many times slower than the hand-written loop. */
export const GOAL_VS_FLOOR = 3;

/**
 * HyperFormula's configuration. `smartRounding: false` makes it return raw doubles: by
 * default it rounds exported values to `precisionRounding` (10) significant digits, which
 * loses the cents of any figure above 100 million, and it snaps sums within 1e-13 of zero.
 * Everything else is the default.
 */
const HF_CONFIG = { licenseKey: 'gpl-v3', smartRounding: false } as const;

function engineFigures(size: number): EngineFigures {
  const { paybackMonth: _, ...columns } = floorFigures(size);
  return { ...columns, paybackMonth: new Array<string | null>(size).fill(null), months: new Int32Array(size) };
}

/** HyperFormula's columns, all NaN until a chunk fills its cases. */
function hfFigures(size: number): HfFigures {
  const { paybackMonth: _p, investmentTotal: _i, useCases: _u, ...columns } = floorFigures(size);
  for (const c of Object.values(columns)) c.fill(NaN);
  return columns;
}

function parseAll(generated: readonly GeneratedCase[], docs: BusinessCase[], watch: Stopwatch, probe: MemoryProbe | null): void {
  watch.start();
  for (let k = 0; k < generated.length; k++) {
    const r = parseDocument(generated[k]!.json);
    if (!r.ok) throw new Error(`case ${k} is not a valid document: ${r.error.message}`);
    docs[k] = r.value;
    if (probe && (k & 255) === 255) probe.sample();
  }
  watch.stop();
}

const orNaN = (x: number | null): number => (x === null ? NaN : x);

/** Summarizes every case and keeps its figures (the timed part of the engine phase). */
function runEngine(docs: readonly BusinessCase[], out: EngineFigures, watch: Stopwatch, probe: MemoryProbe | null): void {
  const options = { asOf: AS_OF };
  watch.start();
  for (let k = 0; k < docs.length; k++) {
    const r = summarize(docs[k]!, options);
    if (!r.ok) throw new Error(`engine: case ${k}: ${r.error.message}`);
    const s = r.value;
    out.total[k] = s.total;
    out.realizedToDate[k] = orNaN(s.realizedToDate);
    out.measuredToDate[k] = orNaN(s.measuredToDate);
    out.carriedForwardToDate[k] = orNaN(s.carriedForwardToDate);
    out.assumedToDate[k] = orNaN(s.assumedToDate);
    out.estimatedToDate[k] = orNaN(s.estimatedToDate);
    out.varianceToDate[k] = orNaN(s.varianceToDate);
    out.projectedTotal[k] = orNaN(s.projectedTotal);
    out.projectedRoi[k] = orNaN(s.projectedRoi);
    out.investmentTotal[k] = s.investmentTotal;
    out.roi[k] = orNaN(s.roi);
    out.paybackMonth[k] = s.paybackMonth;
    const uBase = k * MAX_USE_CASES;
    const useCases = Math.min(s.useCases.length, MAX_USE_CASES);
    out.useCases[k] = s.useCases.length;
    for (let u = 0; u < useCases; u++) {
      const uc = s.useCases[u]!;
      out.useCaseMeasuredToDate[uBase + u] = orNaN(uc.measuredToDate);
      out.useCaseAssumedToDate[uBase + u] = orNaN(uc.assumedToDate);
      out.useCaseEstimatedToDate[uBase + u] = orNaN(uc.estimatedToDate);
      out.useCaseVarianceToDate[uBase + u] = orNaN(uc.varianceToDate);
    }
    const mBase = k * MAX_MONTHS;
    const months = Math.min(s.monthly.length, MAX_MONTHS);
    out.months[k] = s.monthly.length;
    for (let i = 0; i < months; i++) out.carriedForward[mBase + i] = orNaN(s.monthly[i]!.carriedForward);
    if (probe && (k & 255) === 255) probe.sample();
  }
  watch.stop();
}

function runFloor(plans: readonly FloorCase[], out: FloorFigures, hoist: boolean, watch: Stopwatch, probe: MemoryProbe | null): void {
  watch.start();
  for (let k = 0; k < plans.length; k++) {
    runFloorCase(plans[k]!, out, k, hoist);
    if (probe && (k & 255) === 255) probe.sample();
  }
  watch.stop();
}

interface Prepared {
  sheets: Record<string, RawCellContent[][]>;
  blocks: CaseBlock[];
}

function prepareChunk(docs: readonly BusinessCase[], from: number, to: number): Prepared {
  const sheets: Record<string, RawCellContent[][]> = {};
  const blocks: CaseBlock[] = [];
  for (let k = from; k < to; k++) {
    const block = caseBlock(docs[k]!, AS_OF);
    sheets[`case${k}`] = block.cells;
    blocks.push(block);
  }
  return { sheets, blocks };
}

function numberAt(hf: HyperFormula, sheet: number, cell: CellAddress, k: number, what: string): number {
  const v = hf.getCellValue({ sheet, row: cell.row, col: cell.col });
  if (typeof v !== 'number') throw new Error(`HyperFormula: case ${k} ${what} is not a number: ${JSON.stringify(v)}`);
  return v;
}

/**
 * Builds and computes one chunk of the portfolio as one HyperFormula workbook (one sheet per
 * case) and reads each case's results. Only build + compute + read is timed.
 */
function runHyperFormulaChunk(prepared: Prepared, from: number, out: HfFigures, watch: Stopwatch, probe: MemoryProbe | null): void {
  watch.start();
  const hf = HyperFormula.buildFromSheets(prepared.sheets, HF_CONFIG);
  for (let i = 0; i < prepared.blocks.length; i++) {
    const k = from + i;
    const sheet = hf.getSheetId(`case${k}`);
    if (sheet === undefined) throw new Error(`HyperFormula: no sheet case${k}`);
    const r = prepared.blocks[i]!.results;
    const at = (cell: CellAddress, what: string): number => numberAt(hf, sheet, cell, k, what);
    out.total[k] = at(r.total, 'total');
    out.realizedToDate[k] = at(r.realizedToDate, 'realizedToDate');
    out.measuredToDate[k] = at(r.measuredToDate, 'measuredToDate');
    out.carriedForwardToDate[k] = at(r.carriedForwardToDate, 'carriedForwardToDate');
    out.assumedToDate[k] = at(r.assumedToDate, 'assumedToDate');
    out.estimatedToDate[k] = at(r.estimatedToDate, 'estimatedToDate');
    out.varianceToDate[k] = at(r.varianceToDate, 'varianceToDate');
    out.projectedTotal[k] = at(r.projectedTotal, 'projectedTotal');
    out.roi[k] = at(r.roi, 'roi');
    out.projectedRoi[k] = at(r.projectedRoi, 'projectedRoi');
    r.useCases.forEach((u, ui) => {
      const base = k * MAX_USE_CASES + ui;
      out.useCaseMeasuredToDate[base] = at(u.measuredToDate, 'use case measuredToDate');
      out.useCaseAssumedToDate[base] = at(u.assumedToDate, 'use case assumedToDate');
      if (u.estimatedToDate) out.useCaseEstimatedToDate[base] = at(u.estimatedToDate, 'use case estimatedToDate');
      if (u.varianceToDate) out.useCaseVarianceToDate[base] = at(u.varianceToDate, 'use case varianceToDate');
    });
    for (let m = 0; m < r.realizedCount; m++) {
      out.carriedForward[k * MAX_MONTHS + m] = at({ row: 1 + m, col: r.carriedForwardCol }, 'monthly carriedForward');
    }
  }
  watch.stop();
  probe?.sample();
  hf.destroy();
}

/** Half a cent, as the contract's "to the cent". */
const HALF_CENT = 0.005;

/**
 * Compares an unrounded figure with the engine's output (rounded to cents): they agree when
 * the unrounded one rounds to the same cents. A value within 1e-5 of a half-cent tie may
 * round either way after a different order of summation; it is accepted and counted.
 */
function compareMoney(engine: number, raw: number): 'same' | 'tie' | 'different' {
  if (roundMoney(raw) === engine) return 'same';
  const cents = Math.abs(raw) * 100;
  const tie = Math.abs(cents - Math.floor(cents) - 0.5) < 1e-3;
  return tie && Math.abs(raw - engine) <= HALF_CENT + 1e-5 ? 'tie' : 'different';
}

function monthText(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String(index - year * 12 + 1).padStart(2, '0')}`;
}

/** Money columns compared with the floor and HyperFormula (HyperFormula has all but `investmentTotal`). */
const CASE_MONEY = ['total', 'realizedToDate', 'measuredToDate', 'carriedForwardToDate', 'assumedToDate', 'estimatedToDate', 'projectedTotal'] as const;
const CASE_RATIOS = ['varianceToDate', 'roi', 'projectedRoi'] as const;
const USE_CASE_MONEY = ['useCaseMeasuredToDate', 'useCaseAssumedToDate', 'useCaseEstimatedToDate'] as const;

/**
 * Checks that the floor (and HyperFormula, where it ran: non-NaN `total`) agree with the
 * engine on every case and every figure; throws with the first differences if not. Null
 * (NaN) must meet null, except that HyperFormula writes a variance or a ratio of a zero
 * denominator as 0 (its result cell is an `IF`), so there the engine's null meets a zero
 * estimate or investment. Returns the half-cent tie count.
 */
function checkAgreement(size: number, engine: EngineFigures, floor: FloorFigures, hf: HfFigures | null): number {
  const problems: string[] = [];
  let ties = 0;
  const problem = (text: string): void => {
    if (problems.length < 12) problems.push(text);
  };
  const money = (who: string, field: string, k: number, e: number, raw: number): void => {
    if (Number.isNaN(e) || Number.isNaN(raw)) {
      if (!(Number.isNaN(e) && Number.isNaN(raw))) problem(`case ${k} ${field}: engine ${e}, ${who} ${raw}`);
      return;
    }
    const c = compareMoney(e, raw);
    if (c === 'tie') ties++;
    else if (c === 'different') problem(`case ${k} ${field}: engine ${e}, ${who} ${raw}`);
  };
  const ratio = (who: string, field: string, k: number, e: number, raw: number): void => {
    if (Number.isNaN(e) || Number.isNaN(raw)) {
      if (!(Number.isNaN(e) && Number.isNaN(raw))) problem(`case ${k} ${field}: engine ${e}, ${who} ${raw}`);
      return;
    }
    if (!(Math.abs(e - raw) <= 1e-9 * Math.max(1, Math.abs(e)))) problem(`case ${k} ${field}: engine ${e}, ${who} ${raw}`);
  };
  // HyperFormula's IF(denominator=0, 0, ...): the engine's null then meets 0.
  const hfRatio = (field: string, k: number, e: number, raw: number): void => ratio('HyperFormula', field, k, e, Number.isNaN(e) && raw === 0 ? NaN : raw);
  const hfHas = (k: number): boolean => hf !== null && !Number.isNaN(hf.total[k]!);

  for (let k = 0; k < size; k++) {
    for (const f of CASE_MONEY) money('floor', f, k, engine[f][k]!, floor[f][k]!);
    money('floor', 'investmentTotal', k, engine.investmentTotal[k]!, floor.investmentTotal[k]!);
    for (const f of CASE_RATIOS) ratio('floor', f, k, engine[f][k]!, floor[f][k]!);
    const payback = floor.paybackMonth[k]! < 0 ? null : monthText(floor.paybackMonth[k]!);
    if (payback !== engine.paybackMonth[k]) problem(`case ${k} paybackMonth: engine ${engine.paybackMonth[k]}, floor ${payback}`);
    if (engine.useCases[k] !== floor.useCases[k]) problem(`case ${k}: engine has ${engine.useCases[k]} use cases, floor ${floor.useCases[k]}`);
    for (let u = 0; u < floor.useCases[k]!; u++) {
      const at = k * MAX_USE_CASES + u;
      for (const f of USE_CASE_MONEY) money('floor', `use case ${u} ${f}`, k, engine[f][at]!, floor[f][at]!);
      ratio('floor', `use case ${u} varianceToDate`, k, engine.useCaseVarianceToDate[at]!, floor.useCaseVarianceToDate[at]!);
    }
    for (let m = 0; m < engine.months[k]!; m++) {
      const at = k * MAX_MONTHS + m;
      money('floor', `carriedForward of month ${m}`, k, engine.carriedForward[at]!, floor.carriedForward[at]!);
    }
    if (!hf || !hfHas(k)) continue;
    for (const f of CASE_MONEY) money('HyperFormula', f, k, engine[f][k]!, hf[f][k]!);
    for (const f of CASE_RATIOS) hfRatio(f, k, engine[f][k]!, hf[f][k]!);
    for (let u = 0; u < floor.useCases[k]!; u++) {
      const at = k * MAX_USE_CASES + u;
      for (const f of USE_CASE_MONEY) money('HyperFormula', `use case ${u} ${f}`, k, engine[f][at]!, hf[f][at]!);
      hfRatio(`use case ${u} varianceToDate`, k, engine.useCaseVarianceToDate[at]!, hf.useCaseVarianceToDate[at]!);
    }
    // HyperFormula has the carried-forward column for months <= asOf only; after asOf the engine's is null.
    for (let m = 0; m < engine.months[k]!; m++) {
      const at = k * MAX_MONTHS + m;
      if (!Number.isNaN(hf.carriedForward[at]!) || Number.isNaN(engine.carriedForward[at]!)) {
        money('HyperFormula', `carriedForward of month ${m}`, k, engine.carriedForward[at]!, hf.carriedForward[at]!);
      } else problem(`case ${k} carriedForward of month ${m}: engine ${engine.carriedForward[at]}, HyperFormula has none`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`the engine and the ${hf ? 'floor / HyperFormula' : 'hoisted floor'} disagree (portfolio of ${size}):\n  ${problems.join('\n  ')}`);
  }
  return ties;
}

function countCells(prepared: Prepared): { cells: number; formulas: number } {
  let cells = 0;
  let formulas = 0;
  for (const b of prepared.blocks) {
    for (const row of b.cells) {
      for (const c of row) {
        if (c === null || c === undefined) continue;
        cells++;
        if (typeof c === 'string' && c.startsWith('=')) formulas++;
      }
    }
  }
  return { cells, formulas };
}

/** Evenly spread chunk indexes: `count` of `0..chunks-1`, always including the first and the last. */
function spread(chunks: number, count: number): number[] {
  if (count >= chunks) return Array.from({ length: chunks }, (_, i) => i);
  if (count === 1) return [0];
  return [...new Set(Array.from({ length: count }, (_, i) => Math.round((i * (chunks - 1)) / (count - 1))))];
}

function benchHyperFormula(docs: readonly BusinessCase[], o: EngineBenchOptions, log: (line: string) => void): { result: HyperFormulaResult; out: HfFigures } {
  const size = docs.length;
  const chunk = Math.min(size, o.hfChunk);
  const chunks = Math.ceil(size / chunk);
  const out = hfFigures(size);
  collectGarbage();
  let t0 = performance.now();
  const first = prepareChunk(docs, 0, chunk);
  const prepareMs = ((performance.now() - t0) * size) / chunk;
  const counted = countCells(first);
  const cells = Math.round((counted.cells * size) / chunk);
  const formulas = Math.round((counted.formulas * size) / chunk);

  if (chunks === 1) {
    log(`HyperFormula: ${cells.toLocaleString('en-US')} cells (${formulas.toLocaleString('en-US')} formulas) in one workbook, ${o.hfRuns} run(s)...`);
    const p = phase('HyperFormula build + compute', o.hfRuns, (watch, probe) => runHyperFormulaChunk(first, 0, out, watch, probe), { warmup: false });
    log(`HyperFormula: median ${ms(p.median)} (cpu ${ms(p.cpuMedian)}), runs ${p.runs.map(ms).join(', ')}`);
    return {
      result: { ...p, chunks, chunksRun: 1, chunkTimes: [p.runs[p.runs.length - 1]!], estimated: false, cells, formulas, prepareMs, checked: size },
      out,
    };
  }

  const picked = o.hfSampleChunks === null ? spread(chunks, chunks) : spread(chunks, o.hfSampleChunks);
  const estimated = picked.length < chunks;
  log(
    `HyperFormula: ~${cells.toLocaleString('en-US')} cells (${formulas.toLocaleString('en-US')} formulas) in ${chunks} workbooks of ${chunk} cases; ` +
      `running ${estimated ? `chunks ${picked.join(', ')} and extrapolating` : 'all of them'}, one run...`,
  );
  const chunkTimes: number[] = [];
  const chunkCpu: number[] = [];
  const probe = (() => {
    collectGarbage();
    return new MemoryProbe();
  })();
  for (const c of picked) {
    const from = c * chunk;
    const prepared = c === 0 ? first : prepareChunk(docs, from, Math.min(size, from + chunk));
    collectGarbage();
    const watch = new Stopwatch();
    runHyperFormulaChunk(prepared, from, out, watch, probe);
    chunkTimes.push(watch.wall);
    chunkCpu.push(watch.cpu);
    log(`HyperFormula: chunk ${c} (cases ${from}..${from + prepared.blocks.length - 1}) ${ms(watch.wall)} (cpu ${ms(watch.cpu)})`);
  }
  t0 = performance.now();
  const scale = chunks / picked.length;
  const wall = chunkTimes.reduce((a, b) => a + b, 0) * scale;
  const cpu = chunkCpu.reduce((a, b) => a + b, 0) * scale;
  log(`HyperFormula: ${estimated ? 'estimated' : 'total'} ${ms(wall)} (cpu ${ms(cpu)})`);
  collectGarbage();
  return {
    result: {
      name: 'HyperFormula build + compute',
      runs: [wall],
      median: wall,
      cpuRuns: [cpu],
      cpuMedian: cpu,
      first: null,
      memory: probe.peak(),
      chunks,
      chunksRun: picked.length,
      chunkTimes,
      estimated,
      cells,
      formulas,
      prepareMs,
      checked: picked.reduce((n, c) => n + Math.min(chunk, size - c * chunk), 0),
    },
    out,
  };
}

async function benchSize(size: number, o: EngineBenchOptions): Promise<SizeResult> {
  const log = (line: string): void => o.log(`[${size.toLocaleString('en-US')}] ${line}`);
  const runsText = (p: PhaseResult): string =>
    `median ${ms(p.median)} (cpu ${ms(p.cpuMedian)}, first ${ms(p.first ?? NaN)}), runs ${p.runs.map(ms).join(', ')}`;
  collectGarbage();
  let t0 = performance.now();
  const generated = generatePortfolio(size);
  const generateMs = performance.now() - t0;
  log(`generated ${size} cases x ${CALCULATIONS_PER_CASE} calculations x ${MONTHS} months (+ a future scenario each) in ${ms(generateMs)}`);

  const docs: BusinessCase[] = new Array(size);
  const parse = phase('parseDocument', o.runs, (watch, probe) => parseAll(generated, docs, watch, probe), { warmup: true });
  log(`parseDocument: ${runsText(parse)}`);

  const engineOut = engineFigures(size);
  t0 = performance.now();
  const plans = docs.map((d, k) => planCase(d, generated[k]!, AS_OF));
  log(`floor: bound to the hand-written twins in ${ms(performance.now() - t0)} (untimed)`);
  const floorOut = floorFigures(size);
  const hoistedOut = floorFigures(size);
  log(`timing the engine and the floor in alternation, ${o.runs} rounds...`);
  const [engine, floor, floorHoisted] = interleavedPhases(
    [
      { name: 'engine summarize', run: (watch, probe) => runEngine(docs, engineOut, watch, probe) },
      { name: 'hand-written loop', run: (watch, probe) => runFloor(plans, floorOut, false, watch, probe) },
      { name: 'hand-written loop, hoisted', run: (watch, probe) => runFloor(plans, hoistedOut, true, watch, probe) },
    ],
    o.runs,
  ) as [PhaseResult, PhaseResult, PhaseResult];
  log(`engine summarize: ${runsText(engine)}`);
  log(`hand-written loop: ${runsText(floor)}`);
  log(`hand-written loop, constants hoisted: ${runsText(floorHoisted)}`);
  plans.length = 0;
  generated.length = 0;

  const { result: hyperformula, out: hfOut } = benchHyperFormula(docs, o, log);

  const ties = checkAgreement(size, engineOut, floorOut, hfOut);
  checkAgreement(size, engineOut, hoistedOut, null);
  log(
    `agreement: the engine and the floor agree to the cent on all ${size} cases, HyperFormula on the ${hyperformula.checked} it computed ` +
      `(${ties} half-cent ties)`,
  );

  return {
    size,
    generateMs,
    parse,
    engine,
    floor,
    floorHoisted,
    hyperformula,
    ties,
    hfVsEngine: hyperformula.median / engine.median,
    engineVsFloor: engine.median / floor.median,
  };
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The report of all sizes as text (a table, the ratios and the goals). */
export function formatReport(results: readonly SizeResult[]): string {
  const lines: string[] = [];
  lines.push('Engine benchmark: median wall time of the timed runs [median CPU time]; (peak heap / RSS growth over the phase)');
  lines.push('');
  const width = 38;
  const header = `${pad('', 34)}${results.map((r) => pad(`${r.size.toLocaleString('en-US')} cases`, width)).join('')}`;
  lines.push(header);
  lines.push('-'.repeat(header.length));
  const row = (label: string, f: (r: SizeResult) => string): void => {
    lines.push(`${pad(label, 34)}${results.map((r) => pad(f(r), width)).join('')}`);
  };
  const phaseRow = (label: string, pick: (r: SizeResult) => PhaseResult): void => {
    row(label, (r) => `${ms(pick(r).median)} [${ms(pick(r).cpuMedian)}] (${mb(pick(r).memory.heap)} / ${mb(pick(r).memory.rss)})`);
  };
  phaseRow('load: parseDocument', (r) => r.parse);
  phaseRow('engine: summarize', (r) => r.engine);
  row('  first (warm-up) run', (r) => ms(r.engine.first ?? NaN));
  row('  per case', (r) => `${((r.engine.median * 1000) / r.size).toFixed(1)} µs`);
  phaseRow('floor: hand-written loop', (r) => r.floor);
  phaseRow('  same, constants hoisted', (r) => r.floorHoisted);
  phaseRow('HyperFormula: build + compute', (r) => r.hyperformula);
  row('  how', (r) => {
    const h = r.hyperformula;
    if (h.chunks === 1) return `1 workbook, ${h.runs.length} run(s)`;
    return h.estimated ? `est. from ${h.chunksRun} of ${h.chunks} workbooks` : `${h.chunks} workbooks, 1 run`;
  });
  row('  cells (formulas)', (r) => `${(r.hyperformula.cells / 1e6).toFixed(2)}M (${(r.hyperformula.formulas / 1e6).toFixed(2)}M)`);
  row('  preparing cell arrays (untimed)', (r) => `${r.hyperformula.chunks > 1 ? '~' : ''}${ms(r.hyperformula.prepareMs)} for all cases`);
  lines.push('');
  row(
    'HyperFormula / engine',
    (r) => `${r.hfVsEngine.toFixed(1)}x [cpu ${(r.hyperformula.cpuMedian / r.engine.cpuMedian).toFixed(1)}x] (goal >= ${GOAL_VS_HYPERFORMULA}x)`,
  );
  row('HyperFormula / (parse + engine)', (r) => `${(r.hyperformula.median / (r.engine.median + r.parse.median)).toFixed(1)}x`);
  row('engine / floor', (r) => `${r.engineVsFloor.toFixed(2)}x [cpu ${(r.engine.cpuMedian / r.floor.cpuMedian).toFixed(2)}x] (goal <= ${GOAL_VS_FLOOR}x)`);
  row('engine / hoisted floor', (r) => `${(r.engine.median / r.floorHoisted.median).toFixed(2)}x`);
  row('agreement to the cent', (r) => `${r.size} / ${r.hyperformula.checked} cases (${r.ties} ties)`);
  lines.push('');
  for (const r of results) {
    const a = r.hfVsEngine >= GOAL_VS_HYPERFORMULA;
    const b = r.engineVsFloor <= GOAL_VS_FLOOR;
    lines.push(
      `${r.size.toLocaleString('en-US')} cases: ${a ? 'MET' : 'MISSED'}: >= ${GOAL_VS_HYPERFORMULA}x faster than HyperFormula (${r.hfVsEngine.toFixed(1)}x${r.hyperformula.estimated ? ', HyperFormula time extrapolated' : ''}); ` +
        `${b ? 'MET' : 'MISSED'}: within ${GOAL_VS_FLOOR}x of the hand-written loop (${r.engineVsFloor.toFixed(2)}x)`,
    );
  }
  lines.push(`peak RSS of the whole process: ${mb(process.resourceUsage().maxRSS * 1024)}`);
  return lines.join('\n');
}

/** Runs the benchmark at every size; returns the structured results. */
export async function runEngineBench(options: EngineBenchOptions): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, options));
  return results;
}
