import { z } from 'zod';
import { MONTH_PATTERN } from '../month.ts';
import { ID_PATTERN, KEY_PATTERN } from '../document-schema.ts';

/**
 * Every change to a business case is one of these plain JSON objects (contract:
 * "Operations"). The same objects are proposed by the agent, approved by a human, stored in
 * the audit log and read by `ve apply`. Strict: an unknown `op` or field is refused.
 */
const month = z.string().regex(MONTH_PATTERN, 'must be a month YYYY-MM');
const id = z.string().regex(ID_PATTERN, 'must match ^[a-z0-9][a-z0-9-]*$');
const key = z.string().regex(KEY_PATTERN, 'must match ^[a-z][a-z0-9_]*$');
const ref = z.string().min(1, 'must not be empty');
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const text = z.string().min(1, 'must not be empty');

export const createRealizationScenarioSchema = z.strictObject({
  op: z.literal('createRealizationScenario'),
  from: ref,
  id,
  name: text,
  start: month,
  months: z.number().int('must be a whole number').min(1, 'must be at least 1').max(120, 'must be at most 120'),
});

export const convertCalculationSchema = z.strictObject({
  op: z.literal('convertCalculation'),
  scenario: ref,
  useCase: ref,
  calculation: ref,
  percentInput: ref,
  metric: z.strictObject({ key, label: text, unit: z.string() }),
  baselineInput: ref.optional(),
  baseline: finite.optional(),
  direction: z.enum(['increase', 'decrease']),
  clampNegative: z.boolean().optional(),
});

export const splitPartSchema = z.strictObject({
  id,
  name: text,
  metric: ref,
  reference: finite.optional(),
  formula: z.string().optional(),
});

export const splitCalculationSchema = z.strictObject({
  op: z.literal('splitCalculation'),
  scenario: ref,
  useCase: ref,
  calculation: ref,
  parts: z.array(splitPartSchema).min(2, 'a split needs at least two parts').max(8, 'a split has at most eight parts'),
  strategy: z.enum(['explicit', 'shapley']),
});

export const recordMeasurementSchema = z.strictObject({
  op: z.literal('recordMeasurement'),
  scenario: ref,
  useCase: ref,
  input: ref,
  month,
  value: finite,
  note: z.string().optional(),
  evidence: z.string().optional(),
  source: z.string().optional(),
});

export const enableMonthlyValuesSchema = z.strictObject({
  op: z.literal('enableMonthlyValues'),
  scenario: ref,
  useCase: ref,
  input: ref,
});

export const setInputSchema = z.strictObject({
  op: z.literal('setInput'),
  scenario: ref,
  useCase: ref,
  input: ref,
  value: finite,
  from: month.optional(),
});

export const addMilestoneSchema = z.strictObject({
  op: z.literal('addMilestone'),
  scenario: ref,
  id,
  name: text,
  targetMonth: month.optional(),
  achievedMonth: month.optional(),
  note: z.string().optional(),
});

export const updateMilestoneSchema = z
  .strictObject({
    op: z.literal('updateMilestone'),
    scenario: ref,
    id: ref,
    name: text.optional(),
    targetMonth: month.nullable().optional(),
    achievedMonth: month.nullable().optional(),
    note: z.string().nullable().optional(),
  })
  .refine((o) => o.name !== undefined || o.targetMonth !== undefined || o.achievedMonth !== undefined || o.note !== undefined, {
    message: 'give at least one of name, targetMonth, achievedMonth, note',
    path: ['name'],
  });

export const removeMeasurementSchema = z.strictObject({
  op: z.literal('removeMeasurement'),
  scenario: ref,
  useCase: ref,
  input: ref,
  month,
});

export const annotateMeasurementSchema = z
  .strictObject({
    op: z.literal('annotateMeasurement'),
    scenario: ref,
    useCase: ref,
    input: ref,
    month,
    note: z.string().optional(),
    evidence: z.string().optional(),
    source: z.string().optional(),
  })
  .refine((o) => o.note !== undefined || o.evidence !== undefined || o.source !== undefined, {
    message: 'give at least one of note, evidence, source',
    path: ['note'],
  });

export const trackMetricSchema = z.strictObject({
  op: z.literal('trackMetric'),
  scenario: ref,
  useCase: ref,
  calculation: ref,
  input: ref,
});

export const lockMonthsSchema = z.strictObject({
  op: z.literal('lockMonths'),
  scenario: ref,
  through: month,
});

/** Schemas by operation name. */
export const OPERATION_SCHEMAS = {
  createRealizationScenario: createRealizationScenarioSchema,
  convertCalculation: convertCalculationSchema,
  splitCalculation: splitCalculationSchema,
  recordMeasurement: recordMeasurementSchema,
  enableMonthlyValues: enableMonthlyValuesSchema,
  setInput: setInputSchema,
  addMilestone: addMilestoneSchema,
  lockMonths: lockMonthsSchema,
  updateMilestone: updateMilestoneSchema,
  removeMeasurement: removeMeasurementSchema,
  annotateMeasurement: annotateMeasurementSchema,
  trackMetric: trackMetricSchema,
} as const;

/** Any operation. */
export const operationSchema = z.discriminatedUnion('op', [
  createRealizationScenarioSchema,
  convertCalculationSchema,
  splitCalculationSchema,
  recordMeasurementSchema,
  enableMonthlyValuesSchema,
  setInputSchema,
  addMilestoneSchema,
  lockMonthsSchema,
  updateMilestoneSchema,
  removeMeasurementSchema,
  annotateMeasurementSchema,
  trackMetricSchema,
]);

export type Operation = z.infer<typeof operationSchema>;
export type OperationName = Operation['op'];
export type CreateRealizationScenario = z.infer<typeof createRealizationScenarioSchema>;
export type ConvertCalculation = z.infer<typeof convertCalculationSchema>;
export type SplitCalculation = z.infer<typeof splitCalculationSchema>;
export type RecordMeasurement = z.infer<typeof recordMeasurementSchema>;
export type EnableMonthlyValues = z.infer<typeof enableMonthlyValuesSchema>;
export type SetInput = z.infer<typeof setInputSchema>;
export type AddMilestone = z.infer<typeof addMilestoneSchema>;
export type LockMonths = z.infer<typeof lockMonthsSchema>;
export type UpdateMilestone = z.infer<typeof updateMilestoneSchema>;
export type RemoveMeasurement = z.infer<typeof removeMeasurementSchema>;
export type AnnotateMeasurement = z.infer<typeof annotateMeasurementSchema>;
export type TrackMetric = z.infer<typeof trackMetricSchema>;
