/**
 * Messages proposed right only after a read-only look-up (`lookUpFirst` in
 * `src/agent/offline-model/parse-changes.ts`): the look-up calls run through the real tools on
 * the demo (`:memory:`, examples/delta-corp.json, clock December 2026), their results go to the
 * request's `decide`, and the calls it makes run through the real tools too. (In a conversation,
 * `respond.ts` does these two steps; the last tests go through it.)
 *
 * The demo's realization scenario: # of Reps is 10, and 15 from 2026-06 (the only monthly
 * value); months through 2025-12 are locked.
 */
import { describe, expect, it } from 'vitest';
import { lookUpSteppedValues, parseConversions } from '../../src/agent/offline-model/parse-changes.ts';
import type { ToolResultView } from '../../src/agent/offline-model/read-prompt.ts';
import type { ConversationContext, OfflineRequest } from '../../src/agent/offline-model/request.ts';
import { createTools } from '../../tools/index.ts';
import { offlineChat, type OfflineChat } from './offline-model-support.ts';

const NOW = '2026-12-02T10:00:00.000Z';
const CTX: ConversationContext = { currentMonth: '2026-12' };

type Executable = { execute: (input: unknown, options: { toolCallId: string; messages: [] }) => Promise<unknown> };

/** Runs a request's calls through the real tools, as the agent's tool loop would. */
async function run(chat: OfflineChat, request: OfflineRequest): Promise<ToolResultView[]> {
  if (request.kind !== 'tools') throw new Error(`expected tool calls, got the reply: ${request.text}`);
  const tools = createTools(chat.tools) as unknown as Record<string, Executable>;
  const results: ToolResultView[] = [];
  for (const [i, c] of request.calls.entries()) {
    const output = await tools[c.toolName]!.execute(c.input, { toolCallId: `call-${i}`, messages: [] });
    results.push({ toolCallId: `call-${i}`, toolName: c.toolName, input: c.input, output, failed: false });
  }
  return results;
}

/** The look-up, then what `decide` makes of its results. */
async function afterLookUp(chat: OfflineChat, request: OfflineRequest | null): Promise<OfflineRequest> {
  if (request?.kind !== 'tools' || !request.decide) throw new Error('expected a look-up that decides from its results');
  expect(request.calls.every((c) => c.toolName === 'showBusinessCase' || c.toolName === 'suggestConversions')).toBe(true);
  const next = request.decide(await run(chat, request));
  if (!next) throw new Error('decide made nothing of the look-up');
  return next;
}

/** The operations of the proposals the calls made. */
async function proposed(chat: OfflineChat, request: OfflineRequest): Promise<unknown[]> {
  const results = await run(chat, request);
  return results.flatMap((r) => {
    const out = r.output as { proposalId?: string; error?: string };
    if (!out.proposalId) throw new Error(`${r.toolName} proposed nothing: ${out.error}`);
    return chat.store.getProposal(out.proposalId)!.operations;
  });
}

