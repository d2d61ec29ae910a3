import type { AuditRecord, CaseRecord, MeasurementRecord, QbrDraftRecord } from '../../db/store.ts';
import { failWith, succeed, type Outcome } from '../errors/outcome.ts';
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
  if (rows.length === 0) {
    const unknown = unknownName(found.value, input);
    if (unknown) return unknown;
  }
  return succeed({ record: found.value, rows });
}

/**
 * No history for a scenario, use case or input the case doesn't have is a typo, not an empty
 * history: it is `not_found`, naming the ones there are. (Only asked when there are no rows, so
 * the history of an input since removed from the document can still be read.)
 */
function unknownName(record: CaseRecord, input: MeasurementHistoryInput): Outcome<never> | null {
  const scenarios = record.document.scenarios;
  const s = input.scenario === undefined ? undefined : scenarios.find((x) => x.id === input.scenario);
  if (input.scenario !== undefined && !s) {
    const ids = scenarios.map((x) => x.id);
    return failWith('not_found', `no scenario '${input.scenario}' in ${record.id} (scenarios: ${ids.join(', ')})`, { field: 'scenario', candidates: ids });
  }
  const useCases = s ? s.useCases : scenarios.flatMap((x) => x.useCases);
  const u = input.useCase === undefined ? undefined : useCases.find((x) => x.id === input.useCase);
  if (input.useCase !== undefined && !u) {
    const ids = [...new Set(useCases.map((x) => x.id))];
    const where = s ? ` in scenario '${s.id}'` : '';
    return failWith('not_found', `no use case '${input.useCase}'${where} (use cases: ${ids.join(', ')})`, { field: 'useCase', candidates: ids });
  }
  if (input.input !== undefined && u && !u.inputs.some((x) => x.key === input.input)) {
    const keys = u.inputs.map((x) => x.key);
    return failWith('not_found', `no input '${input.input}' in use case '${u.id}' (inputs: ${keys.join(', ')})`, { field: 'input', candidates: keys });
  }
  return null;
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
