/**
 * What a measurement-history row records about its month's entry:
 * - `recorded`: a value entered (a `recordMeasurement`, or an entry an imported document brought);
 * - `set`: a changing assumption's value from this month on (`setInput` with `from`);
 * - `annotated`: the same value with its note, evidence or source changed (`annotateMeasurement`);
 * - `removed`: the entry was taken out (`removeMeasurement`); the row keeps the removed value.
 */
export const MEASUREMENT_ACTIONS = ['recorded', 'set', 'annotated', 'removed'] as const;

/** What a history row records: a value entered, an assumption set from a month on, new details, or a removal. */
export type MeasurementAction = (typeof MEASUREMENT_ACTIONS)[number];
