/**
 * The format of a calculation-correctness case (`evals/calculation/cases/*.json`, one case
 * per file, named `<id>.json`). Strict: a misspelt expectation is an error when the cases are
 * loaded, never a silently skipped check. See `docs/evals.md` for the format in prose.
 */
import { z } from 'zod';
import { loadCases } from '../load-cases.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const nullableNumber = z.number().nullable();
const nullableMonth = month.nullable();

/** Expected figures of one month of the summary. */
const expectedMonthSchema = z
  .strictObject({
    benefit: z.number(),
    cumulative: z.number(),
    realized: nullableNumber,
    measured: nullableNumber,
    carriedForward: nullableNumber,
    assumed: nullableNumber,
    estimated: nullableNumber,
  })
  .partial();

/** Expected figures of one calculation of the summary. */
const expectedCalculationSchema = z
  .strictObject({
    total: z.number(),
    realizedToDate: nullableNumber,
    tracked: z.boolean(),
    metric: z.string().nullable(),
    lastMeasured: nullableMonth,
  })
  .partial();

/** Expected figures of one use case of the summary. */
const expectedUseCaseSchema = z
  .strictObject({
    total: z.number(),
    realizedToDate: nullableNumber,
    measuredToDate: nullableNumber,
    assumedToDate: nullableNumber,
    estimatedToDate: nullableNumber,
    varianceToDate: nullableNumber,
    calculations: z.record(z.string(), expectedCalculationSchema),
  })
  .partial();

/** Expected state of a scenario of the resulting document (after the operations). */
const expectedScenarioSchema = z
  .strictObject({
    absent: z.literal(true),
    kind: z.enum(['future', 'realization']),
    name: z.string(),
    basedOn: z.string().nullable(),
    start: month,
    months: z.number(),
    lockedThrough: nullableMonth,
    /** `null`: no ramp (absent or empty). */
    ramp: z.array(z.unknown()).nullable(),
    /** `null`: no investment (absent or empty). */
    investment: z.array(z.unknown()).nullable(),
    /** `null`: no milestones (absent or empty). */
    milestones: z.array(z.unknown()).nullable(),
  })
  .partial();

/** Expected state of an input, addressed `scenario/useCase/key`. */
const expectedInputSchema = z
  .strictObject({
    absent: z.literal(true),
    label: z.string(),
    unit: z.string(),
    value: z.number(),
    /** `null`: a constant input (no `series`); `{}`: time-series without entries. */
    series: z.record(month, z.unknown()).nullable(),
  })
  .partial();

/** Expected state of a calculation, addressed `scenario/useCase/id`. */
const expectedCalculationDocSchema = z
  .strictObject({
    absent: z.literal(true),
    name: z.string(),
    formula: z.string(),
    period: z.enum(['annual', 'monthly']),
    metric: z.string().nullable(),
  })
  .partial();

/** Expectations on the document the operations produced. */
const expectedDocumentSchema = z
  .strictObject({
    scenarios: z.record(z.string(), expectedScenarioSchema),
    inputs: z.record(z.string(), expectedInputSchema),
    calculations: z.record(z.string(), expectedCalculationDocSchema),
  })
  .partial();

/** Expected summary figures (any subset of the contract's summary) and document state. */
const expectedFiguresSchema = z
  .strictObject({
    scenario: z.string(),
    kind: z.enum(['future', 'realization']),
    asOf: month,
    start: month,
    months: z.number(),
    total: z.number(),
    realizedToDate: nullableNumber,
    measuredToDate: nullableNumber,
    carriedForwardToDate: nullableNumber,
    assumedToDate: nullableNumber,
    estimatedToDate: nullableNumber,
    varianceToDate: nullableNumber,
    projectedTotal: nullableNumber,
    projectedRoi: nullableNumber,
    investmentTotal: z.number(),
    investmentToDate: nullableNumber,
    roi: nullableNumber,
    roiToDate: nullableNumber,
    benefitMultiple: nullableNumber,
    paybackMonth: nullableMonth,
    monthly: z.record(month, expectedMonthSchema),
    useCases: z.record(z.string(), expectedUseCaseSchema),
    document: expectedDocumentSchema,
  })
  .partial();

/** An operation (or the query) that must be refused. */
const expectedRefusalSchema = z.strictObject({
  /** Index of the refused operation; omit when the query itself fails (e.g. division by zero). */
  index: z.number().int().min(0).optional(),
  /** The engine's error code, when the case cares (`evaluation_error`, `invalid_operation`...). */
  code: z.string().optional(),
  /** Substrings the message must contain (case-sensitive): what the refusal must name. */
  messageIncludes: z.array(z.string()),
});

/** A document that must not load. */
const expectedInvalidDocumentSchema = z.strictObject({
  /** Substring of the error's JSON path, e.g. `$.scenarios[0].ramp`. */
  pathIncludes: z.string(),
  messageIncludes: z.array(z.string()),
});

/** The summary to compute after the operations. */
const querySchema = z.strictObject({
  scenario: z.string().optional(),
  /** A future scenario id; `null` turns the default comparison (`basedOn`) off. */
  compare: z.string().nullable().optional(),
  asOf: month,
});

export const calculationCaseSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case'),
    description: z.string().min(1),
    /** The contract rule the case covers, quoted or named. */
    rule: z.string().min(1),
    document: z.unknown(),
    operations: z.array(z.unknown()).optional(),
    query: querySchema.optional(),
    expect: expectedFiguresSchema.optional(),
    expectRefusal: expectedRefusalSchema.optional(),
    expectInvalidDocument: expectedInvalidDocumentSchema.optional(),
    /** The hand computation behind every expected figure, written out. */
    arithmetic: z.union([z.string().min(1), z.array(z.string()).min(1)]),
  })
  .superRefine((c, ctx) => {
    const kinds = [c.expect, c.expectRefusal, c.expectInvalidDocument].filter((x) => x !== undefined).length;
    if (kinds !== 1) ctx.addIssue({ code: 'custom', message: 'exactly one of expect, expectRefusal, expectInvalidDocument is required' });
    if (c.expectInvalidDocument === undefined && c.query === undefined)
      ctx.addIssue({ code: 'custom', message: 'query (at least asOf) is required', path: ['query'] });
    if (c.expectRefusal?.index !== undefined && c.expectRefusal.index >= (c.operations ?? []).length) {
      ctx.addIssue({ code: 'custom', message: 'expectRefusal.index is past the last operation', path: ['expectRefusal', 'index'] });
    }
  });

/** One calculation-correctness case. */
export type CalculationCase = z.infer<typeof calculationCaseSchema>;
export type ExpectedFigures = z.infer<typeof expectedFiguresSchema>;
export type ExpectedDocument = z.infer<typeof expectedDocumentSchema>;
export type ExpectedRefusal = z.infer<typeof expectedRefusalSchema>;
export type ExpectedInvalidDocument = z.infer<typeof expectedInvalidDocumentSchema>;

/** The directory the committed cases live in. */
export const CASES_DIR = new URL('./cases/', import.meta.url);

/**
 * Loads and validates every `*.json` case of a directory, sorted by file name. Throws on the
 * first malformed file, naming it and the problem, or a file name that is not `<id>.json`
 * (which also keeps ids unique).
 */
export function loadCalculationCases(dir: URL = CASES_DIR): Promise<CalculationCase[]> {
  return loadCases(dir, calculationCaseSchema, 'evals/calculation/cases');
}
