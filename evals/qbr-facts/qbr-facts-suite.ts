/**
 * The QBR-facts suite (issue 12): the engine's `qbrFacts` for several cases and quarters,
 * against facts worked out by hand (`evals/qbr-facts/cases/*.json`; each case writes its
 * arithmetic in `arithmetic`). Every case must pass (`requireAllPass`): a wrong fact is an
 * engine bug (or a case bug), never noise, so any wrong fact fails `npm run evals`.
 *
 * A case names a document (a path from the repository root, e.g. `examples/delta-corp.json`),
 * a quarter and an as-of month, and the facts it expects: any subset of the figures, per use
 * case and metric by id, milestones by list. Money is compared to the cent, ratios to 1e-6,
 * everything else exactly.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseDocument, qbrFacts, type QbrFacts, type ValueFigures } from '../../src/engine/index.ts';
import { loadCases } from '../load-cases.ts';
import type { CaseResult, Failure, Suite } from '../suite.ts';

const figures = z
  .strictObject({
    realized: z.number(),
    measured: z.number(),
    carriedForward: z.number(),
    assumed: z.number(),
    estimated: z.number().nullable(),
    variance: z.number().nullable(),
  })
  .partial();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const caseSchema = z.strictObject({
  id: z.string(),
  description: z.string(),
  /** A document file, from the repository root. */
  document: z.string(),
  quarter: z.string(),
  asOf: month,
  /** The hand computation, line by line. */
  arithmetic: z.array(z.string()).min(1),
  expected: z
    .strictObject({
      quarterMonths: z.array(month),
      inQuarter: figures,
      toDate: figures.extend({ investment: z.number(), roi: z.number().nullable(), paybackMonth: month.nullable() }).partial(),
      contract: z
        .strictObject({
          total: z.number(),
          investmentTotal: z.number(),
          roi: z.number().nullable(),
          projectedTotal: z.number(),
          projectedRoi: z.number().nullable(),
        })
        .partial(),
      useCases: z.record(
        z.string(),
        z.strictObject({ status: z.enum(['ahead', 'on-track', 'behind', 'no-estimate']), quarter: figures, toDate: figures }).partial(),
      ),
      metrics: z.record(
        z.string(),
        z
          .strictObject({
            baseline: z.number(),
            atQuarterStart: z.number(),
            atQuarterEnd: z.number(),
            measuredMonths: z.array(month),
            missingMonths: z.array(month),
          })
          .partial(),
      ),
      milestones: z
        .strictObject({
          achievedInQuarter: z.array(z.string()),
          achievedBefore: z.array(z.string()),
          atRisk: z.array(z.string()),
          upcoming: z.array(z.string()),
        })
        .partial(),
    })
    .partial(),
});

export type QbrFactsCase = z.infer<typeof caseSchema>;

const MONEY = new Set(['realized', 'measured', 'carriedForward', 'assumed', 'estimated', 'investment', 'total', 'investmentTotal', 'projectedTotal']);

/** Compares one expected value with the actual one (money to the cent, ratios to 1e-6), adding a failure when they differ. */
function compare(field: string, expected: unknown, actual: unknown, failures: Failure[]): void {
  const key = field.split('.').pop()!;
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tolerance = MONEY.has(key) ? 0.005 : 1e-6;
    if (Math.abs(expected - actual) > tolerance) failures.push({ field, expected, actual });
    return;
  }
  if (JSON.stringify(expected) !== JSON.stringify(actual)) failures.push({ field, expected, actual });
}

function compareFigures(at: string, expected: Record<string, unknown>, actual: ValueFigures | Record<string, unknown>, failures: Failure[]): void {
  for (const [k, v] of Object.entries(expected)) compare(`${at}.${k}`, v, (actual as Record<string, unknown>)[k], failures);
}

/** Scores the engine's facts against a case's hand-computed ones. */
export function scoreQbrFacts(c: QbrFactsCase, facts: QbrFacts): Failure[] {
  const failures: Failure[] = [];
  const e = c.expected;
  if (e.quarterMonths) compare('quarter.months', e.quarterMonths, facts.quarter.months, failures);
  if (e.inQuarter) compareFigures('inQuarter', e.inQuarter, facts.inQuarter, failures);
  if (e.toDate) compareFigures('toDate', e.toDate, facts.toDate, failures);
  if (e.contract) compareFigures('contract', e.contract, facts.contract, failures);
  for (const [id, u] of Object.entries(e.useCases ?? {})) {
    const actual = facts.useCases.find((x) => x.id === id);
    if (!actual) {
      failures.push({ field: `useCases.${id}`, expected: 'present', actual: 'absent' });
      continue;
    }
    if (u.status) compare(`useCases.${id}.status`, u.status, actual.status, failures);
    if (u.quarter) compareFigures(`useCases.${id}.quarter`, u.quarter, actual.quarter, failures);
    if (u.toDate) compareFigures(`useCases.${id}.toDate`, u.toDate, actual.toDate, failures);
  }
  for (const [key, m] of Object.entries(e.metrics ?? {})) {
    const actual = facts.metrics.find((x) => `${x.useCase}.${x.input}` === key);
    if (!actual) {
      failures.push({ field: `metrics.${key}`, expected: 'present', actual: 'absent' });
      continue;
    }
    compareFigures(`metrics.${key}`, m, actual as unknown as Record<string, unknown>, failures);
  }
  for (const [list, ids] of Object.entries(e.milestones ?? {})) {
    const actual = facts.milestones[list as keyof QbrFacts['milestones']].map((m) => m.id);
    compare(`milestones.${list}`, ids, actual, failures);
  }
  return failures;
}

/** Runs one case: the document through `qbrFacts`, scored. */
export function runQbrFactsCase(c: QbrFactsCase): CaseResult {
  const doc = parseDocument(JSON.parse(readFileSync(new URL(`../../${c.document}`, import.meta.url), 'utf8')));
  if (!doc.ok) return { pass: false, failures: [{ field: 'document', expected: 'a valid document', actual: doc.error.message }] };
  const facts = qbrFacts(doc.value, { quarter: c.quarter, asOf: c.asOf });
  if (!facts.ok) return { pass: false, failures: [{ field: 'qbrFacts', expected: 'facts', actual: facts.error.message }] };
  const failures = scoreQbrFacts(c, facts.value);
  return { pass: failures.length === 0, failures };
}

/** Builds the suite over a directory of cases (tests may point it elsewhere). */
export function createQbrFactsSuite(dir: URL = new URL('./cases/', import.meta.url)): Suite<QbrFactsCase> {
  return {
    name: 'qbr-facts',
    requireAllPass: true,
    cases: () => loadCases(dir, caseSchema, 'qbr-facts'),
    run: async (c) => runQbrFactsCase(c),
  };
}

export const qbrFactsSuite: Suite<QbrFactsCase> = createQbrFactsSuite();
