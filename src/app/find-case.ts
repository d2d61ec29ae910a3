import type { CaseRecord, Store } from '../../db/store.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { visibleIn } from './visible-in.ts';

/**
 * Looks a business case up by id, within a workspace when one is given (`visibleIn`): one it
 * may not see is `not_found`, like one that does not exist, with the ids it may see as a hint.
 */
export function findCase(store: Store, caseId: string, workspaceId?: string): Outcome<CaseRecord> {
  const found = store.getCase(caseId);
  if (visibleIn(found, workspaceId)) return succeed(found);
  const known = store.listCases(workspaceId).map((c) => c.id);
  const hint = known.length
    ? ` (business cases: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', ...' : ''})`
    : ' (there are none yet; import one first)';
  return failWith('not_found', `no business case '${caseId}'${hint}`);
}
