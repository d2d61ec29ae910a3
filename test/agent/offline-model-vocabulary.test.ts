/**
 * A recorded value named by its value ("the 158 should be 185"): the offline model looks the
 * case up (showBusinessCase), finds the value in the case's vocabulary (each input's latest
 * measurement) and proposes the change, or asks, or gives the answer it had; end to end through
 * the real tools and the demo on `:memory:` (clock: December 2026).
 *
 * The demo's latest measurements (examples/delta-corp.json, realization scenario): tickets per
 * day 158 (Mar 2026; earlier 88 Aug 2025, 115 Oct 2025), deflection rate 22% (Jul 2026; earlier
 * 12% Sep 2025, 18% Jan 2026), reps 15 (Jun 2026). No other input holds 158 or 22%.
 */
import { describe, expect, it } from 'vitest';
import { completeByVocabulary } from '../../src/agent/offline-model/by-vocabulary.ts';
import { notUnderstood } from '../../src/agent/offline-model/examples.ts';
import { reply } from '../../src/agent/offline-model/request.ts';
import { CASE, offlineChat } from './offline-model-support.ts';

const NOW = '2026-12-02T10:00:00.000Z';

/** What showBusinessCase says of a small case with two measured inputs in one use case (the inputs given). */
function acmeCase(inputs: Array<Record<string, unknown>>) {
  return {
    id: 'acme',
    name: 'Acme',
    customer: 'Acme Inc',
    scenarios: [
      {
        id: 'realization',
        name: 'Value Realization',
        kind: 'realization',
        milestones: [],
        useCases: [{ id: 'uc', name: 'Onboarding', calculations: [], inputs }],
      },
    ],
  };
}

describe('a recorded value named by its value', () => {
  it('"the 158 should be 185, typo": the 158 is March 2026 tickets per day, so March 2026 gets 185', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('the 158 should be 185, typo'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-03', value: 185 },
    ]);
  });

  it('"change the 22% to 23%": the 22% is July 2026 deflection, so July 2026 gets 0.23', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('change the 22% to 23%'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-07', value: 0.23 },
    ]);
  });

  it('"march was actually 160 not 158": the month said agrees with the 158 (March 2026)', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('march was actually 160 not 158'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-03', value: 160 },
    ]);
  });

  it('"drop the 22% deflection reading": the input named agrees, and the removal is of July 2026', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('drop the 22% deflection reading, it was a bad export'));
    expect(p.operations).toEqual([{ op: 'removeMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-07' }]);
  });
});

describe('a value recorded before the latest one', () => {
  it('"the 18% should be 19%": 18% is January 2026 deflection (the latest is 22% in July), so January 2026 gets 0.19', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('the 18% should be 19%'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-01', value: 0.19 },
    ]);
  });
});

describe('a note on a recorded value named by its value', () => {
  it('"add context to the 158: estimated from 3 of 4 weeks": the note goes on March 2026 tickets per day (the 3 and 4 are the note\'s)', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('add context to the 158: estimated from 3 of 4 weeks'));
    expect(p.operations).toEqual([
      {
        op: 'annotateMeasurement',
        scenario: 'realization',
        useCase: 'support-efficiency',
        input: 'tickets_per_day',
        month: '2026-03',
        note: 'estimated from 3 of 4 weeks',
      },
    ]);
  });

  it('"add a note to the 22%: new help center articles": July 2026 deflection', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('add a note to the 22%: new help center articles'));
    expect(p.operations).toEqual([
      {
        op: 'annotateMeasurement',
        scenario: 'realization',
        useCase: 'self-service',
        input: 'deflection_rate',
        month: '2026-07',
        note: 'new help center articles',
      },
    ]);
  });

  it('"add a note to the 150: …": 150 is recorded nowhere, so nothing is proposed', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    expect((await chat.say('add a note to the 150: estimated')).proposals).toEqual([]);
  });
});

