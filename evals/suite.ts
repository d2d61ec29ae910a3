/**
 * What every eval suite gives the one runner (`evals/run-evals.ts`): its cases, and a way to
 * run one case into a scored result. Suites are registered in `evals/suites.ts`; the
 * calculation suite is the first, the agent-flow suite plugs in the same way.
 */

/** One thing that differs between expected and actual. */
export interface Failure {
  /** What was compared, e.g. `monthly.2026-03.realized` or `tool.arguments.month`. */
  field: string;
  expected: unknown;
  actual: unknown;
}

/** The minimum a case needs for the runner: an id unique in its suite. */
export interface EvalCase {
  id: string;
  description?: string;
}

/** A scored case. `pass` is true exactly when `failures` is empty (the scorer's job). */
export interface CaseResult {
  pass: boolean;
  failures: Failure[];
  /**
   * Set by suites that drive approvals (agent flows): true when data changed before a human
   * approved. Any such case makes the whole run fail, whatever its pass rate.
   */
  dataChangedWithoutApproval?: boolean;
  /** Free-form lines worth reading in the report (e.g. which recording was replayed). */
  notes?: string[];
  /**
   * A suite's own class of the case when pass/fail says too little (the phrasings suite:
   * `pass`, `safe`, `wrong`, `miss`); shown next to the result and kept in the report.
   */
  outcome?: string;
}

/** What a suite concludes from all its cases of a run (see `Suite.conclude`). */
export interface SuiteConclusion {
  /** Lines printed under the case table, e.g. a score per class. */
  lines: string[];
  /** Why the run must fail because of this suite (empty: it may pass), each one sentence. */
  problems: string[];
}

/**
 * Options the runner passes to every suite. `flags` holds every command-line flag the runner
 * does not use itself (`--live` -> `{ live: true }`, `--model gpt-x` -> `{ model: 'gpt-x' }`),
 * so a suite can add flags without touching the runner.
 */
export interface SuiteOptions {
  flags: Readonly<Record<string, string | boolean>>;
}

/** An eval suite. Method syntax on purpose: a `Suite<MyCase>` is a `Suite` in the registry. */
export interface Suite<C extends EvalCase = EvalCase> {
  /** Short name used by `--suite` and in the report, e.g. `calculation`. */
  name: string;
  /** When true, the run exits non-zero unless every case of this suite passes. */
  requireAllPass: boolean;
  /** Loads the cases (may read files; a problem with a case file should throw, naming it). */
  cases(options: SuiteOptions): Promise<C[]> | C[];
  /** Runs and scores one case. Throwing counts as a failed case (the runner catches it). */
  run(evalCase: C, options: SuiteOptions): Promise<CaseResult>;
  /**
   * Optional: a judgement over every case that ran (a score table, a ratchet against a
   * baseline). Its problems fail the run like a must-pass suite below 100%.
   */
  conclude?(results: ReadonlyArray<{ evalCase: C; result: CaseResult }>, options: SuiteOptions): SuiteConclusion;
}
