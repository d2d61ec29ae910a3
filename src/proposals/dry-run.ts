import { applyOperation, type BusinessCase, type OperationPreview } from '../engine/index.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';

/** One operation of a dry run: the document before and after it, and the engine's preview. */
export interface DryRunStep {
  /** The operation as given. */
  operation: unknown;
  before: BusinessCase;
  after: BusinessCase;
  preview: OperationPreview;
}

/** What running a list of operations through the engine produced: the final document and each step. */
export interface DryRun {
  document: BusinessCase;
  steps: DryRunStep[];
}

/**
 * Runs operations in order against a document through the engine (pure: nothing is
 * stored). Keeps every intermediate document so the caller can tell what each operation
 * changed (measurement history is written per operation, so two values recorded for the
 * same month in one proposal both reach the history). The first operation the engine refuses
 * ends the run: its error is the engine's, with the operation's `index`.
 */
export function dryRun(document: BusinessCase, operations: readonly unknown[], asOf: string): Outcome<DryRun> {
  let current = document;
  const steps: DryRunStep[] = [];
  for (const [index, operation] of operations.entries()) {
    const result = applyOperation(current, operation, { asOf });
    if (!result.ok) return failWith(result.error.code, result.error.message, { index, path: result.error.path });
    steps.push({ operation, before: current, after: result.value.document, preview: result.value.preview });
    current = result.value.document;
  }
  return succeed({ document: current, steps });
}
