import type { AuditRecord, CaseRecord, ProposalRecord, RecordedValue, Store } from '../../db/store.ts';
import type { OperationPreview } from '../engine/index.ts';
import { comparePreviews } from './compare-previews.ts';
import { describeDecision } from './describe-decision.ts';
import { dryRun } from './dry-run.ts';
import { ENGINE_CONTRACT } from './engine-contract.ts';
import { storedDocumentProblem } from './stored-document-problem.ts';
import { recordedValues } from './measurement-changes.ts';
import { DEFAULT_PROPOSAL_MAX_AGE_MS, describeAge, type ProposalContext } from './proposal-context.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';

/** A request to approve a proposal. */
export interface ApproveInput {
  proposalId: string;
  /** The person approving: recorded on the proposal, the audit log and the history. */
  approvedBy: string;
}

/** What an approval did. */
export interface ApproveResult {
  /** The proposal as it stands now (status `applied`). */
  proposal: ProposalRecord;
  /** True when it had been applied before: nothing was applied this time. */
  alreadyApplied: boolean;
  /**
   * True when the engine re-checked the proposal instead of applying the stored outcome: the
   * case had moved on since the preview, or the preview was computed under an earlier engine
   * contract (or its outcome was not stored).
   */
  rechecked: boolean;
  /** The case version the application produced. */
  version: number;
  /** The audit entries of the application (one per operation). */
  audit: AuditRecord[];
}

/**
 * Approves a proposal by a named person and applies it. Which proposals a door may see (its
 * workspace's) is the application layer's rule (`src/app`), checked before this is called.
 *
 * Everything happens in one write transaction (`BEGIN IMMEDIATE`), so two approvals of the
 * same proposal, from two processes even, serialize: the first applies, the second finds
 * it applied and returns the earlier result (approving twice applies once).
 *
 * When the case is still at the version the proposal was previewed against and the outcome
 * computed at proposal time was computed under the current engine contract, that outcome is
 * applied: the very document and figures the person saw. The write is conditional on that
 * version (`UPDATE ... WHERE version = base`). Otherwise (the case has moved on, or the
 * preview is from an earlier contract, whose figures meant something else), the engine
 * re-runs the operations on the current document (as of the preview's month); the proposal
 * is refused, with a reason naming the changes made since (or the contract it was previewed
 * under), if an operation no longer applies or would now do something else than previewed
 * (other change lines, or another effect on any figure); otherwise it is applied.
 *
 * Applying writes the new document with version + 1, a measurement-history row per recorded
 * value, an audit entry per operation, and the decision, all in the same transaction.
 */