describe('several values for one input, each from its month', () => {
  it('"reps: 10 until may, 15 from june 2026, 17 from oct 2026": only 17 from 2026-10 changes anything', async () => {
    // May 2026: no monthly value up to it, so the constant 10 (= 10, holds); June 2026: the value 15 (= 15,
    // holds); October 2026: 15 (from June) != 17, so 17 from 2026-10 is the one change.
    const chat = offlineChat('delta-corp.json', NOW);
    const next = await afterLookUp(chat, lookUpSteppedValues('reps: 10 until may, 15 from june 2026, 17 from oct 2026', CTX));
    expect(await proposed(chat, next)).toEqual([
      { op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', value: 17, from: '2026-10' },
    ]);
  });

  it('two values that change something are two proposals, each with its own from', async () => {
    // February 2026: 10 != 12 (a change); June 2026: 15 (holds); October 2026: 15 != 17 (a change).
    const chat = offlineChat('delta-corp.json', NOW);
    const next = await afterLookUp(chat, lookUpSteppedValues('reps: 12 from feb 2026, 15 from june 2026, 17 from oct 2026', CTX));
    expect(await proposed(chat, next)).toEqual([
      { op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', value: 12, from: '2026-02' },
      { op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', value: 17, from: '2026-10' },
    ]);
  });

  it('the input said after the value ("15 reps from june 2026 and 17 from oct 2026")', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const next = await afterLookUp(chat, lookUpSteppedValues('15 reps from june 2026 and 17 from oct 2026', CTX));
    expect(await proposed(chat, next)).toEqual([
      { op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', value: 17, from: '2026-10' },
    ]);
  });

  it('a value "until" a month that the input does not have then: nothing proposed, it asks', async () => {
    // May 2026 is 10 in the demo, not 12; a change until a month has no from, so it asks from when 12 holds.
    const chat = offlineChat('delta-corp.json', NOW);
    const next = await afterLookUp(chat, lookUpSteppedValues('reps: 12 until may, 15 from june 2026, 17 from oct 2026', CTX));
    expect(next.kind).toBe('reply');
    expect(next.kind === 'reply' && next.text).toMatch(/# of Reps is 10 in May 2026, not 12: from which month should 12 hold/);
  });

  it('every value already holds: nothing to propose, and it says so', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const next = await afterLookUp(chat, lookUpSteppedValues('reps: 10 from jan 2026, 15 from june 2026', CTX));
    expect(next).toMatchObject({ kind: 'reply', text: expect.stringMatching(/^Nothing to change: # of Reps already is/) });
  });

  it('a second value without its month: it asks, and looks nothing up', () => {
    expect(lookUpSteppedValues('reps: 15 from june 2026, 17', CTX)).toMatchObject({
      kind: 'reply',
      text: expect.stringMatching(/From which month does "17" hold\?/),
    });
  });

  it('a value with a sign in a list: it asks whether it is the value or a change', () => {
    expect(lookUpSteppedValues('reps: 15 from june 2026, -3 from oct 2026', CTX)).toMatchObject({
      kind: 'reply',
      text: expect.stringMatching(/value itself, or a change/),
    });
  });

  it('in a conversation: never the value that already holds proposed again, only 17 from 2026-10', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reply = await chat.say('reps: 10 until may, 15 from june 2026, 17 from oct 2026');
    const ops = reply.proposals.flatMap((p) => chat.store.getProposal(p.proposalId)!.operations);
    expect(ops).toEqual([{ op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', value: 17, from: '2026-10' }]);
  });

  it('one value from a month after one until a month is still one change (seed 003: "10 until may 2026, 15 from june 2026")', async () => {
    const chat = offlineChat('delta-corp-presales.json', NOW);
    // The pre-sales demo has no realization scenario: the Rollout Plan's # of Reps (constant 10) takes 15 from 2026-06.
    const p = chat.proposalOf(await chat.say('reps: 10 until may 2026, 15 from june 2026'));
    expect(p.operations).toEqual([{ op: 'setInput', scenario: 'rollout-plan', useCase: 'support-efficiency', input: 'reps', value: 15, from: '2026-06' }]);
  });
});

/**
 * Delta before tracking, with its realization scenario just created from the Rollout Plan and
 * approved (July 2025, 24 months), as the unseen set's `unseen-started`: nothing converted yet.
 * Its suggestions: Rep Efficiency Gain ready (percentage Expected Rep. Efficiency Gain, baseline
 * Avg. Tickets per Day (baseline) = 100, metric Avg. Tickets per Day, higher is better);
 * Deflected Ticket Savings needs a baseline; Faster Ticket Handling and Licence Savings cannot be
 * converted (no percentage in their formulas).
 */
async function started(): Promise<OfflineChat> {
  const chat = offlineChat('delta-corp-presales.json', NOW);
  const created = chat.proposalOf(await chat.say('Create a realization scenario from the Rollout Plan, starting July 2025, for 24 months'));
  chat.approveAs(created.id);
  return chat;
}

/** Rep Efficiency Gain converted as suggested, the metric's label as said. */
const repEfficiency = (label: string) => ({
  op: 'convertCalculation',
  scenario: 'realization',
  useCase: 'support-efficiency',
  calculation: 'efficiency',
  percentInput: 'efficiency_gain',
  baselineInput: 'avg_tickets_per_day',
  direction: 'increase',
  metric: expect.objectContaining({ label }),
});

describe('conversions decided from the suggestions', () => {
  it('"convert everything that\'s ready on delta": the one ready calculation, as suggested', async () => {
    const chat = await started();
    const next = await afterLookUp(chat, parseConversions("convert everything that's ready on delta", CTX));
    expect(await proposed(chat, next)).toEqual([repEfficiency('Avg. Tickets per Day')]);
  });

  it('"convert everything" while one calculation still needs input: nothing proposed, it asks', async () => {
    const chat = await started();
    const next = await afterLookUp(chat, parseConversions('convert everything', CTX));
    expect(next).toMatchObject({
      kind: 'reply',
      text: expect.stringMatching(/Ready to convert: Rep Efficiency Gain; not yet: Deflected Ticket Savings needs baseline\. Convert the ready ones only\?/),
    });
  });

  it('nothing ready (the demo has both converted already): it says so, nothing proposed', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const next = await afterLookUp(chat, parseConversions("convert everything that's ready", CTX));
    expect(next).toMatchObject({ kind: 'reply', text: expect.stringMatching(/^Nothing is ready to convert/) });
  });

  it('"run the conversion on the support efficiency use case, metric = avg tickets per day": the use case\'s one convertible calculation', async () => {
    const chat = await started();
    const next = await afterLookUp(chat, parseConversions('run the conversion on the support efficiency use case, metric = avg tickets per day', CTX));
    expect(await proposed(chat, next)).toEqual([repEfficiency('avg tickets per day')]);
  });

  it('a use case with no calculation that can be converted: nothing proposed, it asks naming the ones that can', async () => {
    const chat = await started();
    const next = await afterLookUp(chat, parseConversions('run the conversion on the legacy tools use case', CTX));
    expect(next).toMatchObject({
      kind: 'reply',
      text: expect.stringMatching(/These can be: Rep Efficiency Gain \(support-efficiency\), Deflected Ticket Savings \(self-service\)/),
    });
  });

  it('"(baseline is the 100/day we had)": the baseline input holds 100, so the conversion uses it', async () => {
    const chat = await started();
    const said = 'for delta, turn the expected rep efficiency gain into tickets per day tracking (baseline is the 100/day we had)';
    const next = await afterLookUp(chat, parseConversions(said, CTX));
    expect(await proposed(chat, next)).toEqual([repEfficiency('tickets per day')]);
  });

  it('"(baseline is the 90/day we had)" while the case holds 100: nothing proposed, it asks which', async () => {
    const chat = await started();
    const next = await afterLookUp(
      chat,
      parseConversions('turn the expected rep efficiency gain into tickets per day tracking (baseline is the 90/day we had)', CTX),
    );
    expect(next).toMatchObject({
      kind: 'reply',
      text: expect.stringMatching(/Avg\. Tickets per Day \(baseline\), is 100, not 90\. Which should the conversion use/),
    });
  });

  it('"baseline = the 100/day from the business case" (after "convert X: measure Y monthly"): the input that holds 100', async () => {
    const chat = await started();
    const said = 'convert efficiency gain: measure avg tickets/day monthly, baseline = the 100/day from the business case, higher is better';
    const next = await afterLookUp(chat, parseConversions(said, CTX));
    expect(await proposed(chat, next)).toEqual([repEfficiency('avg tickets/day')]);
  });

  it('"switch X over to measuring Y instead of the % gain" is a conversion (no look-up needed)', async () => {
    const chat = await started();
    const p = chat.proposalOf(await chat.say('switch rep efficiency gain over to measuring tickets per day instead of the % gain'));
    expect(p.operations).toEqual([repEfficiency('tickets per day')]);
  });

  it('"turn X into Y tracking" needs no look-up: a conversion with the suggested baseline input', async () => {
    const chat = await started();
    const p = chat.proposalOf(await chat.say('turn the expected rep efficiency gain into tickets per day tracking'));
    expect(p.operations).toEqual([repEfficiency('tickets per day')]);
  });

  it('in a conversation: "the 100/day we had" is the baseline input that holds 100, never a new constant baseline', async () => {
    // Avg. Tickets per Day (baseline) holds 100 in the Rollout Plan the scenario was made from.
    const chat = await started();
    const reply = await chat.say('for delta, turn the expected rep efficiency gain into tickets per day tracking (baseline is the 100/day we had)');
    const ops = reply.proposals.flatMap((p) => chat.store.getProposal(p.proposalId)!.operations);
    expect(ops).toEqual([repEfficiency('tickets per day')]);
    expect(ops[0]).not.toHaveProperty('baseline');
  });

  it('in a conversation: "convert everything that\'s ready" shows or converts only what is ready', async () => {
    const chat = await started();
    const reply = await chat.say("convert everything that's ready on delta");
    const ops = reply.proposals.flatMap((p) => chat.store.getProposal(p.proposalId)!.operations);
    expect(ops).toEqual([repEfficiency('Avg. Tickets per Day')]);
  });
});

describe('a baseline said as a value, with no baseline input suggested', () => {
  it('"(baseline is the 12 we had)" for Deflected Ticket Savings is the value 12, never Cost per Ticket, an input that happens to hold 12', async () => {
    // Pre-sales Delta, Rollout Plan: Cost per Ticket is 12 USD, a factor of the deflection formula, not a baseline of the rate.
    const chat = offlineChat('delta-corp-presales.json', NOW);
    const p = chat.proposalOf(
      await chat.say('convert deflected ticket savings in the rollout plan to track ticket deflection rate (baseline is the 12 we had)'),
    );
    expect(p.operations).toEqual([expect.objectContaining({ op: 'convertCalculation', calculation: 'deflection', baseline: 12 })]);
    expect(p.operations[0]).not.toHaveProperty('baselineInput');
  });
});
