import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { createOfflineModel } from '../../src/agent/offline-model/offline-model.ts';
import { runAgentTurn, type AgentReply } from '../../src/agent/run-agent.ts';
import type { ToolContext } from '../../tools/tool-context.ts';
import { approve, importCase } from '../../src/proposals/index.ts';
import type { ProposalRecord } from '../../db/store.ts';
import { memoryStore, type TestStore } from '../support/test-store.ts';

/** The demo business case's id (both demo documents). */
export const CASE = 'delta-corp-support-automation';

/** A demo document from `examples/`, as JSON. */
export function example(file: 'delta-corp.json' | 'delta-corp-presales.json'): unknown {
  return JSON.parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8'));
}

/** A chat over the offline model: a `:memory:` store with a demo document imported, the clock fixed at `now`. */
export interface OfflineChat extends TestStore {
  tools: ToolContext;
  /** One chat turn in the thread `thread` (default "t1") as dana. */
  say: (text: string, thread?: string) => Promise<AgentReply>;
  /** The one proposal the reply made, as stored. */
  proposalOf: (reply: AgentReply) => ProposalRecord;
  /** Sam approves a proposal (a person's act at a door); it must succeed. */
  approveAs: (proposalId: string, by?: string) => { version: number; audit: Array<{ op: string; proposedBy: string; approvedBy: string; operation: unknown }> };
  version: () => number;
}

/** Builds an offline chat over a demo document. */
export function offlineChat(file: 'delta-corp.json' | 'delta-corp-presales.json', now: string): OfflineChat {
  const t = memoryStore();
  t.clock.set(now);
  const imported = importCase(t.ctx, { document: example(file), importedBy: 'admin' });
  if (!imported.ok) throw new Error(imported.error.message);
  const tools: ToolContext = { proposals: t.ctx, workspaceId: 'default', actor: 'dana', channel: 'test', thread: 'thread-1' };
  const model = createOfflineModel();
  return {
    ...t,
    tools,
    say: (text, thread = 't1') => runAgentTurn({ model, tools, threadKey: thread, text }),
    proposalOf: (reply) => {
      expect(reply.proposals, `one proposal from: ${reply.text}`).toHaveLength(1);
      const p = t.store.getProposal(reply.proposals[0]!.proposalId);
      if (!p) throw new Error('the proposal was not stored');
      expect(p.status).toBe('pending');
      return p;
    },
    approveAs: (proposalId, by = 'sam') => {
      const r = approve(t.ctx, { proposalId, approvedBy: by });
      if (!r.ok) throw new Error(`approval failed: ${r.error.message}`);
      return { version: r.value.version, audit: r.value.audit };
    },
    version: () => t.store.getCase(CASE)!.version,
  };
}

/** Every "USD 1,234.56" figure in a text, as numbers. */
export function moneyIn(text: string): number[] {
  return [...text.matchAll(/USD (-?[\d,]+\.\d{2})/g)].map((m) => Number(m[1]!.replace(/,/g, '')));
}

/** The money figures of the Markdown table row whose first cell is `label` ("—" cells skipped). */
export function cells(text: string, label: string): number[] {
  const line = text.split('\n').find((l) => l.startsWith(`| ${label} |`));
  if (!line) throw new Error(`no row '${label}' in:\n${text}`);
  return moneyIn(line);
}

/** The one money figure of a two-column table row (a summary figure). */
export function row(text: string, label: string): number {
  const found = cells(text, label);
  expect(found, `row '${label}'`).toHaveLength(1);
  return found[0]!;
}
