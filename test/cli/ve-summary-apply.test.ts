/**
 * `ve summary` and `ve apply` (contract: "Command line", "Document and summary formats").
 * In-process through `main(argv, io)` with a capturing io; one real subprocess run proves
 * the `bin/ve.mjs` entry works and sets the exit code. Expected figures are hand arithmetic.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { SUMMARY_KEYS } from '../support/summary-keys.ts';

const cents = (x: number): number => Math.round(x * 100) / 100;

async function ve(argv: string[], currentMonth = '2026-11'): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    currentMonth: () => currentMonth,
  });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 've-cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const DEMO = 'examples/delta-corp.json';
const PRESALES = 'examples/delta-corp-presales.json';
const OPS = 'examples/delta-corp-realization.ops.json';

/**
 * A small document:
 *  - plan (future): Jan-Mar 2025, 500 a month;
 *  - alt (future): Feb-Apr 2025, 100 a month;
 *  - actual (realization): Jan-Mar 2025, based on plan; `k` = 1000 a month (assumed) and
 *    `t` = x * 10 (monthly), tracked through its metric x (time-series), entry 2025-02: 30
 *    -> 300 a month from Feb.
 */
function smallDocument(): Record<string, unknown> {
  return {
    version: 1,
    id: 'small',
    name: 'Small',
    customer: 'Customer',
    currency: 'EUR',
    scenarios: [
      {
        id: 'plan',
        name: 'Plan',
        kind: 'future',
        start: '2025-01',
        months: 3,
        useCases: [{ id: 'u', name: 'U', inputs: [], calculations: [{ id: 'c', name: 'C', formula: '500', period: 'monthly' }] }],
      },
      {
        id: 'alt',
        name: 'Alt',
        kind: 'future',
        start: '2025-02',
        months: 3,
        useCases: [{ id: 'u', name: 'U', inputs: [], calculations: [{ id: 'c', name: 'C', formula: '100', period: 'monthly' }] }],
      },
      {
        id: 'actual',
        name: 'Actual',
        kind: 'realization',
        start: '2025-01',
        months: 3,
        basedOn: 'plan',
        useCases: [
          {
            id: 'u',
            name: 'U',
            inputs: [
              { key: 'k', label: 'K', unit: 'EUR', value: 1000 },
              { key: 'x', label: 'X', unit: '', value: 20, series: { '2025-02': 30 } },
            ],
            calculations: [
              { id: 'fixed', name: 'Fixed', formula: 'k', period: 'monthly' },
              { id: 'tracked', name: 'Tracked', formula: 'x * 10', period: 'monthly', metric: 'x' },
            ],
          },
        ],
      },
    ],
  };
}
const SMALL = file('small.json', smallDocument());

