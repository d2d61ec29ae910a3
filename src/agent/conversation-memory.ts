import type { ModelMessage } from 'ai';
import type { Store } from '../../db/store.ts';

/** How many stored messages a turn reads back at most (before older turns are compacted). */
export const HISTORY_LIMIT = 40;

/** How many of the latest turns are sent back whole, with their tool calls and results. */
export const FULL_TURNS = 2;

/**
 * A thread's earlier messages for the next turn: the latest `limit` stored messages, cut so
 * they start at a user message (a tool result must never arrive without the tool call it
 * answers), with turns older than the latest `fullTurns` compacted by `compactTurns`.
 */
export function loadHistory(store: Store, threadId: string, limit = HISTORY_LIMIT, fullTurns = FULL_TURNS): ModelMessage[] {
  const rows = store.listMessages(threadId, { limit });
  const messages = rows.map((r) => r.content as ModelMessage);
  const first = messages.findIndex((m) => m.role === 'user');
  return first < 0 ? [] : compactTurns(messages.slice(first), fullTurns);
}

/**
 * Keeps the latest `fullTurns` turns (a turn starts at a user message) whole and reduces
 * every older turn to what was said: the person's message and the assistant's text, without
 * tool calls and tool results. Why:
 * - an old tool result may be stale: figures change when a proposal is approved, and the
 *   system prompt has the model call a tool for any figure it states, so it asks again
 *   instead of quoting one from several turns ago;
 * - tool results are most of a conversation's size (a value summary is ~1.4 kB of JSON
 *   against a one-line question), so they are what a long thread would otherwise re-send,
 *   and pay for in tokens, on every turn; the SDK also re-validates every part each turn.
 * Follow-ups ("split that calculation", "approve it") refer to the latest turns, which
 * keep their calls, and the assistant's own text names the case, calculation and proposal.
 */
export function compactTurns(messages: readonly ModelMessage[], fullTurns: number): ModelMessage[] {
  let keepFrom = messages.length;
  for (let seen = 0; keepFrom > 0 && seen < fullTurns; ) {
    keepFrom--;
    if (messages[keepFrom]!.role === 'user') seen++;
  }
  const compacted: ModelMessage[] = [];
  for (const m of messages.slice(0, keepFrom)) {
    if (m.role === 'user') compacted.push(m);
    else if (m.role === 'assistant') {
      const text = typeof m.content === 'string' ? m.content : m.content.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('\n');
      if (text.trim() !== '') compacted.push({ role: 'assistant', content: text });
    }
  }
  return [...compacted, ...messages.slice(keepFrom)];
}

/** Appends messages to a thread, in order, in one transaction. */
export function saveMessages(store: Store, threadId: string, messages: readonly ModelMessage[], at: string): void {
  store.appendMessages({ threadId, messages: messages.map((m) => ({ role: m.role, content: m })), createdAt: at });
}
