/**
 * Follow-up answers complete the pending request (issue 11), end to end through the real tools
 * and the demo on `:memory:` (clock: December 2026):
 * - a question the offline model asked after looking the case up ("which month, and what value?",
 *   "which calculation?") is answered with only what it asked for;
 * - a tool's question with candidates is answered by picking one, wherever the name sat in the call;
 * - an answer that is a request of its own is read on its own.
 *
 * The demo (examples/delta-corp.json, realization scenario): Ticket Deflection Rate (deflection_rate,
 * tracked monthly) recorded 12% Sep 2025, 18% Jan 2026, 22% Jul 2026; Deflection Rate Target is a
 * constant. "Increase Support Team Efficiency" has two calculations: Rep Efficiency Gain (efficiency:
 * reps, rep_cost, tickets_per_day, avg_tickets_per_day) and Faster Ticket Handling (handle-time: reps,
 * avg_tickets_per_day, minutes_saved_per_ticket, working_days, hourly_cost). Locked through Dec 2025.
 */
import { describe, expect, it } from 'vitest';
import { CASE, offlineChat } from './offline-model-support.ts';

const NOW = '2026-12-02T10:00:00.000Z';

describe('a value asked for after the case was looked up', () => {
  it('"fix the deflection number" asks which month and value, naming what is recorded; "july, 23%" proposes July 2026 = 0.23', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const asked = await chat.say('fix the deflection number');
    expect(asked.proposals).toEqual([]);
    expect(asked.text).toContain('Which month of Ticket Deflection Rate');
    expect(asked.text).toContain('12% in September 2025, 18% in January 2026, 22% in July 2026');
    const p = chat.proposalOf(await chat.say('july, 23%'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-07', value: 0.23 },
    ]);
  });

  it('"log deflection for october pls" asks for the value only; "21%" proposes October 2026 = 0.21', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const asked = await chat.say('log deflection for october pls');
    expect(asked.proposals).toEqual([]);
    expect(asked.text).toMatch(/^What was Ticket Deflection Rate in October\?/);
    const p = chat.proposalOf(await chat.say('21%'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-10', value: 0.21 },
    ]);
  });

  it('a request of its own after the question is read on its own; an answer with other words or a second value is no answer', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    await chat.say('log deflection for october pls');
    const pending = await chat.say("what's pending?");
    expect(pending.proposals).toEqual([]);
    expect(pending.text).toContain('No proposals are waiting');

    const again = offlineChat('delta-corp.json', NOW);
    await again.say('log deflection for october pls');
    expect((await again.say('21% or 22%')).proposals).toEqual([]);
    const before = again.store.getCase(CASE);
    expect((await again.say('tickets were 21')).proposals).toEqual([]);
    expect(again.store.getCase(CASE)).toEqual(before);
  });
});

describe('a correction is of the month recorded, and a year is no value', () => {
  it('"fix the deflection number for september" is September 2025 (the one recorded: 12%), never September 2026; the lock then refuses it', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const asked = await chat.say('fix the deflection number for september');
    expect(asked.text).toMatch(/^What was Ticket Deflection Rate in September 2025\?/);
    const answer = await chat.say('13%');
    expect(answer.proposals).toEqual([]);
    expect(answer.text).toContain('month 2025-09 is locked');
  });

  it('a month with nothing recorded is no correction: it says so, naming the months recorded, and proposes nothing', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    await chat.say('fix the deflection number');
    const answer = await chat.say('march 21%');
    expect(answer.proposals).toEqual([]);
    expect(answer.text).toContain(
      'No March value of Ticket Deflection Rate is recorded, so there is nothing to correct (recorded: September 2025, January 2026, July 2026)',
    );
  });

  it('"2026" or "in 2026" where a value was asked for is a year, not the value', async () => {
    for (const said of ['2026', 'in 2026']) {
      const chat = offlineChat('delta-corp.json', NOW);
      await chat.say('log deflection for october pls');
      expect((await chat.say(said)).proposals, said).toEqual([]);
    }
  });
});

