import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { QbrFacts } from '../../src/engine/index.ts';
import type { QbrAudience } from '../../src/qbr/qbr-audience.ts';
import { qbrDrafts } from '../schema.ts';
import type { RepositoryContext } from './repository-context.ts';

/** A stored QBR narrative draft: one version of the draft for a case, quarter and audience. */
export interface QbrDraftRecord {
  id: number;
  caseId: string;
  /** `YYYY-Qn`. */
  quarter: string;
  audience: QbrAudience;
  /** 1, 2, ... within (case, quarter, audience). */
  version: number;
  /** The business case's version the facts were computed from. */
  caseVersion: number;
  /** The month the facts are as of. */
  asOf: string;
  markdown: string;
  /** The engine's QBR facts the draft was written from and checked against. */
  facts: QbrFacts;
  /** True when every number in the markdown matched a fact. */
  grounded: boolean;
  /** The numbers, as written, that matched no fact (they are marked in the markdown). */
  unverified: string[];
  /** What wrote it: `template` (the offline writer) or the language model's id. */
  writer: string;
  createdBy: string;
  createdAt: string;
}

/** A draft to store; the store assigns the id and the next version. */
export type NewQbrDraft = Omit<QbrDraftRecord, 'id' | 'version'>;

/** Which drafts: a case, optionally one quarter and one audience. */
export interface QbrDraftFilter {
  caseId: string;
  quarter?: string;
  audience?: QbrAudience;
}

/** One draft: a case, quarter and audience, and a version (default: the latest). */
export interface QbrDraftKey {
  caseId: string;
  quarter: string;
  audience: QbrAudience;
  version?: number;
}

/** QBR narrative drafts, kept in versions per (case, quarter, audience); nothing is overwritten. */
export interface QbrDraftRepository {
  /** Stores a QBR draft as the next version of its (case, quarter, audience); returns it. */
  insertQbrDraft(input: NewQbrDraft): QbrDraftRecord;
  /** QBR drafts of a case, by quarter, audience and version (oldest version first). */
  listQbrDrafts(filter: QbrDraftFilter): QbrDraftRecord[];
  /** One QBR draft version (the latest when `version` is omitted), or null. */
  getQbrDraft(key: QbrDraftKey): QbrDraftRecord | null;
}

/** The QBR-draft repository over SQLite. */
export function qbrDraftRepository({ db, transaction }: RepositoryContext): QbrDraftRepository {
  return {
    insertQbrDraft(input) {
      // Reading the last version and inserting the next under the write lock keeps versions
      // gapless even with two writers; the unique index is the backstop.
      return transaction(() => {
        const key = and(eq(qbrDrafts.caseId, input.caseId), eq(qbrDrafts.quarter, input.quarter), eq(qbrDrafts.audience, input.audience));
        const last = db
          .select({ version: sql<number | null>`max(${qbrDrafts.version})` })
          .from(qbrDrafts)
          .where(key)
          .get();
        return db
          .insert(qbrDrafts)
          .values({ ...input, version: (last?.version ?? 0) + 1 })
          .returning()
          .get();
      });
    },
    listQbrDrafts(filter) {
      const conditions = [eq(qbrDrafts.caseId, filter.caseId)];
      if (filter.quarter !== undefined) conditions.push(eq(qbrDrafts.quarter, filter.quarter));
      if (filter.audience !== undefined) conditions.push(eq(qbrDrafts.audience, filter.audience));
      return db
        .select()
        .from(qbrDrafts)
        .where(and(...conditions))
        .orderBy(asc(qbrDrafts.quarter), asc(qbrDrafts.audience), asc(qbrDrafts.version))
        .all();
    },
    getQbrDraft({ caseId, quarter, audience, version }) {
      const conditions = [eq(qbrDrafts.caseId, caseId), eq(qbrDrafts.quarter, quarter), eq(qbrDrafts.audience, audience)];
      if (version !== undefined) conditions.push(eq(qbrDrafts.version, version));
      return (
        db
          .select()
          .from(qbrDrafts)
          .where(and(...conditions))
          .orderBy(desc(qbrDrafts.version))
          .limit(1)
          .get() ?? null
      );
    },
  };
}