describe('never a proposal when the vocabulary does not say which value', () => {
  it.each([
    // 158 is recorded in March, not January.
    ['january was actually 160 not 158'],
    // 115 is October 2025 tickets per day, and the demo is locked through December 2025: the tool refuses.
    ['the 115 should be 120'],
    // A percent for a plain number: not the same kind of value.
    ['the 158 should be 18%'],
    // The 22% is deflection, not tickets per day.
    ['change the tickets per day 22% to 23%'],
    // Two new values: which one?
    ['the 158 should be 185 or 190'],
  ])('"%s" proposes nothing and changes nothing', async (said) => {
    const chat = offlineChat('delta-corp.json', NOW);
    const before = chat.store.getCase(CASE);
    const answer = await chat.say(said);
    expect(answer.proposals).toEqual([]);
    expect(chat.store.getCase(CASE)).toEqual(before);
  });

  it('a value several inputs hold: it asks, naming each input and month', () => {
    const fallback = reply('fallback');
    const output = acmeCase([
      { key: 'days_to_onboard', label: 'Days to Onboard', unit: 'days', latest: { month: '2026-04', value: 12 } },
      { key: 'open_tickets', label: 'Open Tickets', unit: 'tickets', latest: { month: '2026-05', value: 12 } },
    ]);
    const next = completeByVocabulary('the 12 should be 11', fallback, [{ toolCallId: 'x', toolName: 'showBusinessCase', input: {}, output, failed: false }]);
    expect(next).toEqual(
      reply(
        '12 is recorded more than once: Days to Onboard in April 2026, Open Tickets in May 2026. Which one do you mean? Say it with the input and month, e.g. "Days to Onboard April 2026: …".',
      ),
    );
    // Naming the input settles it.
    const named = completeByVocabulary('the 12 open tickets should be 11', fallback, [
      { toolCallId: 'x', toolName: 'showBusinessCase', input: {}, output, failed: false },
    ]);
    expect(named).toEqual({
      kind: 'tools',
      calls: [
        {
          toolName: 'proposeMeasurements',
          input: { businessCase: 'acme', scenario: 'realization', measurements: [{ input: 'open_tickets', month: '2026-05', value: 11 }] },
        },
      ],
    });
  });
});

describe('a split the phrase readers did not understand, read against the vocabulary', () => {
  it('"can u split ticket handling so we track handle time and tickets per day separately?": Faster Ticket Handling into two of its inputs', async () => {
    // Faster Ticket Handling's formula: reps * avg_tickets_per_day * minutes_saved_per_ticket / 60 * working_days * hourly_cost;
    // "handle time" is in part Handle Time Saved per Ticket (minutes_saved_per_ticket); of the inputs "tickets per day" fits,
    // only Avg. Tickets per Day (baseline) (avg_tickets_per_day) is in that formula.
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('can u split ticket handling so we track handle time and tickets per day separately? total must stay the same'));
    expect(p.operations).toHaveLength(1);
    expect(p.operations[0]).toMatchObject({
      op: 'splitCalculation',
      scenario: 'realization',
      useCase: 'support-efficiency',
      calculation: 'handle-time',
      parts: [{ metric: 'minutes_saved_per_ticket' }, { metric: 'avg_tickets_per_day' }],
    });
  });

  it('"… handle time and # of reps": the tool refuses (reps is measured), and the answer is the refusal, not the case looked up', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const answer = await chat.say('can u split ticket handling so we track handle time and # of reps separately? total must stay the same');
    expect(answer.proposals).toEqual([]);
    expect(answer.text).toContain("metric 'reps' already has measurements");
    // The structure showBusinessCase returned is not written out.
    expect(answer.text).not.toContain('Rollout Plan');
  });

  it('a part that is not an input of the calculation: nothing proposed', async () => {
    // Rep Efficiency Gain's formula (realization) has no minutes_saved_per_ticket.
    const chat = offlineChat('delta-corp.json', NOW);
    const answer = await chat.say('can u split rep efficiency so we track handle time and # of reps separately');
    expect(answer.proposals).toEqual([]);
  });

  it('a use case with two calculations and no metrics: it asks which, naming both', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const answer = await chat.say('can u split support efficiency');
    expect(answer.proposals).toEqual([]);
    expect(answer.text).toContain('Increase Support Team Efficiency has 2 calculations: Rep Efficiency Gain, Faster Ticket Handling.');
  });

  it('a use case with two calculations and metrics only one of them uses: that one', async () => {
    // Before value tracking (nothing measured yet), in the Rollout Plan: handle time saved is an input of Faster Ticket Handling only, # of reps of both.
    const chat = offlineChat('delta-corp-presales.json', NOW);
    const p = chat.proposalOf(await chat.say('can u split support efficiency so we track handle time and # of reps separately'));
    expect(p.operations).toEqual([
      expect.objectContaining({
        op: 'splitCalculation',
        scenario: 'rollout-plan',
        calculation: 'handle-time',
        parts: [expect.objectContaining({ metric: 'minutes_saved_per_ticket' }), expect.objectContaining({ metric: 'reps' })],
      }),
    ]);
  });
});

