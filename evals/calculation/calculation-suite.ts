/**
 * The calculation-correctness suite: every committed case in `evals/calculation/cases/` run
 * through the engine and scored to the cent. Every case must pass (`requireAllPass`): the
 * expected figures were worked out by hand, so a failure is an engine bug or a case bug,
 * never noise.
 */
import type { Suite } from '../suite.ts';
import { loadCalculationCases, type CalculationCase } from './calculation-case.ts';
import { runCalculationCase } from './run-calculation-case.ts';
import { scoreCalculation } from './score-calculation.ts';

/** Builds the suite over a directory of cases (tests may point it elsewhere). */
export function createCalculationSuite(dir?: URL): Suite<CalculationCase> {
  return {
    name: 'calculation',
    requireAllPass: true,
    cases: () => loadCalculationCases(dir),
    run: async (c) => scoreCalculation(c, runCalculationCase(c)),
  };
}

/** The suite over the committed cases. */
export const calculationSuite: Suite<CalculationCase> = createCalculationSuite();
