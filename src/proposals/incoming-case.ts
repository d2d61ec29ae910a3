import type { BusinessCase } from '../engine/index.ts';
import { parseDocument } from '../engine/index.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
import { checkCaseId } from './case-id.ts';
import { DEFAULT_WORKSPACE } from './default-workspace.ts';

const WORKSPACE_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** A whole document brought in from outside (an import or a repair), checked before the store is touched. */
export interface IncomingCase {
  by: string;
  workspaceId: string;
  document: BusinessCase;
}

/**
 * The checks an import and a repair share: who brings the document, a well-formed
 * workspace id (default `default`), and a document the engine accepts whose id is a
 * well-formed case id (`checkCaseId`: the engine accepts any non-empty id). `noOne` is the
 * refusal when no one is named.
 */
export function readIncomingCase(input: { document: unknown; workspaceId?: string }, by: string, noOne: string): Outcome<IncomingCase> {
  const who = by.trim();
  if (!who) return failWith('invalid_argument', noOne);
  const workspaceId = input.workspaceId ?? DEFAULT_WORKSPACE;
  if (!WORKSPACE_PATTERN.test(workspaceId)) return failWith('invalid_argument', `workspace '${workspaceId}' must match ^[a-z0-9][a-z0-9-]*$`);
  const parsed = parseDocument(input.document);
  if (!parsed.ok) return failWith('invalid_document', `invalid document: ${parsed.error.message}`, { path: parsed.error.path });
  const id = checkCaseId(parsed.value.id, 'the business case id');
  if (!id.ok) return failWith('invalid_document', `invalid document: ${id.error.message}`, { path: 'id' });
  return succeed({ by: who, workspaceId, document: parsed.value });
}
