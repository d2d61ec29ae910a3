import type { CaseRecord, Store } from '../../db/store.ts';
import { failWith, succeed, type Outcome } from './proposal-error.ts';

/**
 * Looks a business case up by id, within a workspace when one is given (a case of another
 * workspace is reported as not found, so a door cannot learn it exists).
 */
export function findCase(store: Store, caseId: string, workspaceId?: string): Outcome<CaseRecord> {
  const found = store.getCase(caseId);
  if (!found || (workspaceId !== undefined && found.workspaceId !== workspaceId)) {
    const known = store.listCases(workspaceId).map((c) => c.id);
    const hint = known.length ? ` (business cases: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', ...' : ''})` : ' (there are none yet; import one first)';
    return failWith('not_found', `no business case '${caseId}'${hint}`);
  }
  return succeed(found);
}
