import type { Store } from '../../db/store.ts';

/** A value summary the agent looked up during a turn: which case (by name), scenario and month. */
export interface SummaryLookup {
  businessCase: string;
  scenario: string;
  asOf: string;
}

/** At most this many charts follow one answer. */
export const MAX_CHARTS_PER_TURN = 2;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The successful `valueSummary` tool results among a thread's messages stored after message
 * `afterId` (the turn that just ran), read from the conversation memory: distinct by case,
 * scenario and month, the latest `MAX_CHARTS_PER_TURN` of them.
 */
export function summaryLookups(store: Store, threadId: string, afterId: number): SummaryLookup[] {
  const found = new Map<string, SummaryLookup>();
  for (const row of store.listMessages(threadId, { limit: 200 })) {
    if (row.id <= afterId || row.role !== 'tool' || !isRecord(row.content) || !Array.isArray(row.content.content)) continue;
    for (const part of row.content.content as unknown[]) {
      if (!isRecord(part) || part.type !== 'tool-result' || part.toolName !== 'valueSummary' || !isRecord(part.output)) continue;
      const value = part.output.value;
      if (part.output.type !== 'json' || !isRecord(value) || 'error' in value) continue;
      const { businessCase, scenario, asOf } = value;
      if (typeof businessCase !== 'string' || typeof scenario !== 'string' || typeof asOf !== 'string') continue;
      const key = `${businessCase}\u0000${scenario}\u0000${asOf}`;
      found.delete(key);
      found.set(key, { businessCase, scenario, asOf });
    }
  }
  return [...found.values()].slice(-MAX_CHARTS_PER_TURN);
}
