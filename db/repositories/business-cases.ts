import { and, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { BusinessCase } from '../../src/engine/index.ts';
import { businessCases } from '../schema.ts';
import { placeholders } from './placeholders.ts';
import type { RepositoryContext } from './repository-context.ts';

const { p, setRaw, setEncoded } = placeholders;

/** A stored business case: its document and the version the document is at. */
export interface CaseRecord {
  id: string;
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
  /** Stores a new business case at version 1 (the caller validated the document). Throws if the id exists. */
  insertCase(input: { workspaceId: string; document: BusinessCase; createdBy: string; now: string }): CaseRecord;
  /** The case with its current document and version, or null. */
  getCase(id: string): CaseRecord | null;
  /** Cases (without documents) by id, of one workspace or all. */
  listCases(workspaceId?: string): CaseListing[];
  /**
   * Replaces a case's document and bumps its version, only if it is still at
   * `expectedVersion` (optimistic concurrency). Returns false, changing nothing, otherwise.
   */
  updateCaseDocument(input: { id: string; expectedVersion: number; document: BusinessCase; now: string }): boolean;
}

/**
 * The business-case repository over SQLite. Reading and updating a case is on the approval
 * path and every tool call lists cases to resolve a name: those statements are prepared once.
 */
export function businessCaseRepository({ db }: RepositoryContext): BusinessCaseRepository {
  const { document: _document, ...listingColumns } = getTableColumns(businessCases);
  const q = {
    get: db
      .select()
      .from(businessCases)
      .where(eq(businessCases.id, p('id')))
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
      .where(and(eq(businessCases.id, p('id')), eq(businessCases.version, p('expectedVersion'))))
      .prepare(),
    listAll: db.select(listingColumns).from(businessCases).orderBy(asc(businessCases.id)).prepare(),
    listWorkspace: db
      .select(listingColumns)
      .from(businessCases)
      .where(eq(businessCases.workspaceId, p('workspaceId')))
      .orderBy(asc(businessCases.id))
      .prepare(),
  };
  // Only engine-validated documents are ever written, so the stored JSON is trusted as a `BusinessCase`.
  const getCase = (id: string): CaseRecord | null => q.get.get({ id }) ?? null;
  return {
    insertCase({ workspaceId, document, createdBy, now }) {
      db.insert(businessCases)
        .values({
          id: document.id,
          workspaceId,
          name: document.name,
          customer: document.customer,
          document,
          version: 1,
          createdBy,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      return getCase(document.id)!;
    },
    getCase,
    listCases(workspaceId) {
      return workspaceId === undefined ? q.listAll.all() : q.listWorkspace.all({ workspaceId });
    },
    updateCaseDocument({ id, expectedVersion, document, now }) {
      return q.update.run({ id, expectedVersion, document, name: document.name, customer: document.customer, now }).changes === 1;
    },
  };
}
