import type { ModelMessage } from 'ai';
import type { Store } from '../../db/store.ts';

/** How many stored messages a turn sends back to the model at most. */
export const HISTORY_LIMIT = 40;

/**
 * A thread's earlier messages, the latest `limit` of them, cut so they start at a user
 * message (a tool result must never arrive without the tool call it answers).
 */
export function loadHistory(store: Store, threadId: string, limit = HISTORY_LIMIT): ModelMessage[] {
  const rows = store.listMessages(threadId, { limit });
  const messages = rows.map((r) => r.content as ModelMessage);
  const first = messages.findIndex((m) => m.role === 'user');
  return first < 0 ? [] : messages.slice(first);
}

/** Appends messages to a thread, in order, in one transaction. */
export function saveMessages(store: Store, threadId: string, messages: readonly ModelMessage[], at: string): void {
  store.appendMessages({ threadId, messages: messages.map((m) => ({ role: m.role, content: m })), createdAt: at });
}
