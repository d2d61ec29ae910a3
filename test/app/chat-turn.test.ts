import { describe, expect, it } from 'vitest';
import { chatTurn } from '../../src/app/chat-turn.ts';
import { turnSummaries } from '../../src/app/turn-summaries.ts';
import { importCase } from '../../src/proposals/index.ts';
import { sampleCase } from '../support/sample-case.ts';
import { scriptedModel } from '../support/scripted-model.ts';
import { memoryStore } from '../support/test-store.ts';

function setup() {
  const t = memoryStore();
  const imported = importCase(t.ctx, { document: sampleCase(), workspaceId: 'acme', importedBy: 'admin' });
  if (!imported.ok) throw new Error(imported.error.message);
  return t;
}

/** Looks up the summary as of March twice and as of May once, proposes 12 reps, then answers. */
const model = () =>
  scriptedModel((call) =>
    call.toolResults.length > 0
      ? { text: 'Done.' }
      : {
          toolCalls: [
            { toolName: 'valueSummary', input: { businessCase: 'acme', asOf: '2025-03' } },
            { toolName: 'valueSummary', input: { businessCase: 'acme', asOf: '2025-05' } },
            { toolName: 'valueSummary', input: { businessCase: 'acme', asOf: '2025-03' } },
            { toolName: 'valueSummary', input: { businessCase: 'globex' } },
            { toolName: 'proposeInputValue', input: { businessCase: 'acme', input: 'reps', value: 12 } },
          ],
        },
  );

describe('a chat turn through the app layer', () => {
  it('returns the answer, the proposals as views, and every tool result typed by tool', async () => {
    const t = setup();
    const reply = await chatTurn(t.ctx, {
      model: model(),
      qbrModel: null,
      workspaceId: 'acme',
      actor: 'dana',
      channel: 'http',
      threadKey: 'http:t1',
      text: 'how are we doing? and 12 reps',
    });
    expect(reply.text).toBe('Done.');
    expect(reply.toolResults.map((r) => r.toolName)).toEqual(['valueSummary', 'valueSummary', 'valueSummary', 'valueSummary', 'proposeInputValue']);
    const first = reply.toolResults[0]!;
    if (first.toolName !== 'valueSummary' || 'error' in first.output) throw new Error('expected a summary');
    expect(first.output).toMatchObject({ businessCase: 'Acme Helpdesk', scenario: 'actual', asOf: '2025-03' });
    expect(reply.toolResults[3]!.output).toMatchObject({ error: "no business case called 'globex'" });
    expect(reply.proposals).toHaveLength(1);
    expect(reply.proposals[0]).toMatchObject({
      status: 'pending',
      caseId: 'acme-helpdesk',
      proposedBy: 'dana',
      changes: ['Reps (reps): 10 -> 12 in every month'],
    });
    expect(t.store.getProposal(reply.proposals[0]!.proposalId)).toMatchObject({ channel: 'http', thread: 'http:t1', status: 'pending' });
  });

  it('the value summaries it looked up, distinct, the latest ones, recomputed for a door to draw (failed lookups left out)', async () => {
    const t = setup();
    const reply = await chatTurn(t.ctx, {
      model: model(),
      qbrModel: null,
      workspaceId: 'acme',
      actor: 'dana',
      channel: 'slack',
      threadKey: 'slack:T:C:1',
      text: 'summary',
    });
    // Looked up: March, May, March again (now the latest), and an unknown case (an error).
    const summaries = turnSummaries(t.ctx, 'acme', reply.toolResults);
    expect(summaries.map((s) => [s.record.id, s.summary.scenario, s.summary.asOf])).toEqual([
      ['acme-helpdesk', 'actual', '2025-05'],
      ['acme-helpdesk', 'actual', '2025-03'],
    ]);
    expect(turnSummaries(t.ctx, 'acme', reply.toolResults, 1).map((s) => s.summary.asOf)).toEqual(['2025-03']);
    // Another workspace cannot see the case the tool results name.
    expect(turnSummaries(t.ctx, 'globex', reply.toolResults)).toEqual([]);
  });
});
