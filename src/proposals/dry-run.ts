import { applyOperation, type BusinessCase, type EngineError, type OperationPreview } from '../engine/index.ts';

/** One operation of a dry run: the document before and after it, and the engine's preview. */
export interface DryRunStep {
  /** The operation as given. */
  operation: unknown;
  before: BusinessCase;
  after: BusinessCase;
  preview: OperationPreview;
}

/** The result of running a list of operations through the engine without storing anything. */
export type DryRun =
  | { ok: true; document: BusinessCase; steps: DryRunStep[] }
  | { ok: false; index: number; error: EngineError };

/**
 * Runs operations in order against a document through the engine (pure: nothing is
 * stored). Keeps every intermediate document so the caller can tell what each operation
 * changed (measurement history is written per operation, so two values recorded for the
 * same month in one proposal both reach the history).
 */
export function dryRun(document: BusinessCase, operations: readonly unknown[], asOf: string): DryRun {
  let current = document;
  const steps: DryRunStep[] = [];
  for (const [index, operation] of operations.entries()) {
    const result = applyOperation(current, operation, { asOf });
    if (!result.ok) return { ok: false, index, error: result.error };
    steps.push({ operation, before: current, after: result.value.document, preview: result.value.preview });
    current = result.value.document;
  }
  return { ok: true, document: current, steps };
}