describe('ve summary --json', () => {
  it('prints the contract shape: every field present, in order, at every level', async () => {
    const { code, out, err } = await ve(['summary', DEMO, '--as-of', '2026-11', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const s = JSON.parse(out);
    expect(Object.keys(s)).toEqual(SUMMARY_KEYS);
    expect(s.monthly).toHaveLength(24);
    for (const m of s.monthly)
      expect(Object.keys(m)).toEqual(['month', 'benefit', 'cumulative', 'realized', 'measured', 'carriedForward', 'assumed', 'estimated']);
    for (const u of s.useCases) {
      expect(Object.keys(u)).toEqual([
        'id',
        'name',
        'total',
        'realizedToDate',
        'measuredToDate',
        'assumedToDate',
        'estimatedToDate',
        'varianceToDate',
        'calculations',
      ]);
      for (const c of u.calculations) expect(Object.keys(c)).toEqual(['id', 'name', 'total', 'realizedToDate', 'tracked', 'metric', 'lastMeasured']);
    }
  });

  it('the demo figures as of Nov 2026', async () => {
    const s = JSON.parse((await ve(['summary', DEMO, '--as-of', '2026-11', '--json'])).out);
    // per month: handle time 22000/12 + licences 18000/12 = 3333.33 assumed with 10 reps;
    // with 15 reps from June 2026: 33000/12 + 18000/12 = 4250
    const assumed = 22000 / 12 + 18000 / 12;
    const assumed15 = 33000 / 12 + 18000 / 12;
    expect(s.scenario).toBe('realization');
    expect(s.asOf).toBe('2026-11');
    // Oct 2025: 10 x 20000 x 15% / 12 = 2500 + 3000 x 0.12 x 12 = 4320
    expect(s.monthly[3]).toEqual({
      month: '2025-10',
      benefit: cents(2500 + 4320 + assumed),
      cumulative: s.monthly[3].cumulative,
      realized: cents(2500 + 4320 + assumed),
      measured: 6820,
      // the deflection carries September's 12% forward; the efficiency has October's entry
      carriedForward: 4320,
      assumed: cents(assumed),
      // plan: (100000 + 22000 + 18000) / 12 + 7200 = 18866.67 x 0.6 (ramp Oct-Dec 2025)
      estimated: cents(0.6 * (140000 / 12 + 7200)),
    });
    // see test/engine/summary.test.ts for the derivation of these
    expect(s.total).toBe(487516.67);
    expect(s.realizedToDate).toBe(286426.67);
    expect(s.measuredToDate).toBe(224260);
    expect(s.carriedForwardToDate).toBe(193373.33);
    expect(s.projectedTotal).toBe(473116.67);
    // Jul 2025 - May 2026 with 10 reps, Jun - Nov 2026 with 15
    expect(s.assumedToDate).toBe(cents(11 * assumed + 6 * assumed15));
    expect(s.investmentTotal).toBe(2 * 48000 + 15000);
    expect(s.paybackMonth).toBe('2026-02');
  });

  it('--as-of defaults to the current month of the injected clock', async () => {
    const s = JSON.parse((await ve(['summary', SMALL, '--json'], '2025-02')).out);
    expect(s.asOf).toBe('2025-02');
    // Jan: fixed 1000 (x unmeasured); Feb: 1000 + 30 x 10 = 1300
    expect(s.realizedToDate).toBe(1000 + 1300);
    expect(s.monthly.map((m: { realized: number | null }) => m.realized)).toEqual([1000, 1300, null]);
  });

  it('--as-of', async () => {
    const s = JSON.parse((await ve(['summary', SMALL, '--as-of', '2025-01', '--json'])).out);
    expect(s.asOf).toBe('2025-01');
    expect(s.realizedToDate).toBe(1000);
    expect(s.measuredToDate).toBe(0);
  });

  it('compares with basedOn by default; --compare picks another future scenario; --no-compare none', async () => {
    const byDefault = JSON.parse((await ve(['summary', SMALL, '--as-of', '2025-02', '--json'])).out);
    // realized 1000 + 1300 = 2300; plan: 500 + 500 = 1000; variance 2300 / 1000 - 1 = 1.3
    expect(byDefault.estimatedToDate).toBe(1000);
    expect(byDefault.varianceToDate).toBeCloseTo(2300 / 1000 - 1, 12);

    const alt = JSON.parse((await ve(['summary', SMALL, '--as-of', '2025-02', '--compare', 'alt', '--json'])).out);
    // alt starts in Feb: estimated 0, 100, 100; to date 100; variance 2300 / 100 - 1 = 22
    expect(alt.monthly.map((m: { estimated: number | null }) => m.estimated)).toEqual([0, 100, 100]);
    expect(alt.estimatedToDate).toBe(100);
    expect(alt.varianceToDate).toBeCloseTo(2300 / 100 - 1, 12);

    const none = JSON.parse((await ve(['summary', SMALL, '--as-of', '2025-02', '--no-compare', '--json'])).out);
    expect(none.estimatedToDate).toBeNull();
    expect(none.varianceToDate).toBeNull();
    expect(none.monthly.every((m: { estimated: number | null }) => m.estimated === null)).toBe(true);
    expect(none.realizedToDate).toBe(2300);
    expect(Object.keys(none)).toEqual(SUMMARY_KEYS);
  });

  it('--scenario picks a scenario (default: the realization scenario)', async () => {
    const plan = JSON.parse((await ve(['summary', SMALL, '--as-of', '2025-02', '--scenario', 'plan', '--json'])).out);
    expect(plan.scenario).toBe('plan');
    expect(plan.kind).toBe('future');
    expect(plan.total).toBe(3 * 500);
    expect(plan.realizedToDate).toBeNull();
    expect(plan.estimatedToDate).toBeNull();

    const demoPlan = JSON.parse((await ve(['summary', DEMO, '--as-of', '2026-11', '--scenario', 'rollout-plan', '--json'])).out);
    // (3 x 0.25 + 3 x 0.6 + 30) x 18866.67 = 614110
    expect(demoPlan.total).toBe(cents((3 * 0.25 + 3 * 0.6 + 30) * (140000 / 12 + 7200)));
  });

  it('without --json: a readable table with the same figures', async () => {
    const { code, out } = await ve(['summary', DEMO, '--as-of', '2026-11']);
    expect(code).toBe(0);
    expect(out.trimStart().startsWith('{')).toBe(false);
    expect(out).toContain('realization');
    expect(out).toMatch(/487,?516\.67/); // total
    expect(out).toMatch(/286,?426\.67/); // realized to date
    expect(out).toMatch(/224,?260\.00/); // measured to date
    expect(out).toMatch(/193,?373\.33/); // carried forward to date
    expect(out).toMatch(/473,?116\.67/); // projected total
    expect(out).toContain('2026-02'); // payback
    for (let i = 0; i < 24; i++) {
      const index = 2025 * 12 + 6 + i; // Jul 2025 + i
      expect(out).toContain(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
    }
    for (const name of ['Increase Support Team Efficiency', 'Deflect Tickets with Self-Service', 'Retire the Legacy Help Desk', 'Rep Efficiency Gain']) {
      expect(out).toContain(name);
    }
  });

  it('the table of a future scenario works too', async () => {
    const { code, out } = await ve(['summary', DEMO, '--as-of', '2026-11', '--scenario', 'rollout-plan']);
    expect(code).toBe(0);
    expect(out).toMatch(/614,?110\.00/);
  });
});

describe('ve summary: exit code 2 for unusable arguments or an invalid document', () => {
  it.each(['2025-13', '2025-1', 'nope', '2025-01-01'])('--as-of %s', async (month) => {
    const { code, out, err } = await ve(['summary', SMALL, '--as-of', month, '--json']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(month);
  });

  it('an unknown option', async () => {
    const { code, out, err } = await ve(['summary', SMALL, '--bogus']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--bogus');
  });

  it('a missing document argument, an unknown command', async () => {
    expect((await ve(['summary'])).code).toBe(2);
    expect((await ve(['summarise', SMALL])).code).toBe(2);
  });

  it('an unknown scenario names it', async () => {
    const { code, err } = await ve(['summary', SMALL, '--scenario', 'nowhere']);
    expect(code).toBe(2);
    expect(err).toContain('nowhere');
  });

  it('an unknown --compare scenario names it', async () => {
    const { code, err } = await ve(['summary', SMALL, '--compare', 'nowhere']);
    expect(code).toBe(2);
    expect(err).toContain('nowhere');
  });

  it('--compare with a realization scenario is refused as an argument', async () => {
    const { code, err } = await ve(['summary', SMALL, '--compare', 'actual']);
    expect(code).toBe(2);
    expect(err).toContain('actual');
  });

  it('a missing file names it', async () => {
    const missing = join(dir, 'does-not-exist.json');
    const { code, out, err } = await ve(['summary', missing]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(missing);
  });

  it('a file that is not JSON names it', async () => {
    const bad = file('not-json.json', '{ "version": 1, ');
    const { code, err } = await ve(['summary', bad]);
    expect(code).toBe(2);
    expect(err).toContain(bad);
  });

  it('an invalid document gives the JSON path of the problem', async () => {
    const d = smallDocument() as { scenarios: Array<Record<string, unknown>> };
    d.scenarios[1]!.months = 0;
    const { code, out, err } = await ve(['summary', file('invalid.json', d)]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('$.scenarios[1].months');
  });

  it('an unknown field gives its JSON path', async () => {
    const d = smallDocument() as { scenarios: Array<Record<string, unknown>> };
    d.scenarios[0]!.colour = 'blue';
    const { code, err } = await ve(['summary', file('unknown-field.json', d)]);
    expect(code).toBe(2);
    expect(err).toContain('$.scenarios[0].colour');
  });

  it('a formula referring to an unknown key makes the document invalid: path, key and position', async () => {
    const d = smallDocument() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    d.scenarios[2].useCases[0].calculations[1].formula = 'x * rate';
    const { code, err } = await ve(['summary', file('unknown-key.json', d)]);
    expect(code).toBe(2);
    expect(err).toContain('$.scenarios[2].useCases[0].calculations[1].formula');
    expect(err).toContain('rate');
    // "x * rate": rate starts at character 5
    expect(err).toMatch(/\b5\b/);
  });
});

describe('ve summary: exit code 1 for an evaluation error', () => {
  it('division by zero: stderr names the month', async () => {
    const d = smallDocument() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    // x = 20, then 0 from March: 100 / x divides by zero in 2025-03
    d.scenarios[2].useCases[0].inputs[1].series = { '2025-03': 0 };
    d.scenarios[2].useCases[0].calculations[1].formula = '100 / x';
    const { code, out, err } = await ve(['summary', file('div-zero.json', d), '--as-of', '2025-01', '--json']);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('2025-03');
    expect(err).toMatch(/division by zero/i);
    expect(err).toContain('actual');
    expect(err).toContain('tracked');
  });
});

describe('ve apply', () => {
  const ops = [
    { op: 'enableMonthlyValues', scenario: 'actual', useCase: 'u', input: 'k' },
    { op: 'recordMeasurement', scenario: 'actual', useCase: 'u', input: 'k', month: '2025-03', value: 1200 },
  ];
  function expectedAfterOps(): unknown {
    const d = smallDocument() as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    d.scenarios[2].useCases[0].inputs[0].series = { '2025-03': 1200 };
    return d;
  }

  it('prints the resulting document to stdout', async () => {
    const { code, out, err } = await ve(['apply', SMALL, file('ops.json', ops)]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(expectedAfterOps());
    // the input file is not touched
    expect(JSON.parse(readFileSync(SMALL, 'utf8'))).toEqual(smallDocument());
  });

  it('--out writes the document to the file and nothing to stdout', async () => {
    const outFile = join(dir, 'applied.json');
    const { code, out } = await ve(['apply', SMALL, file('ops-out.json', ops), '--out', outFile]);
    expect(code).toBe(0);
    expect(out).toBe('');
    expect(JSON.parse(readFileSync(outFile, 'utf8'))).toEqual(expectedAfterOps());
  });

  it('an empty list of operations prints the document unchanged', async () => {
    const { code, out } = await ve(['apply', SMALL, file('no-ops.json', [])]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual(smallDocument());
  });

  it('applying the demo operations to the presales document reproduces examples/delta-corp.json exactly', async () => {
    const { code, out, err } = await ve(['apply', PRESALES, OPS]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const expected = readFileSync(DEMO, 'utf8');
    expect(JSON.parse(out)).toStrictEqual(JSON.parse(expected));
    expect(out).toBe(expected);
  });

  describe('a refused operation: exit 1, stderr names its index and reason, nothing written', () => {
    // operation 1 records a measurement on `fixed_costs`, which is not an input of the use case: refused
    const refused = [ops[0]!, { op: 'recordMeasurement', scenario: 'actual', useCase: 'u', input: 'fixed_costs', month: '2025-03', value: 1 }];

    it('to stdout', async () => {
      const { code, out, err } = await ve(['apply', SMALL, file('refused.json', refused)]);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toContain('operation 1');
      expect(err).toContain('recordMeasurement');
      expect(err).toContain('fixed_costs');
    });

    it('a measurement on a constant input: the reason says so', async () => {
      const onConstant = [{ op: 'recordMeasurement', scenario: 'actual', useCase: 'u', input: 'k', month: '2025-03', value: 1 }];
      const { code, err } = await ve(['apply', SMALL, file('on-constant.json', onConstant)]);
      expect(code).toBe(1);
      expect(err).toContain('operation 0');
      expect(err).toContain("'k'");
    });

    it('--out is not created when it did not exist', async () => {
      const outFile = join(dir, 'never-written.json');
      const { code } = await ve(['apply', SMALL, file('refused-2.json', refused), '--out', outFile]);
      expect(code).toBe(1);
      expect(existsSync(outFile)).toBe(false);
    });

    it('--out is left untouched when it existed', async () => {
      const outFile = file('existing-out.json', 'ORIGINAL CONTENT\n');
      const { code, out } = await ve(['apply', SMALL, file('refused-3.json', refused), '--out', outFile]);
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(readFileSync(outFile, 'utf8')).toBe('ORIGINAL CONTENT\n');
    });

    it('an unknown op is refused with its index', async () => {
      const { code, err } = await ve(['apply', SMALL, file('unknown-op.json', [...ops, { op: 'deleteEverything' }])]);
      expect(code).toBe(1);
      expect(err).toContain('operation 2');
      expect(err).toContain('deleteEverything');
    });

    it('an unknown field in an operation is refused with its index', async () => {
      const { code, err } = await ve(['apply', SMALL, file('unknown-field-op.json', [{ ...ops[0]!, force: true }])]);
      expect(code).toBe(1);
      expect(err).toContain('operation 0');
      expect(err).toContain('force');
    });
  });

  describe('exit 2 for unusable arguments', () => {
    it('an invalid document gives the JSON path', async () => {
      const d = smallDocument() as { scenarios: Array<Record<string, unknown>> };
      d.scenarios[2]!.start = '2025-13';
      const { code, err } = await ve(['apply', file('apply-invalid.json', d), file('ops-2.json', ops)]);
      expect(code).toBe(2);
      expect(err).toContain('$.scenarios[2].start');
    });

    it('a missing operations file, operations that are not JSON or not an array', async () => {
      expect((await ve(['apply', SMALL, join(dir, 'missing-ops.json')])).code).toBe(2);
      expect((await ve(['apply', SMALL, file('bad-ops.json', '[{"op": ')])).code).toBe(2);
      expect((await ve(['apply', SMALL, file('object-ops.json', ops[0])])).code).toBe(2);
    });

    it('an --out path that cannot be written is an unusable argument: exit 2 naming it, not a crash', async () => {
      const unwritable = join(dir, 'no-such-directory', 'out.json');
      const result = await ve(['apply', SMALL, file('ops-4.json', ops), '--out', unwritable]).catch((e: unknown) => ({
        code: `threw: ${(e as Error).message}`,
        out: '',
        err: '',
      }));
      expect(result.code).toBe(2);
      expect(result.err).toContain(unwritable);
      expect(existsSync(unwritable)).toBe(false);
    });

    it('a missing document file', async () => {
      expect((await ve(['apply', join(dir, 'missing-doc.json'), file('ops-3.json', ops)])).code).toBe(2);
    });
  });
});

describe('the real bin', () => {
  it('node bin/ve.mjs summary --json prints the summary; a bad month exits 2', () => {
    const out = execFileSync(process.execPath, ['bin/ve.mjs', 'summary', DEMO, '--as-of', '2026-11', '--json'], { encoding: 'utf8' });
    const s = JSON.parse(out);
    expect(Object.keys(s)).toEqual(SUMMARY_KEYS);
    expect(s.total).toBe(487516.67);
    expect(s.realizedToDate).toBe(286426.67);

    const bad = spawnSync(process.execPath, ['bin/ve.mjs', 'summary', DEMO, '--as-of', '2026-13'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('2026-13');
  });
});
