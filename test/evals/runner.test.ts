/**
 * The eval runner (evals/runner.ts) with fake suites: selection, flags passed through to the
 * suites, progress, the report file, and the exit code (a must-pass suite below 100%, any
 * data change without approval, or a problem a suite's own conclusion finds fails the run; a
 * flow suite below 100% alone does not).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main, parseArgs, runEvals, UsageError, type EvalReport, type RunnerIO } from '../../evals/runner.ts';
import type { CaseResult, EvalCase, Suite, SuiteOptions } from '../../evals/suite.ts';

interface FakeCase extends EvalCase {
  result: CaseResult | 'throw';
}

function fakeSuite(name: string, requireAllPass: boolean, results: Array<CaseResult | 'throw'>, seen: SuiteOptions[] = []): Suite<FakeCase> {
  return {
    name,
    requireAllPass,
    cases: (options) => {
      seen.push(options);
      return results.map((result, i) => ({ id: `${name}-${i + 1}`, description: `case ${i + 1}`, result }));
    },
    run: async (c, options) => {
      seen.push(options);
      if (c.result === 'throw') throw new Error('model server unreachable');
      return c.result;
    },
  };
}

const PASS: CaseResult = { pass: true, failures: [] };
const FAIL: CaseResult = { pass: false, failures: [{ field: 'total', expected: 100, actual: 99 }] };
const CHANGED: CaseResult = { pass: true, failures: [], dataChangedWithoutApproval: true };

function fakeIO(isTTY = false, reportPath: string | null = null): RunnerIO & { out: string; err: string } {
  let t = 0;
  const io = {
    out: '',
    err: '',
    isTTY,
    reportPath,
    now: () => (t += 5),
    write: (text: string) => {
      io.out += text;
    },
    error: (text: string) => {
      io.err += text;
    },
  };
  return io;
}

const run = (suites: Suite[], argv: string[] = [], io = fakeIO()): Promise<EvalReport> => runEvals(suites, parseArgs(argv), io);

describe('parseArgs', () => {
  it('takes --suite and --case (repeatable, comma-separated) and passes every other flag through', () => {
    expect(parseArgs(['--suite', 'calculation', '--case=a,b', '--case', 'c', '--live', '--record', '--model', 'gpt-x', '--temperature=0'])).toEqual({
      suites: ['calculation'],
      cases: ['a', 'b', 'c'],
      flags: { live: true, record: true, model: 'gpt-x', temperature: '0' },
      help: false,
    });
  });

  it('refuses stray arguments and a --suite without a name', () => {
    expect(() => parseArgs(['calculation'])).toThrow(UsageError);
    expect(() => parseArgs(['--suite'])).toThrow(/--suite needs a value/);
    expect(parseArgs(['-h']).help).toBe(true);
  });
});

describe('exit code', () => {
  it('is 0 when every case passes', async () => {
    const report = await run([fakeSuite('calculation', true, [PASS, PASS])]);
    expect(report.exitCode).toBe(0);
    expect(report.reasons).toEqual([]);
    expect(report.totals).toEqual({ suites: 1, cases: 2, passed: 2, failed: 0, passRate: 1, dataChangedWithoutApproval: 0 });
  });

  it('is non-zero when a must-pass suite (calculation correctness) is below 100%', async () => {
    const report = await run([fakeSuite('calculation', true, [PASS, FAIL, PASS])]);
    expect(report.exitCode).toBe(1);
    expect(report.reasons).toEqual(['calculation: 2/3 cases passed; every case of this suite must pass']);
    expect(report.suites[0]!.passRate).toBeCloseTo(2 / 3, 12);
  });

  it('stays 0 when only a suite that need not pass everything (agent flows) is below 100%', async () => {
    const report = await run([fakeSuite('calculation', true, [PASS]), fakeSuite('agent-flow', false, [PASS, FAIL])]);
    expect(report.exitCode).toBe(0);
    expect(report.totals.failed).toBe(1);
  });

  it('is non-zero when any case let data change without approval, even a passing one', async () => {
    const report = await run([fakeSuite('calculation', true, [PASS]), fakeSuite('agent-flow', false, [PASS, CHANGED])]);
    expect(report.exitCode).toBe(1);
    expect(report.reasons).toEqual(['agent-flow › agent-flow-2: data changed without approval']);
    expect(report.totals.dataChangedWithoutApproval).toBe(1);
  });

  it('counts a case that throws as failed, and a suite that cannot load its cases as a failure', async () => {
    const broken: Suite = { name: 'broken', requireAllPass: false, cases: () => Promise.reject(new Error('cases/x.json: not JSON')), run: async () => PASS };
    const report = await run([fakeSuite('agent-flow', false, ['throw']), broken]);
    expect(report.suites[0]!.cases[0]!.failures).toEqual([{ field: 'error', expected: 'the case runs', actual: 'model server unreachable' }]);
    expect(report.suites[1]!.loadError).toBe('cases/x.json: not JSON');
    expect(report.exitCode).toBe(1);
    expect(report.reasons).toEqual(['broken: could not load its cases: cases/x.json: not JSON']);
  });

  it('a result claiming pass with failures is a failure', async () => {
    const report = await run([fakeSuite('calculation', true, [{ pass: true, failures: [{ field: 'x', expected: 1, actual: 2 }] }])]);
    expect(report.suites[0]!.cases[0]!.pass).toBe(false);
    expect(report.exitCode).toBe(1);
  });
});

describe('selection and flags', () => {
  it('--suite and --case select what runs; suites receive the unknown flags', async () => {
    const seen: SuiteOptions[] = [];
    const suites = [fakeSuite('calculation', true, [PASS, FAIL]), fakeSuite('agent-flow', false, [PASS], seen)];
    const report = await run(suites, ['--suite', 'agent-flow', '--live', '--record']);
    expect(report.suites.map((s) => s.name)).toEqual(['agent-flow']);
    expect(seen.every((o) => o.flags['live'] === true && o.flags['record'] === true)).toBe(true);

    const one = await run(suites, ['--case', 'calculation-1']);
    expect(one.suites.map((s) => s.cases.map((c) => c.case))).toEqual([['calculation-1'], []]);
    expect(one.exitCode).toBe(0);
  });

  it('an unknown suite is a usage error (exit 2), and so is a selection without cases', async () => {
    const io = fakeIO();
    expect(await main(['--suite', 'nope'], [fakeSuite('calculation', true, [PASS])], io)).toBe(2);
    expect(io.err).toContain("no suite 'nope' (suites: calculation)");
    const io2 = fakeIO();
    expect(await main(['--case', 'missing'], [fakeSuite('calculation', true, [PASS])], io2)).toBe(2);
    expect(io2.err).toContain('no case matches --case missing');
  });
});

describe('output', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints a progress line per case, the tables, the failures with expected vs actual, and writes the report', async () => {
    dir = await mkdtemp(join(tmpdir(), 'evals-'));
    const reportPath = join(dir, 'nested', 'report.json');
    const io = fakeIO(false, reportPath);
    const code = await main([], [fakeSuite('calculation', true, [PASS, FAIL]), fakeSuite('agent-flow', false, [CHANGED])], io);
    expect(code).toBe(1);
    expect(io.out).toContain(
      '[1/3] calculation › calculation-1 ✓ (5 ms)\n[2/3] calculation › calculation-2 ✗ (5 ms)\n[3/3] agent-flow › agent-flow-1 ✗ (5 ms)\n',
    );
    expect(io.out).toMatch(/calculation +2 +1 +1 +50\.0% +every case must pass/);
    expect(io.out).toMatch(/agent-flow +1 +1 +0 +100\.0%/);
    expect(io.out).toMatch(/Total +3 +2 +1 +66\.7%/);
    expect(io.out).toContain('✗ calculation › calculation-2 — case 2\n    total: expected 100, actual 99');
    expect(io.out).toContain('✗ agent-flow › agent-flow-1 — case 1\n    data changed without approval');
    expect(io.out).toContain(
      'FAIL\n  - calculation: 1/2 cases passed; every case of this suite must pass\n  - agent-flow › agent-flow-1: data changed without approval',
    );

    const report = JSON.parse(await readFile(reportPath, 'utf8')) as EvalReport;
    expect(report.exitCode).toBe(1);
    expect(report.suites[0]!.cases[1]).toMatchObject({ suite: 'calculation', case: 'calculation-2', pass: false, failures: FAIL.failures, durationMs: 5 });
    expect(report.totals).toEqual({ suites: 2, cases: 3, passed: 2, failed: 1, passRate: 2 / 3, dataChangedWithoutApproval: 1 });
  });

  it('on a terminal, progress is one updating line; failing cases stay on screen', async () => {
    const io = fakeIO(true);
    await run([fakeSuite('calculation', true, [PASS, FAIL])], [], io);
    expect(io.out).toBe(
      '\r\x1b[2K[1/2] calculation › calculation-1\r\x1b[2K[2/2] calculation › calculation-2\r\x1b[2K[2/2] calculation › calculation-2 ✗\n\r\x1b[2K',
    );
  });
});

describe("a suite's own conclusion (the phrasings ratchet)", () => {
  /** A suite that labels each case and concludes over the cases that ran. */
  function concluding(problems: string[]): Suite<FakeCase> & { given: string[][] } {
    const given: string[][] = [];
    return {
      ...fakeSuite('phrasings', false, [
        { pass: true, failures: [], outcome: 'pass' },
        { pass: false, failures: [{ field: 'outcome', expected: 'pass', actual: 'wrong' }], outcome: 'wrong' },
      ]),
      given,
      conclude: (results) => {
        given.push(results.map((r) => `${r.evalCase.id}:${r.result.outcome}`));
        return { lines: ['Phrasings: 1/2 pass · 1 wrong'], problems };
      },
    };
  }

  it('prints its lines and the outcome of each case, and passes when it finds no problem', async () => {
    const suite = concluding([]);
    const io = fakeIO();
    expect(await main([], [suite], io)).toBe(0);
    expect(suite.given).toEqual([['phrasings-1:pass', 'phrasings-2:wrong']]);
    expect(io.out).toMatch(/phrasings +phrasings-2 +✗ FAIL \(wrong\)/);
    expect(io.out).toContain('\nPhrasings: 1/2 pass · 1 wrong\n');
    expect(io.out).toMatch(/phrasings +2 +1 +1 +50\.0% +no data change without approval; the suite's own gate/);
  });

  it('fails the run on its problems, even for a suite that need not pass every case', async () => {
    const report = await run([concluding(['phrasings-2 made a wrong proposal and is not in the baseline'])]);
    expect(report.exitCode).toBe(1);
    expect(report.reasons).toEqual(['phrasings: phrasings-2 made a wrong proposal and is not in the baseline']);
    expect(report.suites[0]!.conclusion).toEqual({
      lines: ['Phrasings: 1/2 pass · 1 wrong'],
      problems: ['phrasings-2 made a wrong proposal and is not in the baseline'],
    });
    expect(report.suites[0]!.cases.map((c) => c.outcome)).toEqual(['pass', 'wrong']);
  });

  it('concludes over the selected cases only, and not at all when none ran', async () => {
    const suite = concluding([]);
    await run([suite], ['--case', 'phrasings-2']);
    expect(suite.given).toEqual([['phrasings-2:wrong']]);
    const none = concluding(['never']);
    const report = await run([none, fakeSuite('calculation', true, [PASS])], ['--suite', 'calculation']);
    expect(none.given).toEqual([]);
    expect(report.exitCode).toBe(0);
  });
});
