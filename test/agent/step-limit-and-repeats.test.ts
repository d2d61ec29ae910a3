/**
 * A model that repeats itself, through the real `@ai-sdk/openai-compatible` client against the
 * local fake chat-completions server: the same proposal call repeated leaves one pending
 * proposal (the thread's existing one is returned), and a model that calls tools until the
 * step limit is told to answer at its last step, and still ends the turn with a sentence saying
 * what was done and what was not: never an empty reply. JSON and streaming alike.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_STEPS, runAgentTurn, streamAgentTurn } from '../../src/agent/run-agent.ts';
import { selectModel } from '../../src/agent/select-model.ts';
import { importCase } from '../../src/proposals/index.ts';
import type { ToolContext } from '../../tools/tool-context.ts';
import { startFakeOpenAIServer, type FakeOpenAIServer, type FakeReply } from '../support/fake-openai-server.ts';
import { memoryStore } from '../support/test-store.ts';

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function demo(thread: string | null = 'repeat-thread') {
  const t = memoryStore();
  t.clock.set('2026-11-20T10:00:00.000Z');
  const imported = importCase(t.ctx, {
    document: JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8')),
    importedBy: 'admin',
  });
  if (!imported.ok) throw new Error(imported.error.message);
  const tools: ToolContext = { proposals: t.ctx, workspaceId: 'default', actor: 'dana', channel: 'test', thread };
  return { ...t, tools, caseId: imported.value.id };
}

const OCTOBER_160 = {
  name: 'proposeMeasurements',
  arguments: { businessCase: 'Delta Corp', measurements: [{ input: 'Avg. Tickets per Day', month: '2026-10', value: 160 }] },
};
/** A model that never stops calling the same tool with the same arguments. */
const ALWAYS_THE_SAME: FakeReply[] = [{ toolCalls: [OCTOBER_160] }];

const modelAt = (s: FakeOpenAIServer) => selectModel({ OPENAI_BASE_URL: s.baseURL }).model;

describe('a model repeating the same proposal until the step limit', () => {
  it('JSON: one pending proposal, the last step without tools, a closing sentence naming it', async () => {
    const t = demo();
    server = await startFakeOpenAIServer(ALWAYS_THE_SAME);
    const reply = await runAgentTurn({ model: modelAt(server), tools: t.tools, threadKey: 'repeat', text: 'tickets per day Oct 160' });

    expect(server.requests).toHaveLength(MAX_STEPS);
    // Only the 8th step is told to answer without tools.
    const told = server.requests.map((r) => String(r.body.messages[0].content).includes('This is your last step in this turn'));
    expect(told).toEqual([false, false, false, false, false, false, false, true]);

    const pending = t.store.listProposals({ caseId: t.caseId, status: 'pending' });
    expect(pending).toHaveLength(1);
    expect(reply.proposals.map((p) => p.proposalId)).toEqual([pending[0]!.id]);
    // The scripted model called the tool in every step, the 8th too: it ran out of steps.
    expect(reply.toolResults).toHaveLength(MAX_STEPS);
    expect(reply.toolResults.slice(1).every((r) => (r.output as { alreadyPending?: boolean }).alreadyPending === true)).toBe(true);
    expect(reply.text).toContain(`I stopped at the limit of ${MAX_STEPS} steps before finishing.`);
    expect(reply.text).toContain(`Done: proposal ${pending[0]!.id} (`);
    expect(reply.text).toContain("is waiting for a person's approval; nothing has changed yet.");
    expect(reply.text).toContain('Not done: the last step was still calling proposeMeasurements.');
    // The thread keeps the sentence as the turn's answer.
    const stored = t.store.listMessages(reply.threadId);
    expect(stored[stored.length - 1]!.content).toEqual({ role: 'assistant', content: [{ type: 'text', text: reply.text }] });
  });

  it("streaming: the same sentence is streamed as the last step's text and saved with the thread", async () => {
    const t = demo();
    server = await startFakeOpenAIServer(ALWAYS_THE_SAME);
    const result = streamAgentTurn({ model: modelAt(server), tools: t.tools, threadKey: 'repeat-stream', text: 'tickets per day Oct 160' });
    let text = '';
    for await (const delta of result.textStream) text += delta;
    await result.steps;
    const pending = t.store.listProposals({ caseId: t.caseId, status: 'pending' });
    expect(pending).toHaveLength(1);
    expect(text).toContain(`I stopped at the limit of ${MAX_STEPS} steps before finishing.`);
    expect(text).toContain(`Done: proposal ${pending[0]!.id} (`);
    const thread = t.store.getOrCreateThread({ workspaceId: 'default', key: 'repeat-stream', now: '2026-11-20T10:00:00.000Z' });
    const stored = t.store.listMessages(thread.id).map((m) => m.content as { role: string; content: unknown });
    // The last step's assistant message carries the sentence next to its (unanswered) call.
    const answer = stored.filter((m) => m.role === 'assistant').at(-1)!;
    expect(JSON.stringify(answer.content)).toContain(`I stopped at the limit of ${MAX_STEPS} steps before finishing.`);
  });

  it('a model that answers with nothing after proposing gets "Done: proposal …", not an empty reply', async () => {
    const t = demo();
    server = await startFakeOpenAIServer([{ toolCalls: [OCTOBER_160] }, { content: '' }]);
    const reply = await runAgentTurn({ model: modelAt(server), tools: t.tools, threadKey: 'empty', text: 'tickets per day Oct 160' });
    const id = reply.proposals[0]!.proposalId;
    expect(reply.text).toMatch(new RegExp(`^Done: proposal ${id} \\(.+\\) is waiting for a person's approval; nothing has changed yet\\.$`));
  });

  it('a refusal and nothing said: the refusal is what was not done', async () => {
    const t = demo();
    const bad = { name: 'proposeLockMonths', arguments: { businessCase: 'Acme Rockets', through: '2026-01' } };
    server = await startFakeOpenAIServer([{ toolCalls: [bad] }, { content: '' }]);
    const reply = await runAgentTurn({ model: modelAt(server), tools: t.tools, threadKey: 'refused', text: 'lock acme through january' });
    expect(reply.proposals).toEqual([]);
    expect(reply.text).toMatch(
      /^Nothing was proposed and nothing has changed\. Not done: .*Acme Rockets.*\. Tell me what to do next, or ask again with the details\.$/,
    );
  });
});

