/**
 * The one place where business cases change: import, propose, approve, reject, expire (and
 * the repair of a stored case the engine no longer accepts).
 * Every door (CLI, HTTP, Slack, agent tools) calls these functions with a `ProposalContext`.
 */
export * from './proposal-error.ts';
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
export { importCase, DEFAULT_WORKSPACE } from './import-case.ts';
export type { ImportCaseInput } from './import-case.ts';
export { replaceCase } from './replace-case.ts';
export type { ReplaceCaseInput, ReplacedCase } from './replace-case.ts';
export { seedDemoIfEmpty, DEMO_DOCUMENT_PATH } from './seed-demo.ts';
export { findCase } from './find-case.ts';
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
