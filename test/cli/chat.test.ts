/**
 * `ve chat` in-process, with the store, clock, model (a scripted `MockLanguageModelV3`) and
 * input lines injected: ask -> numbered proposal with its preview -> `approve 1` applies it
 * (once) as the person; `reject N reason`; commands are never sent to the model.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { LanguageModel } from 'ai';
import type { Store } from '../../db/store.ts';
import type { SelectedModel } from '../../src/agent/select-model.ts';
import { registerChat, type ChatDeps } from '../../src/cli/commands/chat.ts';
import { importCase } from '../../src/proposals/index.ts';
import { captureIo } from '../support/capture-io.ts';
import { scriptedModel, toolThenAnswer } from '../support/scripted-model.ts';
import { memoryStore } from '../support/test-store.ts';
import { writeGoodTemplate } from '../qbr/qbr-fixtures.ts';

const DEMO = 'delta-corp-support-automation';

async function chat(
  lines: string[] | ((store: Store) => AsyncIterable<string>),
  model: LanguageModel,
  argv: string[] = ['--as', 'sam'],
  provider: SelectedModel['provider'] = 'offline',
) {
  const t = memoryStore();
  t.clock.set('2026-11-20T10:00:00.000Z');
  const imported = importCase(t.ctx, {
    document: JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8')),
    importedBy: 'admin',
  });
  if (!imported.ok) throw new Error(imported.error.message);
  const { io, out, err } = captureIo('2026-11');
  const deps: ChatDeps = {
    openStore: () => ({ ...t.store, close: () => {} }),
    now: t.clock.now,
    maxAgeMs: 7 * 86_400_000,
    seedDemo: false,
    env: {},
    selectModel: () => ({ model, provider, modelId: 'scripted', description: 'a scripted test model' }),
    lines:
      typeof lines === 'function'
        ? () => lines(t.store)
        : async function* () {
            yield* lines;
          },
    interactive: false,
  };
  const program = new Command('ve').exitOverride();
  registerChat(program, io, () => deps);
  await program.parseAsync(['chat', ...argv], { from: 'user' });
  return { ...t, out: out(), err: err() };
}

/** Records the month and value the message names: "October 160". */
const recordFromText = toolThenAnswer(
  'proposeMeasurements',
  (text) => {
    const [, month, value] = /(\w+) (\d+)/.exec(text)!;
    return { businessCase: 'Delta', measurements: [{ input: 'tickets per day', month, value: Number(value), source: 'Zendesk export' }] };
  },
  (o) => (o.error ? `Sorry: ${o.error}` : 'Here is the proposal; nothing changes until you approve it.'),
);

