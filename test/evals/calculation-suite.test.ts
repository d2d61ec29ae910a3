/**
 * Runs the whole calculation-correctness suite (evals/calculation/cases) against the engine,
 * so `npm test` guards the engine with the evals too: every case must pass.
 */
import { describe, expect, it } from 'vitest';
import { calculationSuite } from '../../evals/calculation/calculation-suite.ts';
import type { CalculationCase } from '../../evals/calculation/calculation-case.ts';

describe('calculation correctness evals', () => {
  it('has at least 40 valid cases, each with its hand arithmetic', async () => {
    const cases = await calculationSuite.cases({ flags: {} });
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(c.arithmetic.length, c.id).toBeGreaterThan(0);
  });

  it('passes 100% of the cases', async () => {
    const cases: CalculationCase[] = await calculationSuite.cases({ flags: {} });
    const failing: string[] = [];
    for (const c of cases) {
      const r = await calculationSuite.run(c, { flags: {} });
      if (!r.pass)
        failing.push(`${c.id}: ${r.failures.map((f) => `${f.field} expected ${JSON.stringify(f.expected)} actual ${JSON.stringify(f.actual)}`).join('; ')}`);
    }
    expect(failing).toEqual([]);
  });
});
