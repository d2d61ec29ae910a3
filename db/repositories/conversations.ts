import { and, asc, desc, eq } from 'drizzle-orm';
import { messages, threads } from '../schema.ts';
import { placeholders } from './placeholders.ts';
import type { RepositoryContext } from './repository-context.ts';

const { p, setRaw } = placeholders;

/** A conversation thread. */
export interface ThreadRecord {
  id: string;
  workspaceId: string;
  key: string;
  createdAt: string;
  updatedAt: string;
}

/** The author of a conversation message. */
export type MessageRole = 'system' | 'user' | 'assistant' | 'tool';

/** One conversation message; `content` is whatever JSON the agent stores. */
export interface MessageRecord {
  id: number;
  threadId: string;
  role: MessageRole;
  content: unknown;
  createdAt: string;
}

/** Conversation memory: threads keyed within a workspace, and their messages in order. */
export interface ConversationRepository {
  /** The thread with this key in the workspace, created if new. */
  getOrCreateThread(input: { workspaceId: string; key: string; now: string }): ThreadRecord;
  /** Appends messages to a thread, in order, in one transaction (and touches the thread's `updatedAt`). */
  appendMessages(input: { threadId: string; messages: ReadonlyArray<{ role: MessageRole; content: unknown }>; createdAt: string }): void;
  /** A thread's messages in order; with `limit`, the latest `limit` of them. */
  listMessages(threadId: string, options?: { limit?: number }): MessageRecord[];
}

/** The conversation repository over SQLite. It is read and written on every chat turn: every statement is prepared once. */
export function conversationRepository({ db, transaction, newId }: RepositoryContext): ConversationRepository {
  const q = {
    insertThread: db
      .insert(threads)
      .values({ id: setRaw('id'), workspaceId: setRaw('workspaceId'), key: setRaw('key'), createdAt: setRaw('now'), updatedAt: setRaw('now') })
      .onConflictDoNothing()
      .prepare(),
    findThread: db
      .select()
      .from(threads)
      .where(and(eq(threads.workspaceId, p('workspaceId')), eq(threads.key, p('key'))))
      .prepare(),
    insertMessage: db
      .insert(messages)
      .values({ threadId: p('threadId'), role: p('role'), content: p('content'), createdAt: p('createdAt') })
      .prepare(),
    touchThread: db
      .update(threads)
      .set({ updatedAt: setRaw('createdAt') })
      .where(eq(threads.id, p('threadId')))
      .prepare(),
    allMessages: db
      .select()
      .from(messages)
      .where(eq(messages.threadId, p('threadId')))
      .orderBy(asc(messages.id))
      .prepare(),
    latestMessages: db
      .select()
      .from(messages)
      .where(eq(messages.threadId, p('threadId')))
      .orderBy(desc(messages.id))
      .limit(p('limit'))
      .prepare(),
  };
  return {
    getOrCreateThread({ workspaceId, key, now }) {
      // Read first: the thread exists on every turn but the first, and a read takes no write lock.
      const found = q.findThread.get({ workspaceId, key });
      if (found) return found;
      q.insertThread.run({ id: newId(), workspaceId, key, now });
      return q.findThread.get({ workspaceId, key })!;
    },
    appendMessages({ threadId, messages: appended, createdAt }) {
      if (appended.length === 0) return;
      transaction(() => {
        for (const { role, content } of appended) q.insertMessage.run({ threadId, role, content, createdAt });
        q.touchThread.run({ threadId, createdAt });
      });
    },
    listMessages(threadId, options = {}) {
      if (options.limit === undefined) return q.allMessages.all({ threadId });
      return q.latestMessages.all({ threadId, limit: options.limit }).reverse();
    },
  };
}
