/**
 * The one eval runner behind `npm run evals` (`evals/run-evals.ts` is its entry file): runs
 * the registered suites case by case with progress, prints a table of pass rates per suite
 * and per case (failures with expected vs actual), writes `evals/report.json`, and decides
 * the exit code. Effects (output, clock, report file) are injected so tests drive it with
 * fake suites.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CaseResult, EvalCase, Failure, Suite, SuiteConclusion, SuiteOptions } from './suite.ts';

/** What the command line asked for. */
export interface RunnerOptions {
  /** `--suite NAME` (repeatable, or comma-separated); empty: every suite. */
  suites: string[];
  /** `--case ID` (repeatable, or comma-separated); empty: every case. */
  cases: string[];
  /** Every other flag, passed through to the suites (`--live`, `--record`, `--model x`...). */
  flags: Record<string, string | boolean>;
  help: boolean;
}

/** Where the runner's effects go. */
export interface RunnerIO {
  /** Standard output. */
  write(text: string): void;
  /** Standard error (usage problems). */
  error(text: string): void;
  /** True when stdout is a terminal: progress is then a single updating line. */
  isTTY: boolean;
  /** Milliseconds, for durations (default `performance.now`). */
  now?: () => number;
  /** Where to write the JSON report; null: do not write one. */
  reportPath: string | null;
}

/** One case in the report. */
export interface CaseReport {
  suite: string;
  case: string;
  description: string | null;
  pass: boolean;
  failures: Failure[];
  durationMs: number;
  dataChangedWithoutApproval: boolean;
  notes: string[];
  /** The suite's own class of the case (`CaseResult.outcome`), null when it gives none. */
  outcome: string | null;
}

/** One suite in the report. */
export interface SuiteReport {
  name: string;
  requireAllPass: boolean;
  total: number;
  passed: number;
  failed: number;
  /** passed / total, null when the suite ran no case. */
  passRate: number | null;
  durationMs: number;
  /** Set when the suite could not load its cases. */
  loadError: string | null;
  cases: CaseReport[];
  /** What the suite concluded over its cases (`Suite.conclude`), null when it has no such step or ran no case. */
  conclusion: SuiteConclusion | null;
}

/** The whole run, as written to `evals/report.json`. */
export interface EvalReport {
  version: 1;
  startedAt: string;
  durationMs: number;
  filters: { suites: string[]; cases: string[] };
  flags: Record<string, string | boolean>;
  totals: { suites: number; cases: number; passed: number; failed: number; passRate: number | null; dataChangedWithoutApproval: number };
  suites: SuiteReport[];
  exitCode: number;
  /** Why the run failed (empty when it passed). */
  reasons: string[];
}

/** A problem with the command line or the selection: exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: npm run evals -- [--suite NAME] [--case ID] [suite flags...]

  --suite NAME   run only this suite (repeatable, or comma-separated)
  --case ID      run only this case (repeatable, or comma-separated)
  --help         this text
Any other flag (--live, --record, --model NAME, --x=y) is passed to the suites.
Exit code: 0 pass; 1 a must-pass suite below 100%, a suite that could not load, data
changed without approval, or a suite's own gate (the phrasings ratchet); 2 unusable
arguments or nothing selected.`;

/** Parses the runner's arguments; unknown flags are kept for the suites. */
export function parseArgs(argv: readonly string[]): RunnerOptions {
  const options: RunnerOptions = { suites: [], cases: [], flags: {}, help: false };
  const list = (value: string): string[] =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') throw new UsageError(`unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    let value: string | undefined = eq === -1 ? undefined : arg.slice(eq + 1);
    if (value === undefined && i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) value = argv[++i]!;
    if (name === 'suite' || name === 'case') {
      if (value === undefined || list(value).length === 0) throw new UsageError(`--${name} needs a value`);
      (name === 'suite' ? options.suites : options.cases).push(...list(value));
      continue;
    }
    if (name === '') throw new UsageError(`unexpected argument '${arg}'`);
    options.flags[name] = value ?? true;
  }
  return options;
}

/** The exit code and its reasons, from the suites' results. */
export function verdict(suites: readonly SuiteReport[]): { exitCode: number; reasons: string[] } {
  const reasons: string[] = [];
  for (const s of suites) {
    if (s.loadError !== null) reasons.push(`${s.name}: could not load its cases: ${s.loadError}`);
    else if (s.requireAllPass && s.failed > 0) reasons.push(`${s.name}: ${s.passed}/${s.total} cases passed; every case of this suite must pass`);
    for (const c of s.cases) if (c.dataChangedWithoutApproval) reasons.push(`${s.name} › ${c.case}: data changed without approval`);
    for (const problem of s.conclusion?.problems ?? []) reasons.push(`${s.name}: ${problem}`);
  }
  return { exitCode: reasons.length > 0 ? 1 : 0, reasons };
}

