import { and, asc, eq, getTableColumns, gt } from 'drizzle-orm';
import type { Figures } from '../../src/engine/index.ts';
import { auditLog } from '../schema.ts';
import { placeholders } from './placeholders.ts';
import type { RepositoryContext } from './repository-context.ts';

const { p, nullableJson } = placeholders;

/** One applied operation in the audit log. */
export interface AuditRecord {
  id: number;
  caseId: string;
  proposalId: string;
  opIndex: number;
  op: string;
  operation: unknown;
  scenario: string;
  proposedBy: string;
  approvedBy: string;
  at: string;
  asOf: string;
  versionBefore: number;
  versionAfter: number;
  changes: string[];
  before: Figures | null;
  after: Figures;
}

/** An audit entry to write. */
export type NewAuditEntry = Omit<AuditRecord, 'id'>;

/** One entry per applied operation: what, who proposed, who approved, when, figures before and after. */
export interface AuditLogRepository {
  /** Appends audit entries and returns them with their ids. */
  insertAuditEntries(entries: readonly NewAuditEntry[]): AuditRecord[];
  /** A case's audit log, oldest first; `afterVersion` keeps entries that produced a later version. */
  listAudit(caseId: string, options?: { afterVersion?: number }): AuditRecord[];
}

/** The audit-log repository over SQLite; its insert is on the approval path, prepared once. */
export function auditLogRepository({ db }: RepositoryContext): AuditLogRepository {
  const { beforeFigures, afterFigures, ...columns } = getTableColumns(auditLog);
  const recordColumns = { ...columns, before: beforeFigures, after: afterFigures };
  const insert = db
    .insert(auditLog)
    .values({
      caseId: p('caseId'),
      proposalId: p('proposalId'),
      opIndex: p('opIndex'),
      op: p('op'),
      operation: p('operation'),
      scenario: p('scenario'),
      proposedBy: p('proposedBy'),
      approvedBy: p('approvedBy'),
      at: p('at'),
      asOf: p('asOf'),
      versionBefore: p('versionBefore'),
      versionAfter: p('versionAfter'),
      changes: p('changes'),
      beforeFigures: nullableJson('before', beforeFigures),
      afterFigures: p('after'),
    })
    .returning({ id: auditLog.id })
    .prepare();
  return {
    insertAuditEntries(entries) {
      return entries.map((e) => structuredClone({ id: insert.get(e)!.id, ...e }));
    },
    listAudit(caseId, options = {}) {
      const conditions = [eq(auditLog.caseId, caseId)];
      if (options.afterVersion !== undefined) conditions.push(gt(auditLog.versionAfter, options.afterVersion));
      return db
        .select(recordColumns)
        .from(auditLog)
        .where(and(...conditions))
        .orderBy(asc(auditLog.id))
        .all();
    },
  };
}
