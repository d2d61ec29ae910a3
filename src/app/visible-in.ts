import type { CaseRecord } from '../../db/store.ts';

/**
 * The one workspace-visibility rule: a door working in a workspace sees that workspace's
 * business cases (and their proposals and drafts) and nothing else; no workspace given (the
 * CLI, run by whoever holds the database) sees every case. Whatever a door may not see is
 * reported exactly like what does not exist, so it cannot learn that it exists.
 */
export function visibleIn(record: CaseRecord | null, workspaceId: string | undefined): record is CaseRecord {
  return record !== null && (workspaceId === undefined || record.workspaceId === workspaceId);
}