export function approve(ctx: ProposalContext, input: ApproveInput): Outcome<ApproveResult> {
  const approvedBy = input.approvedBy.trim();
  if (!approvedBy) return failWith('invalid_argument', 'an approval needs the name of the person approving');
  const { store } = ctx;
  return store.transaction(() => {
    const proposal = store.getProposal(input.proposalId);
    if (!proposal) return failWith<ApproveResult>('not_found', `no proposal '${input.proposalId}'`);
    if (proposal.status === 'applied') {
      const version = proposal.appliedVersion!;
      const audit = store.listAudit(proposal.caseId, { afterVersion: version - 1 }).filter((a) => a.proposalId === proposal.id);
      return succeed({ proposal, alreadyApplied: true, rechecked: false, version, audit });
    }
    if (proposal.status !== 'pending') return failWith('not_pending', describeDecision(proposal));

    const now = ctx.now();
    const at = now.toISOString();
    const maxAgeMs = ctx.maxAgeMs ?? DEFAULT_PROPOSAL_MAX_AGE_MS;
    if (now.getTime() - Date.parse(proposal.createdAt) > maxAgeMs) {
      const reason = `not decided within ${describeAge(maxAgeMs)} (proposed ${proposal.createdAt}); propose it again to get a fresh preview`;
      store.decideProposal(proposal.id, { status: 'expired', decidedBy: null, decidedAt: at, reason });
      return failWith('expired', `proposal ${proposal.id} expired: ${reason}`);
    }

    const record = (versionBefore: number, previews: readonly OperationPreview[], values: readonly RecordedValue[], rechecked: boolean): ApproveResult => {
      const version = versionBefore + 1;
      store.insertMeasurements(
        values.map((v) => ({ caseId: proposal.caseId, ...v, recordedBy: proposal.proposedBy, approvedBy, proposalId: proposal.id, recordedAt: at, version })),
      );
      const audit = store.insertAuditEntries(
        previews.map((preview, opIndex) => ({
          caseId: proposal.caseId,
          proposalId: proposal.id,
          opIndex,
          op: preview.op,
          operation: proposal.operations[opIndex],
          scenario: preview.scenario,
          proposedBy: proposal.proposedBy,
          approvedBy,
          at,
          asOf: proposal.asOf,
          versionBefore,
          versionAfter: version,
          changes: preview.changes,
          before: preview.before,
          after: preview.after,
        })),
      );
      if (!store.decideProposal(proposal.id, { status: 'applied', decidedBy: approvedBy, decidedAt: at, appliedVersion: version })) {
        throw new Error(`proposal ${proposal.id} was decided during its approval`);
      }
      return {
        proposal: { ...proposal, status: 'applied', decidedBy: approvedBy, decidedAt: at, appliedVersion: version },
        alreadyApplied: false,
        rechecked,
        version,
        audit,
      };
    };

    // The case is where the preview left it, and the preview means what it says today: apply
    // exactly what was previewed.
    const stored = store.getProposalResult(proposal.id);
    const earlierContract = stored !== null && stored.engineContract !== ENGINE_CONTRACT;
    if (
      stored &&
      !earlierContract &&
      store.updateCaseDocument({ id: proposal.caseId, expectedVersion: proposal.baseVersion, document: stored.document, now: at })
    ) {
      return succeed(record(proposal.baseVersion, proposal.preview, stored.measurements, false));
    }

    // The case moved on, the preview is from an earlier engine contract, or nothing was
    // stored: the engine re-checks on the current document, against what was previewed.
    const current = store.getCase(proposal.caseId)!;
    const stale = current.version !== proposal.baseVersion;
    const refuse = (why: string): Outcome<ApproveResult> => {
      const context = [stale ? changesSince(store, current, proposal.baseVersion) : '', earlierContract ? previewedUnder(stored!.engineContract) : ''].filter(
        Boolean,
      );
      const reason = context.length ? `${why}. ${context.join(' ')}` : why;
      store.decideProposal(proposal.id, { status: 'refused', decidedBy: approvedBy, decidedAt: at, reason });
      return failWith('refused', `proposal ${proposal.id} refused: ${reason}`);
    };
    const broken = storedDocumentProblem(current);
    if (broken) return refuse(broken.message);
    const run = dryRun(current.document, proposal.operations, proposal.asOf);
    if (!run.ok) {
      const failed = run.error.index ?? 0;
      const op = proposal.preview[failed]?.op ?? 'operation';
      return refuse(`operation ${failed} (${op}) no longer applies: ${run.error.message}`);
    }
    for (const [index, step] of run.value.steps.entries()) {
      const previewed = proposal.preview[index];
      const difference = previewed ? comparePreviews(previewed, step.preview) : 'it was not previewed';
      if (difference) return refuse(`operation ${index} (${step.preview.op}) no longer does what was previewed: ${difference}`);
    }
    if (!store.updateCaseDocument({ id: current.key, expectedVersion: current.version, document: run.value.document, now: at })) {
      // Cannot happen while the write lock is held; throwing rolls the transaction back.
      throw new Error(`business case ${current.id} changed during the approval of ${proposal.id}`);
    }
    const values = run.value.steps.flatMap(recordedValues);
    return succeed(
      record(
        current.version,
        run.value.steps.map((s) => s.preview),
        values,
        true,
      ),
    );
  });
}

/** Why a preview from an earlier engine contract is not applied as stored. */
function previewedUnder(contract: number | undefined): string {
  const which = contract === undefined ? 'the first engine contract' : `engine contract ${contract}`;
  return (
    `The proposal was previewed under ${which}; its figures are computed differently under contract ${ENGINE_CONTRACT} ` +
    '(a calculation is tracked through its metric only, and locked months keep their figures), so its stored preview is not applied: propose it again for a fresh preview.'
  );
}

/** "The business case is at version 4; ...; since then: version 3: setInput proposed by ana, approved by ben (...)" */
function changesSince(store: Store, current: CaseRecord, baseVersion: number): string {
  const entries = store.listAudit(current.key, { afterVersion: baseVersion });
  const head = `The business case is at version ${current.version}; the proposal was previewed against version ${baseVersion}`;
  if (entries.length === 0) return `${head}.`;
  const shown = entries
    .slice(-5)
    .map((e) => `version ${e.versionAfter}: ${e.op} proposed by ${e.proposedBy}, approved by ${e.approvedBy} (${e.changes.join('; ')})`);
  const more = entries.length > shown.length ? `${entries.length - shown.length} earlier change(s), then ` : '';
  return `${head}; since then: ${more}${shown.join('; ')}.`;
}
