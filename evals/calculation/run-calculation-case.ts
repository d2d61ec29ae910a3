/**
 * Runs one calculation case through the engine's public surface, exactly as a door would:
 * `parseDocument`, then `applyOperations` (if any), then `summarize`. Returns what happened
 * as plain data for the pure scorer; it never decides pass or fail itself.
 */
import { isDeepStrictEqual } from 'node:util';
import { applyOperations, parseDocument, summarize, type BusinessCase, type EngineError, type Summary } from '../../src/engine/index.ts';
import type { CalculationCase } from './calculation-case.ts';

/** What the engine did with a case. */
export type CalculationOutcome =
  | { kind: 'invalid-document'; error: EngineError }
  /** `index` is the refused operation, or null when the summary itself failed. */
  | { kind: 'refused'; index: number | null; error: EngineError; inputUntouched: boolean }
  | { kind: 'summary'; summary: Summary; document: BusinessCase; inputUntouched: boolean };

/**
 * Runs a case. `inputUntouched` records whether the document handed to the engine still
 * deep-equals a copy taken before (operations and summaries must never mutate their input).
 */
export function runCalculationCase(c: CalculationCase): CalculationOutcome {
  const parsed = parseDocument(structuredClone(c.document));
  if (!parsed.ok) return { kind: 'invalid-document', error: parsed.error };
  const input = parsed.value;
  const snapshot = structuredClone(input);
  // Only invalid-document cases have no query; if such a document loads anyway, any month
  // will do: the scorer reports that a document error was expected.
  const asOf = c.query?.asOf ?? '2000-01';

  let document = input;
  if (c.operations !== undefined && c.operations.length > 0) {
    const applied = applyOperations(input, structuredClone(c.operations), { asOf });
    if (!applied.ok) return { kind: 'refused', index: applied.index, error: applied.error, inputUntouched: isDeepStrictEqual(input, snapshot) };
    document = applied.document;
  }
  const options: { asOf: string; scenario?: string; compare?: string | null } = { asOf };
  if (c.query?.scenario !== undefined) options.scenario = c.query.scenario;
  if (c.query?.compare !== undefined) options.compare = c.query.compare;
  const afterSnapshot = structuredClone(document);
  const summary = summarize(document, options);
  const inputUntouched = isDeepStrictEqual(input, snapshot) && isDeepStrictEqual(document, afterSnapshot);
  if (!summary.ok) return { kind: 'refused', index: null, error: summary.error, inputUntouched };
  return { kind: 'summary', summary: summary.value, document, inputUntouched };
}
