import { z } from 'zod';
import { MONTH_PATTERN } from './month.ts';

/**
 * The business-case document (contract: `shared/docs/engine.md`, "Document and summary
 * formats"). Every object is strict: unknown fields are rejected with their JSON path.
 * Cross-field rules (unique ids, formula references, ramps...) live in `validate-document.ts`.
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** Input keys, as formulas refer to them. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

const month = z.string().regex(MONTH_PATTERN, 'must be a month YYYY-MM');
const id = z.string().regex(ID_PATTERN, 'must match ^[a-z0-9][a-z0-9-]*$');
const text = z.string().min(1, 'must not be empty');
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** One measurement: a plain number, or the value with its note, evidence and source. */
export const seriesEntrySchema = z.union([
  finite,
  z.strictObject({
    value: finite,
    note: z.string().optional(),
    evidence: z.string().optional(),
    source: z.string().optional(),
  }),
]);

export const inputSchema = z.strictObject({
  key: z.string().regex(KEY_PATTERN, 'must match ^[a-z][a-z0-9_]*$'),
  label: text,
  unit: z.string(),
  value: finite,
  series: z.record(month, seriesEntrySchema).optional(),
});

export const calculationSchema = z.strictObject({
  id,
  name: text,
  formula: z.string(),
  period: z.enum(['annual', 'monthly']),
  metric: z.string().optional(),
});

export const useCaseSchema = z.strictObject({
  id,
  name: text,
  inputs: z.array(inputSchema),
  calculations: z.array(calculationSchema),
});

export const rampSchema = z.strictObject({
  from: month,
  to: month,
  factor: finite.refine((f) => f >= 0 && f <= 1, 'must be between 0 and 1'),
});

export const investmentSchema = z.strictObject({
  label: text,
  amount: finite.refine((a) => a >= 0, 'must not be negative'),
  recurrence: z.enum(['one-time', 'monthly', 'annual']),
});

export const milestoneSchema = z.strictObject({
  id,
  name: text,
  targetMonth: month.optional(),
  achievedMonth: month.optional(),
  note: z.string().optional(),
});

export const scenarioSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(['future', 'realization']),
  start: month,
  months: z.number().int('must be a whole number').min(1, 'must be at least 1').max(120, 'must be at most 120'),
  basedOn: z.string().optional(),
  ramp: z.array(rampSchema).optional(),
  investment: z.array(investmentSchema).optional(),
  lockedThrough: month.optional(),
  milestones: z.array(milestoneSchema).optional(),
  useCases: z.array(useCaseSchema),
});

export const businessCaseSchema = z.strictObject({
  version: z.literal(1),
  id: z.string().min(1, 'must not be empty'),
  name: text,
  customer: text,
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO currency code such as USD'),
  scenarios: z.array(scenarioSchema),
});

export type SeriesEntry = z.infer<typeof seriesEntrySchema>;
export type Input = z.infer<typeof inputSchema>;
export type Calculation = z.infer<typeof calculationSchema>;
export type UseCase = z.infer<typeof useCaseSchema>;
export type Ramp = z.infer<typeof rampSchema>;
export type Investment = z.infer<typeof investmentSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
/** A whole business-case document. */
export type BusinessCase = z.infer<typeof businessCaseSchema>;

/** The value of a series entry, whichever way it is written. */
export function entryValue(entry: SeriesEntry): number {
  return typeof entry === 'number' ? entry : entry.value;
}
