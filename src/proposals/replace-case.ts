import type { CaseRecord } from '../../db/store.ts';
import { parseDocument } from '../engine/index.ts';
import { readIncomingCase } from './incoming-case.ts';
import { measurementChanges } from './measurement-changes.ts';
import type { ProposalContext } from './proposal-context.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';

/** A corrected document for a stored case the engine no longer accepts. */
export interface ReplaceCaseInput {
  /** The corrected document as read (JSON); its `id` names the case to repair. */
  document: unknown;
  /** The case's workspace; default `default`. */
  workspaceId?: string;
  /** Who repairs it (an admin). */
  replacedBy: string;
}

/** The repaired case, and what was wrong with the document it replaced. */
export interface ReplacedCase {
  record: CaseRecord;
  /** The engine's refusal of the stored document (e.g. a formula beyond the limits). */
  repaired: string;
}

/**
 * Repairs a stored business case whose document the engine no longer accepts (saved under
 * an earlier contract: e.g. a formula beyond today's limits, which makes every summary, QBR
 * and chat about the case fail and which no operation can change). The corrected document
 * must be valid and keep the case's id; it becomes the next version, and every series entry
 * it adds, changes or drops goes to the measurement history, recorded by `replacedBy`.
 *
 * Only a case that no longer loads can be replaced: a valid case is changed through
 * proposals, so nothing that loads changes without an approval (refused otherwise).
 */
export function replaceCase(ctx: ProposalContext, input: ReplaceCaseInput): Outcome<ReplacedCase> {
  const incoming = readIncomingCase(input, input.replacedBy, 'a replacement needs the name of who makes it');
  if (!incoming.ok) return incoming;
  const { by: replacedBy, workspaceId, document } = incoming.value;
  const { store } = ctx;
  const now = ctx.now().toISOString();
  return store.transaction(() => {
    const existing = store.findCaseIn(workspaceId, document.id);
    if (!existing) {
      return failWith<ReplacedCase>('not_found', `no business case '${document.id}' in workspace '${workspaceId}' to replace; import it as a new case instead`);
    }
    const stored = parseDocument(existing.document);
    if (stored.ok) {
      return failWith<ReplacedCase>(
        'refused',
        `business case '${document.id}' (version ${existing.version}) is valid; change it through proposals (a replacement only repairs a case whose stored document is no longer valid)`,
      );
    }
    if (!store.updateCaseDocument({ id: existing.key, expectedVersion: existing.version, document, now })) {
      return failWith<ReplacedCase>('conflict', `business case '${document.id}' changed while it was being replaced; try again`);
    }
    const version = existing.version + 1;
    const scenarioIds = new Set([...existing.document.scenarios, ...document.scenarios].map((s) => s.id));
    store.insertMeasurements(
      [...scenarioIds].flatMap((id) =>
        measurementChanges(existing.document, document, id).map((m) => ({
          caseId: existing.key,
          ...m,
          recordedBy: replacedBy,
          approvedBy: null,
          proposalId: null,
          recordedAt: now,
          version,
        })),
      ),
    );
    return succeed({ record: store.getCase(existing.key)!, repaired: stored.error.message });
  });
}
