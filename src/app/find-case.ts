import type { CaseRecord, Store } from '../../db/store.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { checkCaseId } from '../proposals/index.ts';

/**
 * Looks a business case up by id, within a workspace when one is given: ids are unique per
 * workspace, so only that workspace's cases are looked at, and another workspace's case with
 * the same id is `not_found` exactly like an id no one uses (with the ids it may see as a
 * hint). An ill-formed id (`checkCaseId`: `../../tmp/evil`, CR/LF, NUL, zero-width
 * characters) is `invalid_argument` before the store is asked. No workspace (the CLI, run by
 * whoever holds the database) looks at every workspace; an id used in several is refused
 * with the workspaces to choose from, and `<workspace>:<id>` names one (`acme:acme-helpdesk`;
 * ids and workspace ids never hold `:`).
 */
export function findCase(store: Store, named: string, door?: string): Outcome<CaseRecord> {
  const colon = door === undefined ? named.indexOf(':') : -1;
  const workspaceId = colon >= 0 ? named.slice(0, colon) : door;
  const caseId = colon >= 0 ? named.slice(colon + 1) : named;
  const valid = checkCaseId(caseId);
  if (!valid.ok) return valid;
  if (workspaceId === undefined) {
    const all = store.findCasesById(caseId);
    if (all.length === 1) return succeed(all[0]!);
    if (all.length > 1) {
      const named = all.map((c) => `${c.workspaceId}:${caseId}`);
      return failWith('invalid_argument', `business case '${caseId}' exists in several workspaces; name one as <workspace>:<id> (${named.join(', ')})`, {
        candidates: named,
      });
    }
  } else {
    const found = store.findCaseIn(workspaceId, caseId);
    if (found) return succeed(found);
  }
  const known = store.listCases(workspaceId).map((c) => c.id);
  const hint = known.length
    ? ` (business cases: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', ...' : ''})`
    : ' (there are none yet; import one first)';
  return failWith('not_found', `no business case '${caseId}'${hint}`);
}
