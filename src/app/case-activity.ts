import type { AuditRecord, CaseRecord, MeasurementRecord, QbrDraftRecord } from '../../db/store.ts';
import { succeed, type Outcome } from '../errors/outcome.ts';
import type { AppContext } from './app-context.ts';
import { findCase } from './find-case.ts';
import { proposalView, type ProposalView } from './proposal-view.ts';

/** What has been decided on a case: its proposals other than pending ones (newest first) and its audit trail. */
export interface CaseActivity {
  record: CaseRecord;
  /** Applied, rejected, refused and expired proposals, as every door shows them, newest first. */
  decided: ProposalView[];
  /** Every applied operation, newest first. */
  audit: AuditRecord[];
}

/** The decided proposals and the audit trail of a case the door may see (`findCase`). */
export function caseActivity(ctx: AppContext, caseId: string, workspaceId?: string): Outcome<CaseActivity> {
  const found = findCase(ctx.store, caseId, workspaceId);
  if (!found.ok) return found;
  const record = found.value;
  const audit = ctx.store.listAudit(record.key);
  const decided = ctx.store
    .listProposals({ caseId: record.key })
    .filter((p) => p.status !== 'pending')
    .map((p) => proposalView(p, record, audit))
    .reverse();
  return succeed({ record, decided, audit: [...audit].reverse() });
}

/** Which measurement history to read: a case the door may see, optionally one input of one use case. */
export interface MeasurementHistoryInput {
  caseId: string;
  workspaceId?: string;
  scenario?: string;
  useCase?: string;
  input?: string;
  /** Only this month's rows. */
  month?: string;
}

/** Every value that entered a measurement (recorded, replaced, removed), oldest first. */
export function measurementHistory(ctx: AppContext, input: MeasurementHistoryInput): Outcome<{ record: CaseRecord; rows: MeasurementRecord[] }> {
  const found = findCase(ctx.store, input.caseId, input.workspaceId);
  if (!found.ok) return found;
  const rows = ctx.store
    .listMeasurements({
      caseId: found.value.key,
      ...(input.scenario !== undefined ? { scenario: input.scenario } : {}),
      ...(input.useCase !== undefined ? { useCase: input.useCase } : {}),
      ...(input.input !== undefined ? { input: input.input } : {}),
    })
    .filter((r) => input.month === undefined || r.month === input.month);
  return succeed({ record: found.value, rows });
}

/** The saved QBR drafts of a case the door may see, every version, newest first. */
export function qbrVersions(ctx: AppContext, caseId: string, workspaceId?: string): Outcome<{ record: CaseRecord; drafts: QbrDraftRecord[] }> {
  const found = findCase(ctx.store, caseId, workspaceId);
  if (!found.ok) return found;
  const drafts = ctx.store.listQbrDrafts({ caseId: found.value.key });
  drafts.sort((a, b) =>
    a.quarter === b.quarter ? (a.audience === b.audience ? b.version - a.version : a.audience.localeCompare(b.audience)) : b.quarter.localeCompare(a.quarter),
  );
  return succeed({ record: found.value, drafts });
}