describe('a split asked about after the case was looked up', () => {
  it('"split the support efficiency calculation" names both calculations; "the second one, handle time and tickets per day" splits Faster Ticket Handling', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const asked = await chat.say('split the support efficiency calculation');
    expect(asked.proposals).toEqual([]);
    expect(asked.text).toBe(
      'Increase Support Team Efficiency has 2 calculations: Rep Efficiency Gain, Faster Ticket Handling. Which one should I split, and into which metrics?',
    );
    const p = chat.proposalOf(await chat.say('the second one, handle time and tickets per day'));
    // "tickets per day" among Faster Ticket Handling's own inputs is the baseline avg_tickets_per_day (the tracked tickets_per_day is not in its formula).
    expect(p.operations).toEqual([
      expect.objectContaining({
        op: 'splitCalculation',
        scenario: 'realization',
        useCase: 'support-efficiency',
        calculation: 'handle-time',
        parts: [expect.objectContaining({ metric: 'minutes_saved_per_ticket' }), expect.objectContaining({ metric: 'avg_tickets_per_day' })],
      }),
    ]);
  });

  it('a calculation picked without metrics gets the question for them, naming its inputs; the next answer names them', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    await chat.say('split the support efficiency calculation');
    const asked = await chat.say('faster ticket handling');
    expect(asked.proposals).toEqual([]);
    expect(asked.text).toContain(
      'Into which metrics should I split Faster Ticket Handling? Its formula uses # of Reps, Avg. Tickets per Day (baseline), Handle Time Saved per Ticket',
    );
    const p = chat.proposalOf(await chat.say('handle time and tickets per day'));
    expect(p.operations).toEqual([
      expect.objectContaining({
        op: 'splitCalculation',
        calculation: 'handle-time',
        parts: [expect.objectContaining({ metric: 'minutes_saved_per_ticket' }), expect.objectContaining({ metric: 'avg_tickets_per_day' })],
      }),
    ]);
  });

  it("seed 000's own prompt: the use case named in the sentence before, the metrics as 'one that isolates …'", async () => {
    const chat = offlineChat('delta-corp-presales.json', NOW);
    const p = chat.proposalOf(
      await chat.say(
        'I need to track two separate metrics for the "Increase Support Team Efficiency" use case. Please split the existing calculation into two separate calculations on the same use case — one that isolates average handle time and one that isolates tickets processed per day. Keep all the original inputs, but divide them so each calculation is driven by a single trackable metric. Preserve the total benefit across both.',
      ),
    );
    // Only Faster Ticket Handling uses both handle time saved and tickets per day.
    expect(p.operations).toEqual([
      expect.objectContaining({
        op: 'splitCalculation',
        scenario: 'rollout-plan',
        calculation: 'handle-time',
        parts: [expect.objectContaining({ metric: 'minutes_saved_per_ticket' }), expect.objectContaining({ metric: 'avg_tickets_per_day' })],
      }),
    ]);
  });
});

describe("a tool's question answered by picking a candidate", () => {
  it('the split tool\'s "which calculation?" (the name in `calculation`) is answered by a name', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const asked = await chat.say('split support efficiency into handle time and tickets per day');
    expect(asked.proposals).toEqual([]);
    expect(asked.text).toContain('Faster Ticket Handling (handle-time)');
    const p = chat.proposalOf(await chat.say('faster ticket handling'));
    expect(p.operations).toEqual([expect.objectContaining({ op: 'splitCalculation', calculation: 'handle-time' })]);
  });

  it('the measurement tool\'s "which input?" (the name inside `measurements[0]`) is answered by position', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const asked = await chat.say('tickets 160 in december 2026');
    expect(asked.proposals).toEqual([]);
    expect(asked.text).toContain("'tickets' could be several inputs");
    const p = chat.proposalOf(await chat.say('the first one'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-12', value: 160 },
    ]);
  });
});

describe('a follow-up that only says what is different', () => {
  // Which month each follow-up asks for is what matters here: the last quarter before December
  // 2026 is Q3, ending 2026-09; March is the latest March, 2026-03.
  it('after a value summary: "and last quarter?" is the summary as of 2026-09, "what about march?" as of 2026-03', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    expect((await chat.say('delta roi as of end of Q1?')).text).toContain('as of 2026-03');
    expect((await chat.say('and last quarter?')).text).toMatch(/has realized USD [\d,.]+ as of 2026-09/);
    expect((await chat.say('what about march?')).text).toMatch(/has realized USD [\d,.]+ as of 2026-03/);
  });

  it('after a measurement history: "and deflection rate?" is that input\'s history; a name that is no period is not an as-of', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    expect((await chat.say('history of tickets per day')).text).toContain('**Avg. Tickets per Day**');
    expect((await chat.say('and deflection rate?')).text).toContain('**Ticket Deflection Rate**');
    const summary = offlineChat('delta-corp.json', NOW);
    await summary.say('delta roi as of end of Q1?');
    expect((await summary.say('what about tickets per day?')).text).not.toContain('has realized');
  });
});