const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const ms = (d: number): string => `${Math.round(d)} ms`;
/** Durations in the report: milliseconds to a tenth. */
const tenth = (d: number): number => Math.round(d * 10) / 10;
const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function table(rows: string[][], alignRight: ReadonlySet<number> = new Set()): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (alignRight.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The console report: pass rates per suite, every case, then the failures in detail. */
export function formatReport(report: EvalReport): string {
  const out: string[] = [];
  const suiteRows = [['Suite', 'Cases', 'Passed', 'Failed', 'Pass rate', 'Gate']];
  for (const s of report.suites) {
    suiteRows.push([
      s.name,
      String(s.total),
      String(s.passed),
      String(s.failed),
      s.loadError ? 'not loaded' : percent(s.passRate),
      s.requireAllPass ? 'every case must pass' : s.conclusion ? "no data change without approval; the suite's own gate" : 'no data change without approval',
    ]);
  }
  const t = report.totals;
  suiteRows.push(['Total', String(t.cases), String(t.passed), String(t.failed), percent(t.passRate), '']);
  out.push(table(suiteRows, new Set([1, 2, 3, 4])));

  const caseRows = [['Suite', 'Case', 'Result', 'Time']];
  for (const s of report.suites) {
    for (const c of s.cases) {
      const result =
        (c.pass ? '✓ pass' : '✗ FAIL') +
        (c.outcome !== null && c.outcome !== 'pass' ? ` (${c.outcome})` : '') +
        (c.dataChangedWithoutApproval ? ' (data changed without approval)' : '');
      caseRows.push([s.name, c.case, result, ms(c.durationMs)]);
    }
  }
  if (caseRows.length > 1) out.push('', table(caseRows, new Set([3])));
  for (const s of report.suites) if (s.conclusion && s.conclusion.lines.length > 0) out.push('', ...s.conclusion.lines);

  const failing = report.suites.flatMap((s) => [
    ...(s.loadError ? [`✗ ${s.name}: could not load its cases: ${s.loadError}`] : []),
    ...s.cases
      .filter((c) => !c.pass || c.dataChangedWithoutApproval)
      .map((c) =>
        [
          `✗ ${s.name} › ${c.case}${c.description ? ` — ${c.description}` : ''}`,
          ...c.failures.map((f) => `    ${f.field}: expected ${show(f.expected)}, actual ${show(f.actual)}`),
          ...(c.dataChangedWithoutApproval ? ['    data changed without approval'] : []),
        ].join('\n'),
      ),
  ]);
  if (failing.length > 0) out.push('', 'Failures', ...failing);
  out.push('', report.exitCode === 0 ? `PASS (${t.passed}/${t.cases} cases)` : `FAIL\n${report.reasons.map((r) => `  - ${r}`).join('\n')}`);
  return `${out.join('\n')}\n`;
}

interface Selected {
  suite: Suite;
  cases: EvalCase[];
  loadError: string | null;
}

function concludeSuite(suite: Suite, ran: ReadonlyArray<{ evalCase: EvalCase; result: CaseResult }>, options: SuiteOptions): SuiteConclusion | null {
  if (!suite.conclude || ran.length === 0) return null;
  try {
    return suite.conclude(ran, options);
  } catch (e) {
    return { lines: [], problems: [`could not conclude: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

async function runCase(suite: Suite, c: EvalCase, options: SuiteOptions): Promise<CaseResult> {
  try {
    return await suite.run(c, options);
  } catch (e) {
    return { pass: false, failures: [{ field: 'error', expected: 'the case runs', actual: e instanceof Error ? e.message : String(e) }] };
  }
}

/**
 * Runs the selected suites and cases in order, with progress on `io`, and returns the report
 * (without printing the table or writing the file: `main` does). Throws `UsageError` for an
 * unknown suite name.
 */
export async function runEvals(registry: readonly Suite[], options: RunnerOptions, io: RunnerIO): Promise<EvalReport> {
  const now = io.now ?? (() => performance.now());
  const startedAt = new Date().toISOString();
  const t0 = now();
  for (const name of options.suites) {
    if (!registry.some((s) => s.name === name)) throw new UsageError(`no suite '${name}' (suites: ${registry.map((s) => s.name).join(', ')})`);
  }
  const suiteOptions: SuiteOptions = { flags: options.flags };
  const chosen = options.suites.length > 0 ? registry.filter((s) => options.suites.includes(s.name)) : [...registry];

  const selected: Selected[] = [];
  for (const suite of chosen) {
    try {
      const all = await suite.cases(suiteOptions);
      selected.push({ suite, cases: options.cases.length > 0 ? all.filter((c) => options.cases.includes(c.id)) : all, loadError: null });
    } catch (e) {
      selected.push({ suite, cases: [], loadError: e instanceof Error ? e.message : String(e) });
    }
  }

  const total = selected.reduce((n, s) => n + s.cases.length, 0);
  const width = String(total).length;
  let done = 0;
  const suites: SuiteReport[] = [];
  for (const { suite, cases, loadError } of selected) {
    const s0 = now();
    const reports: CaseReport[] = [];
    const ran: Array<{ evalCase: EvalCase; result: CaseResult }> = [];
    for (const c of cases) {
      done++;
      const counter = `[${String(done).padStart(width)}/${total}]`;
      if (io.isTTY) io.write(`\r\x1b[2K${counter} ${suite.name} › ${c.id}`);
      const c0 = now();
      const result = await runCase(suite, c, suiteOptions);
      const report: CaseReport = {
        suite: suite.name,
        case: c.id,
        description: c.description ?? null,
        pass: result.pass && result.failures.length === 0,
        failures: result.failures,
        durationMs: tenth(now() - c0),
        dataChangedWithoutApproval: result.dataChangedWithoutApproval === true,
        notes: result.notes ?? [],
        outcome: result.outcome ?? null,
      };
      reports.push(report);
      ran.push({ evalCase: c, result });
      const mark = report.pass && !report.dataChangedWithoutApproval ? '✓' : '✗';
      if (io.isTTY) {
        if (mark === '✗') io.write(`\r\x1b[2K${counter} ${suite.name} › ${c.id} ✗\n`);
      } else {
        io.write(`${counter} ${suite.name} › ${c.id} ${mark} (${ms(report.durationMs)})\n`);
      }
    }
    const passed = reports.filter((r) => r.pass).length;
    suites.push({
      name: suite.name,
      requireAllPass: suite.requireAllPass,
      total: reports.length,
      passed,
      failed: reports.length - passed,
      passRate: reports.length === 0 ? null : passed / reports.length,
      durationMs: tenth(now() - s0),
      loadError,
      cases: reports,
      conclusion: concludeSuite(suite, ran, suiteOptions),
    });
  }
  if (io.isTTY && total > 0) io.write('\r\x1b[2K');

  const passed = suites.reduce((n, s) => n + s.passed, 0);
  const { exitCode, reasons } = verdict(suites);
  return {
    version: 1,
    startedAt,
    durationMs: tenth(now() - t0),
    filters: { suites: options.suites, cases: options.cases },
    flags: options.flags,
    totals: {
      suites: suites.length,
      cases: total,
      passed,
      failed: total - passed,
      passRate: total === 0 ? null : passed / total,
      dataChangedWithoutApproval: suites.reduce((n, s) => n + s.cases.filter((c) => c.dataChangedWithoutApproval).length, 0),
    },
    suites,
    exitCode,
    reasons,
  };
}

/**
 * The whole command: parse, run, print the table, write the report, and return the exit
 * code (0 pass, 1 fail, 2 unusable arguments or no case selected).
 */
export async function main(argv: readonly string[], registry: readonly Suite[], io: RunnerIO): Promise<number> {
  let report: EvalReport;
  try {
    const options = parseArgs(argv);
    if (options.help) {
      io.write(`${USAGE}\nSuites: ${registry.map((s) => s.name).join(', ')}\n`);
      return 0;
    }
    report = await runEvals(registry, options, io);
    if (report.totals.cases === 0 && report.suites.every((s) => s.loadError === null)) {
      throw new UsageError(
        `no case matches${options.cases.length ? ` --case ${options.cases.join(',')}` : ''}${options.suites.length ? ` in suite ${options.suites.join(',')}` : ''}`,
      );
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.error(`evals: ${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  io.write(formatReport(report));
  if (io.reportPath !== null) {
    await mkdir(dirname(io.reportPath), { recursive: true });
    await writeFile(io.reportPath, `${JSON.stringify(report, null, 2)}\n`);
    io.write(`Report: ${io.reportPath}\n`);
  }
  return report.exitCode;
}