describe('the same proposal asked for again in the thread', () => {
  it('a second turn repeating the call returns the pending proposal, marked alreadyPending', async () => {
    const t = demo();
    const script = (): FakeReply[] => [{ toolCalls: [OCTOBER_160] }, { content: 'Proposed.' }];
    server = await startFakeOpenAIServer(script());
    const first = await runAgentTurn({ model: modelAt(server), tools: t.tools, threadKey: 'again', text: 'tickets per day Oct 160' });
    await server.close();
    server = await startFakeOpenAIServer(script());
    const second = await runAgentTurn({ model: modelAt(server), tools: t.tools, threadKey: 'again', text: 'tickets per day Oct 160, please' });
    expect(second.proposals.map((p) => p.proposalId)).toEqual(first.proposals.map((p) => p.proposalId));
    expect(second.toolResults[0]!.output).toMatchObject({ proposalId: first.proposals[0]!.proposalId, alreadyPending: true });
    expect(t.store.listProposals({ caseId: t.caseId, status: 'pending' })).toHaveLength(1);
  });

  it('another value, another thread, or no thread at all: a new proposal each time', async () => {
    const t = demo();
    const other = { name: 'proposeMeasurements', arguments: { measurements: [{ input: 'Avg. Tickets per Day', month: '2026-10', value: 161 }] } };
    server = await startFakeOpenAIServer([{ toolCalls: [OCTOBER_160, other] }, { content: 'ok' }]);
    await runAgentTurn({ model: modelAt(server), tools: t.tools, threadKey: 'a', text: 'x' });
    await server.close();
    server = await startFakeOpenAIServer([{ toolCalls: [OCTOBER_160] }, { content: 'ok' }]);
    await runAgentTurn({ model: modelAt(server), tools: { ...t.tools, thread: 'another-thread' }, threadKey: 'b', text: 'x' });
    await server.close();
    server = await startFakeOpenAIServer([{ toolCalls: [OCTOBER_160, OCTOBER_160] }, { content: 'ok' }]);
    await runAgentTurn({ model: modelAt(server), tools: { ...t.tools, thread: null }, threadKey: 'c', text: 'x' });
    // 160 and 161 in the first thread, 160 in another thread, 160 twice without a thread.
    expect(t.store.listProposals({ caseId: t.caseId, status: 'pending' })).toHaveLength(5);
  });

  it('once the pending one is decided, asking again makes a new proposal', async () => {
    const t = demo();
    server = await startFakeOpenAIServer([{ toolCalls: [OCTOBER_160] }, { content: 'ok' }]);
    const first = await runAgentTurn({ model: modelAt(server), tools: t.tools, threadKey: 'decided', text: 'x' });
    const { reject } = await import('../../src/proposals/index.ts');
    expect(reject(t.ctx, { proposalId: first.proposals[0]!.proposalId, rejectedBy: 'sam' }).ok).toBe(true);
    await server.close();
    server = await startFakeOpenAIServer([{ toolCalls: [OCTOBER_160] }, { content: 'ok' }]);
    const second = await runAgentTurn({ model: modelAt(server), tools: t.tools, threadKey: 'decided', text: 'x' });
    expect(second.proposals[0]!.proposalId).not.toBe(first.proposals[0]!.proposalId);
    expect(second.toolResults[0]!.output).not.toHaveProperty('alreadyPending');
  });
});