describe('ve chat', () => {
  it('drafts QBRs with the selected language model, and with the template writer on the offline provider', async () => {
    // One model for both: chat turns (tools offered) call draftQbr; QBR writing (no tools) answers a draft.
    const both = () =>
      scriptedModel((call) => {
        if (call.toolNames.length === 0) return { text: writeGoodTemplate('finance') };
        const drafted = call.toolResults.find((r) => r.toolName === 'draftQbr')?.output as { writer: string } | undefined;
        return drafted
          ? { text: `written by ${drafted.writer}` }
          : { toolCalls: [{ toolName: 'draftQbr', input: { quarter: '2026-Q1', audience: 'finance' } }] };
      });
    const model = both();
    const r = await chat(['QBR for finance'], model, ['--as', 'sam'], 'openai');
    expect(r.out).toContain(`written by ${model.provider}:${model.modelId}`);
    const saved = r.store.getQbrDraft({ caseId: DEMO, quarter: '2026-Q1', audience: 'finance' })!;
    expect(saved).toMatchObject({ grounded: true, createdBy: 'sam' });
    // The model has the draft by reference; the terminal prints the saved draft after its answer.
    expect(r.out).toContain(`--- QBR draft v1, 2026-Q1, finance ---\n${saved.markdown.trim()}`);
    expect((await chat(['QBR for finance'], both())).out).toContain('written by template');
  });

  it('ask, see the numbered proposal with its preview, approve it once', async () => {
    const model = scriptedModel(recordFromText);
    const r = await chat(['October 160', 'approve 1', 'approve 1'], model);
    expect(r.err).toBe('');
    const id = r.store.listProposals({})[0]!.id;
    expect(r.out).toContain(
      [
        'Here is the proposal; nothing changes until you approve it.',
        '',
        `[proposal 1] Delta Corp – Support Automation, scenario realization (figures as of 2026-11, USD): pending, id ${id}`,
        '  recorded Avg. Tickets per Day (tickets_per_day) in 2026-10: 160 tickets/day',
      ].join('\n'),
    );
    // 160 instead of 158 tickets in Oct and Nov 2026, with 15 reps from June 2026:
    // 15 x 20000 x (160 - 158) / 100 / 12 = 500 a month, 2 months to date = 1,000.
    expect(r.out).toMatch(/ {2}realized to date: [\d,.]+ -> [\d,.]+ \(\+1,000\.00\)/);
    expect(r.out).toContain('  type `approve 1` to apply it, or `reject 1 [reason]`');
    expect(r.out).toContain(`applied proposal 1: ${DEMO} version 1 -> 2, approved by sam`);
    expect(r.out).toContain('proposal 1 was already applied (version 2); nothing changed');
    expect(r.store.getCase(DEMO)!.version).toBe(2);
    expect(r.store.listAudit(DEMO).map((a) => [a.proposedBy, a.approvedBy])).toEqual([['sam', 'sam']]);
    // approve lines never reach the model: one user turn, two model calls (tool, answer).
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(r.store.getProposal(id)).toMatchObject({ channel: 'cli', thread: expect.stringMatching(/^cli:/) });
  });

  it('reject N with a reason; approve by id; hints for what it cannot resolve', async () => {
    const model = scriptedModel(recordFromText);
    const r = await chat(['October 160', 'November 170', 'reject 1 the export was partial', 'approve 7', 'approve it', 'approve', 'proposals'], model);
    // Proposal numbers as the chat showed them (both were made at the same fake instant).
    const shown = (n: number) => r.store.getProposal(new RegExp(`\\[proposal ${n}\\] .* id (\\S+)`).exec(r.out)![1]!);
    const [first, second] = [shown(1), shown(2)];
    expect(first!.preview[0]!.changes[0]).toContain('2026-10');
    expect(first).toMatchObject({ status: 'rejected', decidedBy: 'sam', reason: 'the export was partial' });
    expect(second!.status).toBe('pending');
    expect(r.out).toContain('rejected proposal 1: the export was partial; nothing was applied');
    expect(r.out).toContain('approve which proposal? type `approve N` with its number (1 to 2) or its id');
    expect(r.out).toContain("not applied: no proposal 'it'");
    expect(r.out).toContain(`2. ${second!.id} on ${DEMO} by sam: recorded Avg. Tickets per Day (tickets_per_day) in 2026-11: 170 tickets/day`);
    expect(r.store.getCase(DEMO)!.version).toBe(1);
    expect(model.doGenerateCalls).toHaveLength(4);
    // By id (read when the line is typed, i.e. after the proposal exists).
    const byId = await chat(async function* (store) {
      yield 'October 160';
      yield `approve ${store.listProposals({})[0]!.id}`;
    }, scriptedModel(recordFromText));
    expect(byId.store.getCase(DEMO)!.version).toBe(2);
    expect(byId.out).toMatch(/applied proposal [0-9a-f-]{36}: delta-corp-support-automation version 1 -> 2/);
  });

  it('quit ends the session; lines after it are not read', async () => {
    const model = scriptedModel(() => ({ text: 'hello' }));
    const r = await chat(['hi', 'quit', 'October 160'], model);
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(r.store.listProposals({})).toEqual([]);
    expect(r.out).toContain("value-engineer chat: a scripted test model; workspace 'default', as sam");
  });

  it('keeps the conversation: the second question is sent with the first', async () => {
    const model = scriptedModel((call) => ({ text: `${call.prompt.filter((m) => m.role === 'user').length} user messages` }));
    const r = await chat(['one', 'two'], model);
    expect(r.out).toContain('1 user messages');
    expect(r.out).toContain('2 user messages');
  });

  it('a failing model is reported on stderr and the chat goes on', async () => {
    let calls = 0;
    const model = scriptedModel(() => {
      if (calls++ === 0) throw new Error('model down (key sk-abcdefghijklmnop)');
      return { text: 'back again' };
    });
    const r = await chat(['first', 'second'], model);
    // The one error path: the details under a reference, then the catalogue's wording with it.
    const reference = /ve: the assistant failed \(reference ([0-9a-f]{8})\): Error: model down/.exec(r.err)?.[1];
    expect(reference).toBeDefined();
    expect(r.err).toContain(`ve: internal error (reference ${reference})`);
    expect(r.err).not.toContain('sk-abcdefghijklmnop');
    expect(r.out).toContain('back again');
  });

  it('an unknown workspace is a usage error', async () => {
    await expect(
      chat(
        [],
        scriptedModel(() => ({ text: '' })),
        ['--workspace', 'nope'],
      ),
    ).rejects.toMatchObject({ message: "no workspace 'nope'", exitCode: 2 });
  });
});
