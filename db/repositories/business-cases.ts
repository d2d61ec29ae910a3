import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { BusinessCase } from '../../src/engine/index.ts';
import { businessCases } from '../schema.ts';
import { placeholders } from './placeholders.ts';
import type { RepositoryContext } from './repository-context.ts';

const { p, setRaw, setEncoded } = placeholders;

/** A stored business case: its document and the version the document is at. */
export interface CaseRecord {
  /** The business case's id (its document's `id`): unique within its workspace, what people name it by. */
  id: string;
  /**
   * The storage key the case's proposals, history, audit and drafts refer to (`caseId` on
   * those records). Equal to `id` unless another workspace held that id first; never shown.
   */
  key: string;
  workspaceId: string;
  name: string;
  customer: string;
  document: BusinessCase;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A business case in a listing (without its document). */
export type CaseListing = Omit<CaseRecord, 'document'>;

/** Business cases: the engine's document and its version, the optimistic-concurrency token. */
export interface BusinessCaseRepository {
  /**
   * Stores a new business case at version 1 (the caller validated the document and checked
   * that its workspace has no case with that id). Its storage key is the document's id, or
   * `<id>@<workspace>` when another workspace already uses the id.
   */
  insertCase(input: { workspaceId: string; document: BusinessCase; createdBy: string; now: string }): CaseRecord;
  /** The case with its current document and version by its storage key (`CaseRecord.key`, the `caseId` of proposals...), or null. */
  getCase(key: string): CaseRecord | null;
  /** The case with this id in this workspace, or null. */
  findCaseIn(workspaceId: string, id: string): CaseRecord | null;
  /** Every case with this id, whatever its workspace (for the CLI, run by whoever holds the database). */
  findCasesById(id: string): CaseRecord[];
  /** Cases (without documents) by id, of one workspace or all. */
  listCases(workspaceId?: string): CaseListing[];
  /**
   * Replaces a case's document (`id` is its storage key, `CaseRecord.key`) and bumps its version, only if it is still at
   * `expectedVersion` (optimistic concurrency). Returns false, changing nothing, otherwise.
   */
  updateCaseDocument(input: { id: string; expectedVersion: number; document: BusinessCase; now: string }): boolean;
}

/**
 * The business-case repository over SQLite. Reading and updating a case is on the approval
 * path and every tool call lists cases to resolve a name: those statements are prepared once.
 */
export function businessCaseRepository({ db }: RepositoryContext): BusinessCaseRepository {
  const { document, id: key, caseId: id, ...rest } = getTableColumns(businessCases);
  const listingColumns = { id, key, ...rest };
  const recordColumns = { ...listingColumns, document };
  const q = {
    get: db
      .select(recordColumns)
      .from(businessCases)
      .where(eq(businessCases.id, p('key')))
      .prepare(),
    getIn: db
      .select(recordColumns)
      .from(businessCases)
      .where(and(eq(businessCases.workspaceId, p('workspaceId')), eq(businessCases.caseId, p('id'))))
      .prepare(),
    byId: db
      .select(recordColumns)
      .from(businessCases)
      .where(eq(businessCases.caseId, p('id')))
      .orderBy(asc(businessCases.workspaceId))
      .prepare(),
    keyTaken: db
      .select({ key: businessCases.id })
      .from(businessCases)
      .where(eq(businessCases.id, p('key')))
      .prepare(),
    update: db
      .update(businessCases)
      .set({
        document: setEncoded('document', businessCases.document),
        name: setRaw('name'),
        customer: setRaw('customer'),
        version: sql`${businessCases.version} + 1`,
        updatedAt: setRaw('now'),
      })
      .where(and(eq(businessCases.id, p('key')), eq(businessCases.version, p('expectedVersion'))))
      .prepare(),
    listAll: db.select(listingColumns).from(businessCases).orderBy(asc(businessCases.caseId), asc(businessCases.workspaceId)).prepare(),
    listWorkspace: db
      .select(listingColumns)
      .from(businessCases)
      .where(eq(businessCases.workspaceId, p('workspaceId')))
      .orderBy(asc(businessCases.caseId))
      .prepare(),
  };
  // Only engine-validated documents are ever written, so the stored JSON is trusted as a `BusinessCase`.
  const getCase = (key: string): CaseRecord | null => q.get.get({ key }) ?? null;
  return {
    insertCase({ workspaceId, document, createdBy, now }) {
      // Ids never hold `@` (ID_PATTERN), so `<id>@<workspace>` cannot be another case's id or key.
      const key = q.keyTaken.get({ key: document.id }) ? `${document.id}@${workspaceId}` : document.id;
      db.insert(businessCases)
        .values({
          id: key,
          workspaceId,
          caseId: document.id,
          name: document.name,
          customer: document.customer,
          document,
          version: 1,
          createdBy,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      return getCase(key)!;
    },
    getCase,
    findCaseIn(workspaceId, id) {
      return q.getIn.get({ workspaceId, id }) ?? null;
    },
    findCasesById(id) {
      return q.byId.all({ id });
    },
    listCases(workspaceId) {
      return workspaceId === undefined ? q.listAll.all() : q.listWorkspace.all({ workspaceId });
    },
    updateCaseDocument({ id: key, expectedVersion, document, now }) {
      return q.update.run({ key, expectedVersion, document, name: document.name, customer: document.customer, now }).changes === 1;
    },
  };
}
