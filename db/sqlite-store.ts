import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, gt, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { BusinessCase } from '../src/engine/index.ts';
import type { DatabaseHandle } from './client.ts';
import { apiTokens, auditLog, businessCases, measurementHistory, messages, proposals, qbrDrafts, threads, workspaces } from './schema.ts';
import type {
  ApiTokenRecord,
  AuditRecord,
  CaseListing,
  CaseRecord,
  MeasurementRecord,
  MessageRecord,
  MessageRole,
  NewAuditEntry,
  ProposalRecord,
  ProposalResult,
  QbrDraftRecord,
  Store,
  ThreadRecord,
} from './store.ts';

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** Id generator for proposals, tokens and threads (random UUIDs by default; injectable for tests). */
  newId?: () => string;
}

/** SHA-256 (hex) of an API token: what the database keeps instead of the token. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const p = sql.placeholder;
/** A placeholder where drizzle's `.set()` types want an SQL expression. */
const set = (name: string): SQL => sql`${sql.placeholder(name)}`;

/**
 * The `Store` over an open SQLite database (drizzle + better-sqlite3). Repository functions
 * only: every rule about what may change lives in `src/proposals/`. The statements on the
 * approval path are prepared once (drizzle `.prepare()` with placeholders), so an approval
 * costs SQLite work, not query building.
 */
