/**
 * Conversation memory: what a turn sends back of its thread. The latest 40 stored messages,
 * starting at a person's message; the latest two turns whole, older turns as what was said
 * (no tool calls or results). Checked on the prompt the model actually receives.
 */
import type { LanguageModelV3Message } from '@ai-sdk/provider';
import type { ModelMessage } from 'ai';
import { describe, expect, it } from 'vitest';
import { compactTurns, FULL_TURNS, HISTORY_LIMIT, loadHistory } from '../../src/agent/conversation-memory.ts';
import { runAgentTurn } from '../../src/agent/run-agent.ts';
import { importCase } from '../../src/proposals/index.ts';
import { sampleCase } from '../support/sample-case.ts';
import { scriptedModel } from '../support/scripted-model.ts';
import { memoryStore } from '../support/test-store.ts';

const call = (id: string): ModelMessage => ({
  role: 'assistant',
  content: [{ type: 'tool-call', toolCallId: id, toolName: 'valueSummary', input: { businessCase: 'Acme' } }],
});
const result = (id: string): ModelMessage => ({
  role: 'tool',
  content: [{ type: 'tool-result', toolCallId: id, toolName: 'valueSummary', output: { type: 'json', value: { realizedToDate: 1 } } }],
});
const said = (role: 'user' | 'assistant', text: string): ModelMessage => ({ role, content: text });
/** One turn: the question, a tool call and its result, and the answer (text and a reasoning part). */
const turn = (n: number): ModelMessage[] => [
  said('user', `q${n}`),
  call(`c${n}`),
  result(`c${n}`),
  {
    role: 'assistant',
    content: [
      { type: 'reasoning', text: `thinking ${n}` },
      { type: 'text', text: `a${n}` },
    ],
  },
];

describe('compactTurns', () => {
  it('keeps the latest turns whole and reduces older ones to the question and the answer text', () => {
    const messages = [...turn(1), ...turn(2), ...turn(3)];
    expect(compactTurns(messages, 2)).toEqual([said('user', 'q1'), said('assistant', 'a1'), ...turn(2), ...turn(3)]);
    expect(compactTurns(messages, 0)).toEqual([
      said('user', 'q1'),
      said('assistant', 'a1'),
      said('user', 'q2'),
      said('assistant', 'a2'),
      said('user', 'q3'),
      said('assistant', 'a3'),
    ]);
    expect(compactTurns(messages, 5)).toEqual(messages);
  });

  it('drops an old assistant message that had only tool calls, and keeps string answers as they are', () => {
    const unanswered = [said('user', 'q1'), call('c1'), result('c1')];
    expect(compactTurns([...unanswered, said('assistant', 'plain'), ...turn(2)], 1)).toEqual([said('user', 'q1'), said('assistant', 'plain'), ...turn(2)]);
    expect(compactTurns([...unanswered, ...turn(2)], 1)).toEqual([said('user', 'q1'), ...turn(2)]);
  });
});

describe('what the model receives', () => {
  it('earlier turns compacted, the latest two whole, at most the window, never starting mid-turn', async () => {
    const t = memoryStore();
    t.clock.set('2026-11-20T10:00:00.000Z');
    const imported = importCase(t.ctx, { document: sampleCase(), importedBy: 'admin' });
    if (!imported.ok) throw new Error(imported.error.message);
    // Every turn: one valueSummary call, then an answer naming the turn.
    const model = scriptedModel((c) =>
      c.toolResults.length ? { text: `answer to ${c.userText}` } : { toolCalls: [{ toolName: 'valueSummary', input: { businessCase: 'Acme' } }] },
    );
    const tools = { proposals: t.ctx, workspaceId: 'default', actor: 'dana', channel: 'test', thread: 'k' };
    const turns = 13;
    for (let i = 1; i <= turns; i++) await runAgentTurn({ model, tools, threadKey: 'k', text: `q${i}` });

    // The 13th turn's first call: the 48 stored messages of 12 turns, the latest 40 of them (turns 3-12).
    const prompt = model.doGenerateCalls[2 * (turns - 1)]!.prompt;
    const history = prompt.slice(1, -1);
    expect(prompt.at(-1)).toEqual({ role: 'user', content: [{ type: 'text', text: `q${turns}` }] });
    const toolCallsOf = (m: LanguageModelV3Message) => (m.role === 'assistant' ? m.content.filter((p) => p.type === 'tool-call').length : 0);
    const textOf = (m: LanguageModelV3Message) =>
      m.role === 'system' ? m.content : m.content.map((p) => (p.type === 'text' ? p.text : `[${p.type}]`)).join('');
    const compactedTurns = HISTORY_LIMIT / 4 - FULL_TURNS;
    expect(history.map((m) => `${m.role}: ${textOf(m)}`)).toEqual([
      ...Array.from({ length: compactedTurns }, (_, i) => [`user: q${i + 3}`, `assistant: answer to q${i + 3}`]).flat(),
      ...[11, 12].flatMap((n) => [`user: q${n}`, 'assistant: [tool-call]', 'tool: [tool-result]', `assistant: answer to q${n}`]),
    ]);
    expect(history.reduce((n, m) => n + toolCallsOf(m), 0)).toBe(FULL_TURNS);
    // Nothing is lost in the store: every message of every turn is kept.
    const thread = t.store.getOrCreateThread({ workspaceId: 'default', key: 'k', now: '2026-11-20T10:00:00.000Z' });
    expect(t.store.listMessages(thread.id)).toHaveLength(4 * turns);
    // The latest 39 of the 52 stored messages start at q4's tool call: the window starts at the next question.
    expect(loadHistory(t.store, thread.id, 39)[0]).toEqual(said('user', 'q5'));
  });
});