describe('a history asked for by its month, without the input', () => {
  it('"who changed the march number and what was it before": only tickets per day has a March value (158, 2026), so its history', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const answer = await chat.say('who changed the march number and what was it before');
    expect(answer.proposals).toEqual([]);
    expect(answer.text).toContain('**Avg. Tickets per Day** (tickets/day): 3 values recorded');
  });

  it("a month no input has a value in is not given some input's history", async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const answer = await chat.say('who changed the february number');
    expect(answer.text).not.toContain('values recorded');
  });

  it('a month several inputs have values in: it asks, naming them', () => {
    const output = acmeCase([
      { key: 'days_to_onboard', label: 'Days to Onboard', unit: 'days', timeSeries: true, measured: [{ month: '2026-03', value: 12 }] },
      { key: 'open_tickets', label: 'Open Tickets', unit: 'tickets', timeSeries: true, measured: [{ month: '2026-03', value: 40 }] },
    ]);
    const said = 'who changed the march number';
    // The phrase readers did not understand it (their answer is the fallback).
    const next = completeByVocabulary(said, reply(notUnderstood()), [{ toolCallId: 'x', toolName: 'showBusinessCase', input: {}, output, failed: false }]);
    expect(next).toEqual(
      reply(
        'Several inputs have a value recorded then: Days to Onboard (March 2026), Open Tickets (March 2026). Which one\'s history do you want? Say e.g. "history of Days to Onboard".',
      ),
    );
  });
});

describe('a correction naming its month and value, not its input', () => {
  it('"march was actually 160": only tickets per day has a March value (158, 2026), so March 2026 gets 160', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('march was actually 160'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-03', value: 160 },
    ]);
  });

  it('"july was actually 23%": July 2026 deflection (22%) gets 0.23; "… 23" without % is not said as a percent is, so it asks', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('july was actually 23%'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-07', value: 0.23 },
    ]);
    const plain = offlineChat('delta-corp.json', NOW);
    expect((await plain.say('july was actually 23')).proposals).toEqual([]);
  });

  it('a month several inputs have values in: it asks, naming them', () => {
    const output = acmeCase([
      { key: 'days_to_onboard', label: 'Days to Onboard', unit: 'days', timeSeries: true, measured: [{ month: '2026-03', value: 12 }] },
      { key: 'open_tickets', label: 'Open Tickets', unit: 'tickets', timeSeries: true, measured: [{ month: '2026-03', value: 40 }] },
    ]);
    // The phrase readers asked which input (their question is the fallback).
    const asked = reply('Which input is the value 11 for?', 'input');
    const next = completeByVocabulary('march was actually 11', asked, [{ toolCallId: 'x', toolName: 'showBusinessCase', input: {}, output, failed: false }]);
    expect(next).toEqual(
      reply(
        'Several inputs have a value recorded then: Days to Onboard (March 2026), Open Tickets (March 2026). Which one should be corrected? Say it with the input, e.g. "Days to Onboard March 2026: …".',
      ),
    );
  });
});
