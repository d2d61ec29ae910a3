import type { CaseRecord } from '../../db/store.ts';
import { readIncomingCase } from './incoming-case.ts';
import { allMeasurements } from './measurement-changes.ts';
import type { ProposalContext } from './proposal-context.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';

/** A document to store as a new business case. */
export interface ImportCaseInput {
  /** The document as read (JSON); the engine validates it. */
  document: unknown;
  /** Workspace id (created if new); default `default`. */
  workspaceId?: string;
  /** Who imports it (an admin or a script). */
  importedBy: string;
}

/**
 * Stores a valid business-case document as a new case at version 1, in one transaction with
 * its workspace and a measurement-history row for every value it already holds (so history
 * is complete from the first version). An invalid document, or an id already taken, is an
 * error and nothing is stored. Existing cases are never overwritten: after import, changes
 * go through proposals.
 */
export function importCase(ctx: ProposalContext, input: ImportCaseInput): Outcome<CaseRecord> {
  const incoming = readIncomingCase(input, input.importedBy, 'an import needs the name of who imports it');
  if (!incoming.ok) return incoming;
  const { by: importedBy, workspaceId, document } = incoming.value;
  const { store } = ctx;
  const now = ctx.now().toISOString();
  return store.transaction(() => {
    // Only the importing workspace's own cases are looked at: an id another workspace uses is
    // free here, and the answer never says whether one does.
    const existing = store.findCaseIn(workspaceId, document.id);
    if (existing) {
      return failWith<CaseRecord>(
        'conflict',
        `a business case '${document.id}' already exists in workspace '${workspaceId}' (version ${existing.version}); change it through proposals`,
      );
    }
    store.ensureWorkspace(workspaceId, workspaceId, now);
    const record = store.insertCase({ workspaceId, document, createdBy: importedBy, now });
    store.insertMeasurements(
      allMeasurements(document).map((m) => ({
        caseId: record.key,
        ...m,
        recordedBy: importedBy,
        approvedBy: null,
        proposalId: null,
        recordedAt: now,
        version: 1,
      })),
    );
    return succeed(record);
  });
}
