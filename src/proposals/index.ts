/**
 * The one place where business cases change: import, propose, approve, reject, expire (and
 * the repair of a stored case the engine no longer accepts). The doors reach these through
 * the application layer (`src/app`), which also applies the workspace-visibility rule; the
 * agent's tools call `propose` with a case they found in their workspace. Failures are
 * `Outcome`s (`src/errors`).
 */
export * from './proposal-context.ts';
export { propose } from './propose.ts';
export type { ProposeInput } from './propose.ts';
export { approve } from './approve.ts';
export type { ApproveInput, ApproveResult } from './approve.ts';
export { reject } from './reject.ts';
export type { RejectInput, RejectResult } from './reject.ts';
export { listPending } from './list-pending.ts';
export type { ListPendingInput } from './list-pending.ts';
export { expireProposals } from './expire-proposals.ts';
export { importCase } from './import-case.ts';
export { DEFAULT_WORKSPACE } from './default-workspace.ts';
export type { ImportCaseInput } from './import-case.ts';
export { replaceCase } from './replace-case.ts';
export type { ReplaceCaseInput, ReplacedCase } from './replace-case.ts';
export { seedDemoIfEmpty, DEMO_DOCUMENT_PATH } from './seed-demo.ts';
export { describeDecision } from './describe-decision.ts';
export { comparePreviews } from './compare-previews.ts';
export { dryRun } from './dry-run.ts';
export type { DryRun, DryRunStep } from './dry-run.ts';
export { measurementChanges, allMeasurements, recordedValues } from './measurement-changes.ts';
export { ENGINE_CONTRACT } from './engine-contract.ts';
export { storedDocumentProblem } from './stored-document-problem.ts';
export { PROPOSAL_STATUSES } from './proposal-status.ts';
export type { ProposalStatus } from './proposal-status.ts';
export { MEASUREMENT_ACTIONS } from './measurement-action.ts';
export type { MeasurementAction } from './measurement-action.ts';
export { checkCaseId, MAX_CASE_ID_LENGTH } from './case-id.ts';
