import type { CaseRecord } from '../../db/store.ts';
import { checkDocument } from '../engine/index.ts';
import type { AppError } from '../errors/outcome.ts';

/**
 * Why a stored business case no longer passes the engine's checks, or null when it does.
 * The store holds documents the engine accepted when they were written; a later contract can
 * be stricter (Contract 2 refuses formulas beyond its size limits, which the first contract
 * stored). Such a case must not be blamed on the change someone proposes: the error says the
 * stored document is at fault and how to repair it (`replaceCase`). It is a refusal (the
 * request itself is fine), like every other reason a proposal cannot be made.
 */
export function storedDocumentProblem(record: CaseRecord): AppError | null {
  const problem = checkDocument(record.document);
  if (!problem) return null;
  return {
    code: 'refused',
    message:
      `business case '${record.id}' as stored no longer passes the engine's checks: ${problem.message}. ` +
      'No change can be proposed or applied until it is repaired: export it (ve export), correct it, and store it back with ve import --replace',
    ...(problem.path !== undefined ? { path: problem.path } : {}),
  };
}