export function createSqliteStore(handle: DatabaseHandle, options: SqliteStoreOptions = {}): Store {
  const { db, sqlite } = handle;
  const newId = options.newId ?? randomUUID;

  const { result: _result, ...proposalColumns } = getTableColumns(proposals);
  const { document: _document, ...caseListingColumns } = getTableColumns(businessCases);

  const q = {
    getCase: db.select().from(businessCases).where(eq(businessCases.id, p('id'))).prepare(),
    updateCase: db
      .update(businessCases)
      .set({ document: set('document'), name: set('name'), customer: set('customer'), version: sql`${businessCases.version} + 1`, updatedAt: set('now') })
      .where(and(eq(businessCases.id, p('id')), eq(businessCases.version, p('expectedVersion'))))
      .prepare(),
    getProposal: db.select(proposalColumns).from(proposals).where(eq(proposals.id, p('id'))).prepare(),
    getProposalResult: db.select({ result: proposals.result }).from(proposals).where(eq(proposals.id, p('id'))).prepare(),
    insertProposal: db
      .insert(proposals)
      .values({
        id: p('id'),
        caseId: p('caseId'),
        operations: p('operations'),
        baseVersion: p('baseVersion'),
        asOf: p('asOf'),
        preview: p('preview'),
        result: p('result'),
        status: 'pending',
        proposedBy: p('proposedBy'),
        channel: p('channel'),
        thread: p('thread'),
        createdAt: p('createdAt'),
      })
      .prepare(),
    decideProposal: db
      .update(proposals)
      .set({ status: set('status'), decidedBy: set('decidedBy'), decidedAt: set('decidedAt'), reason: set('reason'), appliedVersion: set('appliedVersion') })
      .where(and(eq(proposals.id, p('id')), eq(proposals.status, 'pending')))
      .prepare(),
    insertAudit: db
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
        beforeFigures: p('beforeFigures'),
        afterFigures: p('afterFigures'),
      })
      .returning({ id: auditLog.id })
      .prepare(),
    insertMeasurement: db
      .insert(measurementHistory)
      .values({
        caseId: p('caseId'),
        scenario: p('scenario'),
        useCase: p('useCase'),
        input: p('input'),
        month: p('month'),
        value: p('value'),
        note: p('note'),
        evidence: p('evidence'),
        source: p('source'),
        recordedBy: p('recordedBy'),
        approvedBy: p('approvedBy'),
        proposalId: p('proposalId'),
        recordedAt: p('recordedAt'),
        version: p('version'),
        replacedValue: p('replacedValue'),
        supersededBy: null,
        action: p('action'),
      })
      .returning({ id: measurementHistory.id })
      .prepare(),
    supersede: db
      .update(measurementHistory)
      .set({ supersededBy: set('newId') })
      .where(
        and(
          eq(measurementHistory.caseId, p('caseId')),
          eq(measurementHistory.scenario, p('scenario')),
          eq(measurementHistory.useCase, p('useCase')),
          eq(measurementHistory.input, p('input')),
          eq(measurementHistory.month, p('month')),
          isNull(measurementHistory.supersededBy),
          ne(measurementHistory.id, p('newId')),
        ),
      )
      .prepare(),
    // Conversation memory is read and written on every chat turn: prepared once.
    insertThread: db
      .insert(threads)
      .values({ id: set('id'), workspaceId: set('workspaceId'), key: set('key'), createdAt: set('now'), updatedAt: set('now') })
      .onConflictDoNothing()
      .prepare(),
    findThread: db.select().from(threads).where(and(eq(threads.workspaceId, p('workspaceId')), eq(threads.key, p('key')))).prepare(),
    insertMessage: db
      .insert(messages)
      .values({ threadId: set('threadId'), role: set('role'), content: set('content'), createdAt: set('createdAt') })
      .prepare(),
    touchThread: db.update(threads).set({ updatedAt: set('createdAt') }).where(eq(threads.id, p('threadId'))).prepare(),
    allMessages: db.select().from(messages).where(eq(messages.threadId, p('threadId'))).orderBy(asc(messages.id)).prepare(),
    latestMessages: db.select().from(messages).where(eq(messages.threadId, p('threadId'))).orderBy(desc(messages.id)).limit(p('limit')).prepare(),
    // Every API request authenticates, and every tool call resolves a case name: prepared too.
    findApiToken: db
      .select()
      .from(apiTokens)
      .where(and(eq(apiTokens.tokenHash, p('tokenHash')), isNull(apiTokens.revokedAt)))
      .prepare(),
    listCases: db.select(caseListingColumns).from(businessCases).orderBy(asc(businessCases.id)).prepare(),
    listWorkspaceCases: db
      .select(caseListingColumns)
      .from(businessCases)
      .where(eq(businessCases.workspaceId, p('workspaceId')))
      .orderBy(asc(businessCases.id))
      .prepare(),
  };

  const toCase = (row: typeof businessCases.$inferSelect): CaseRecord => ({
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    customer: row.customer,
    // Only engine-validated documents are ever written, so the stored JSON is trusted.
    document: JSON.parse(row.document) as BusinessCase,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });

  const toProposal = (row: Omit<typeof proposals.$inferSelect, 'result'>): ProposalRecord => ({
    id: row.id,
    caseId: row.caseId,
    operations: JSON.parse(row.operations) as unknown[],
    baseVersion: row.baseVersion,
    asOf: row.asOf,
    preview: JSON.parse(row.preview) as ProposalRecord['preview'],
    status: row.status,
    proposedBy: row.proposedBy,
    channel: row.channel,
    thread: row.thread,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    decidedBy: row.decidedBy,
    reason: row.reason,
    appliedVersion: row.appliedVersion,
  });

  const toAudit = (row: typeof auditLog.$inferSelect): AuditRecord => ({
    id: row.id,
    caseId: row.caseId,
    proposalId: row.proposalId,
    opIndex: row.opIndex,
    op: row.op,
    operation: JSON.parse(row.operation) as unknown,
    scenario: row.scenario,
    proposedBy: row.proposedBy,
    approvedBy: row.approvedBy,
    at: row.at,
    asOf: row.asOf,
    versionBefore: row.versionBefore,
    versionAfter: row.versionAfter,
    changes: JSON.parse(row.changes) as string[],
    before: row.beforeFigures === null ? null : (JSON.parse(row.beforeFigures) as AuditRecord['before']),
    after: JSON.parse(row.afterFigures) as AuditRecord['after'],
  });

  const toToken = (row: typeof apiTokens.$inferSelect): ApiTokenRecord => ({
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
  });

  const toMessage = (row: typeof messages.$inferSelect): MessageRecord => ({
    id: row.id,
    threadId: row.threadId,
    role: row.role,
    content: JSON.parse(row.content) as unknown,
    createdAt: row.createdAt,
  });

  const toQbrDraft = (row: typeof qbrDrafts.$inferSelect): QbrDraftRecord => ({
    id: row.id,
    caseId: row.caseId,
    quarter: row.quarter,
    audience: row.audience,
    version: row.version,
    caseVersion: row.caseVersion,
    asOf: row.asOf,
    markdown: row.markdown,
    facts: JSON.parse(row.facts) as QbrDraftRecord['facts'],
    grounded: row.grounded,
    unverified: JSON.parse(row.unverified) as string[],
    writer: row.writer,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  });

  const store: Store = {
    transaction<T>(fn: () => T): T {
      // better-sqlite3 turns a nested transaction function into a savepoint.
      return sqlite.transaction(fn).immediate();
    },

    ensureWorkspace(id, name, now) {
      db.insert(workspaces).values({ id, name, createdAt: now }).onConflictDoNothing().run();
      return store.getWorkspace(id)!;
    },
    getWorkspace(id) {
      return db.select().from(workspaces).where(eq(workspaces.id, id)).get() ?? null;
    },
    listWorkspaces() {
      return db.select().from(workspaces).orderBy(asc(workspaces.id)).all();
    },

    insertCase({ workspaceId, document, createdBy, now }) {
      db.insert(businessCases)
        .values({
          id: document.id,
          workspaceId,
          name: document.name,
          customer: document.customer,
          document: JSON.stringify(document),
          version: 1,
          createdBy,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      return store.getCase(document.id)!;
    },
    getCase(id) {
      const row = q.getCase.get({ id });
      return row ? toCase(row) : null;
    },
    listCases(workspaceId) {
      return (workspaceId === undefined ? q.listCases.all() : q.listWorkspaceCases.all({ workspaceId })) satisfies CaseListing[];
    },
    updateCaseDocument({ id, expectedVersion, document, now }) {
      const result = q.updateCase.run({ id, expectedVersion, document: JSON.stringify(document), name: document.name, customer: document.customer, now });
      return result.changes === 1;
    },

    insertProposal(input) {
      const record: ProposalRecord = {
        id: newId(),
        caseId: input.caseId,
        operations: input.operations,
        baseVersion: input.baseVersion,
        asOf: input.asOf,
        preview: input.preview,
        status: 'pending',
        proposedBy: input.proposedBy,
        channel: input.channel ?? null,
        thread: input.thread ?? null,
        createdAt: input.createdAt,
        decidedAt: null,
        decidedBy: null,
        reason: null,
        appliedVersion: null,
      };
      q.insertProposal.run({
        ...record,
        operations: JSON.stringify(record.operations),
        preview: JSON.stringify(record.preview),
        result: input.result ? JSON.stringify(input.result) : null,
      });
      // What was stored, as a reader would get it back (a copy the caller cannot alias).
      return structuredClone(record);
    },
    getProposal(id) {
      const row = q.getProposal.get({ id });
      return row ? toProposal(row) : null;
    },
    getProposalResult(id) {
      const row = q.getProposalResult.get({ id });
      return row?.result ? (JSON.parse(row.result) as ProposalResult) : null;
    },
    listProposals(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.caseId !== undefined) conditions.push(eq(proposals.caseId, filter.caseId));
      if (filter.status !== undefined) conditions.push(eq(proposals.status, filter.status));
      if (filter.createdBefore !== undefined) conditions.push(lt(proposals.createdAt, filter.createdBefore));
      if (filter.workspaceId !== undefined) {
        conditions.push(
          sql`${proposals.caseId} in (select ${businessCases.id} from ${businessCases} where ${businessCases.workspaceId} = ${filter.workspaceId})`,
        );
      }
      return db
        .select(proposalColumns)
        .from(proposals)
        .where(and(...conditions))
        .orderBy(asc(proposals.createdAt), sql`rowid`)
        .all()
        .map(toProposal);
    },
    decideProposal(id, decision) {
      const result = q.decideProposal.run({
        id,
        status: decision.status,
        decidedBy: decision.decidedBy,
        decidedAt: decision.decidedAt,
        reason: decision.reason ?? null,
        appliedVersion: decision.appliedVersion ?? null,
      });
      return result.changes === 1;
    },

    insertAuditEntries(entries) {
      return entries.map((e: NewAuditEntry) => {
        const { id } = q.insertAudit.get({
          ...e,
          operation: JSON.stringify(e.operation),
          changes: JSON.stringify(e.changes),
          beforeFigures: e.before === null ? null : JSON.stringify(e.before),
          afterFigures: JSON.stringify(e.after),
        })!;
        return structuredClone({ id, ...e });
      });
    },
    listAudit(caseId, options = {}) {
      const conditions = [eq(auditLog.caseId, caseId)];
      if (options.afterVersion !== undefined) conditions.push(gt(auditLog.versionAfter, options.afterVersion));
      return db
        .select()
        .from(auditLog)
        .where(and(...conditions))
        .orderBy(asc(auditLog.id))
        .all()
        .map(toAudit);
    },

    insertMeasurements(rows) {
      for (const row of rows) {
        const { id } = q.insertMeasurement.get({ ...row, action: row.action ?? 'recorded' })!;
        q.supersede.run({ ...row, newId: id });
      }
    },
    listMeasurements(filter) {
      const conditions = [eq(measurementHistory.caseId, filter.caseId)];
      if (filter.scenario !== undefined) conditions.push(eq(measurementHistory.scenario, filter.scenario));
      if (filter.useCase !== undefined) conditions.push(eq(measurementHistory.useCase, filter.useCase));
      if (filter.input !== undefined) conditions.push(eq(measurementHistory.input, filter.input));
      return db
        .select()
        .from(measurementHistory)
        .where(and(...conditions))
        .orderBy(asc(measurementHistory.id))
        .all() satisfies MeasurementRecord[];
    },

    createApiToken({ workspaceId, name, now }) {
      const token = `ve_${randomBytes(32).toString('base64url')}`;
      const id = newId();
      db.insert(apiTokens).values({ id, workspaceId, name, tokenHash: hashApiToken(token), createdAt: now }).run();
      return { record: { id, workspaceId, name, createdAt: now, revokedAt: null }, token };
    },
    findApiToken(token) {
      const row = q.findApiToken.get({ tokenHash: hashApiToken(token) });
      return row ? toToken(row) : null;
    },
    listApiTokens(workspaceId) {
      return db.select().from(apiTokens).where(eq(apiTokens.workspaceId, workspaceId)).orderBy(asc(apiTokens.createdAt), sql`rowid`).all().map(toToken);
    },
    revokeApiToken(id, now) {
      return db.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).run().changes === 1;
    },

    getOrCreateThread({ workspaceId, key, now }) {
      // Read first: the thread exists on every turn but the first, and a read takes no write lock.
      const found = q.findThread.get({ workspaceId, key });
      if (found) return found as ThreadRecord;
      q.insertThread.run({ id: newId(), workspaceId, key, now });
      return q.findThread.get({ workspaceId, key }) as ThreadRecord;
    },
    appendMessages({ threadId, messages: appended, createdAt }) {
      if (appended.length === 0) return;
      store.transaction(() => {
        for (const { role, content } of appended) q.insertMessage.run({ threadId, role: role satisfies MessageRole, content: JSON.stringify(content), createdAt });
        q.touchThread.run({ threadId, createdAt });
      });
    },
    listMessages(threadId, options = {}) {
      if (options.limit === undefined) return q.allMessages.all({ threadId }).map(toMessage);
      return q.latestMessages.all({ threadId, limit: options.limit }).reverse().map(toMessage);
    },

    insertQbrDraft(input) {
      // Reading the last version and inserting the next under the write lock keeps versions
      // gapless even with two writers; the unique index is the backstop.
      return store.transaction(() => {
        const key = and(eq(qbrDrafts.caseId, input.caseId), eq(qbrDrafts.quarter, input.quarter), eq(qbrDrafts.audience, input.audience));
        const last = db.select({ version: sql<number | null>`max(${qbrDrafts.version})` }).from(qbrDrafts).where(key).get();
        const row = db
          .insert(qbrDrafts)
          .values({
            ...input,
            version: (last?.version ?? 0) + 1,
            facts: JSON.stringify(input.facts),
            unverified: JSON.stringify(input.unverified),
          })
          .returning()
          .get();
        return toQbrDraft(row);
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
        .all()
        .map(toQbrDraft);
    },
    getQbrDraft({ caseId, quarter, audience, version }) {
      const conditions = [eq(qbrDrafts.caseId, caseId), eq(qbrDrafts.quarter, quarter), eq(qbrDrafts.audience, audience)];
      if (version !== undefined) conditions.push(eq(qbrDrafts.version, version));
      const row = db
        .select()
        .from(qbrDrafts)
        .where(and(...conditions))
        .orderBy(desc(qbrDrafts.version))
        .limit(1)
        .get();
      return row ? toQbrDraft(row) : null;
    },

    close() {
      handle.close();
    },
  };
  return store;
}
