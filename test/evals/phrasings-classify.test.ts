import { describe, expect, it } from 'vitest';
import { classifyPhrasing, type PhrasingTurn } from '../../evals/phrasings/classify-phrasing.ts';
import type { PhrasingExpectation } from '../../evals/phrasings/phrasing-case.ts';

const may160 = { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-05', value: 160 };
const deflMay = { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-05', value: 0.21 };

/** A turn as the harness reports it. */
function turn(text: string | null, operations: unknown[] = [], results: PhrasingTurn['results'] = [], error: string | null = null): PhrasingTurn {
  return { text, error, operations, results };
}

describe('classifyPhrasing: proposals', () => {
  const expectMay: PhrasingExpectation = { proposals: [may160] };

  it('passes the expected proposal, with extra fields the expectation does not name', () => {
    const s = classifyPhrasing(expectMay, [turn('Proposed: May 2026 160 tickets a day.', [{ ...may160, source: 'Zendesk export' }])]);
    expect(s).toEqual({ outcome: 'pass', failures: [], wrong: [] });
  });

  it('passes several proposals in any order, across turns', () => {
    const s = classifyPhrasing({ proposals: [may160, deflMay] }, [turn('Which month?'), turn('ok', [deflMay]), turn('and that', [may160])]);
    expect(s.outcome).toBe('pass');
  });

  it('is wrong when a value differs (159 for 160)', () => {
    const s = classifyPhrasing(expectMay, [turn('Proposed.', [{ ...may160, value: 159 }])]);
    expect(s.outcome).toBe('wrong');
    expect(s.wrong).toEqual([{ ...may160, value: 159 }]);
  });

  it('is wrong when the month, the input or the scenario differs', () => {
    for (const bad of [
      { ...may160, month: '2026-08' },
      { ...may160, input: 'avg_tickets_per_day' },
      { ...may160, scenario: 'rollout-plan' },
    ]) {
      expect(classifyPhrasing(expectMay, [turn('Proposed.', [bad])]).outcome).toBe('wrong');
    }
  });

  it('is wrong when a right proposal comes with a wrong one', () => {
    const s = classifyPhrasing(expectMay, [turn('Proposed two.', [may160, { ...deflMay, value: 21 }])]);
    expect(s.outcome).toBe('wrong');
    expect(s.wrong).toEqual([{ ...deflMay, value: 21 }]);
  });

  it('is wrong when any proposal is made where none is expected', () => {
    expect(classifyPhrasing({ noProposal: true }, [turn('Noted.', [may160])]).outcome).toBe('wrong');
    expect(classifyPhrasing({ asks: true }, [turn('Which one?', [may160])]).outcome).toBe('wrong');
  });

  it('is safe when nothing is proposed and the agent asks', () => {
    const s = classifyPhrasing(expectMay, [turn('Which month is the 160 for?')]);
    expect(s.outcome).toBe('safe');
    expect(s.failures).toEqual([{ field: 'missing proposal', expected: may160, actual: 'no proposal' }]);
  });

  it('is safe when nothing is proposed and the agent refuses clearly', () => {
    expect(classifyPhrasing(expectMay, [turn("I can't record that: month 2025-10 is locked.")]).outcome).toBe('safe');
    expect(classifyPhrasing(expectMay, [turn('There is no input called "tix" in Delta.')]).outcome).toBe('safe');
  });

  it('is a miss when nothing is proposed and the reply neither asks nor refuses', () => {
    expect(classifyPhrasing(expectMay, [turn('Delta has realized USD 206,416.67 as of 2026-08.')]).outcome).toBe('miss');
  });

  it('is a miss on an empty reply or a failed turn', () => {
    expect(classifyPhrasing(expectMay, [turn('')]).outcome).toBe('miss');
    const failed = classifyPhrasing(expectMay, [turn(null, [], [], 'model server unreachable')]);
    expect(failed.outcome).toBe('miss');
    expect(failed.failures).toContainEqual({ field: 'turn 1 error', expected: 'the turn completes', actual: 'model server unreachable' });
  });

  it('does not pass a right proposal with an empty reply', () => {
    expect(classifyPhrasing(expectMay, [turn('', [may160])]).outcome).toBe('miss');
  });

  it('is not wrong but not a pass when only part of the proposals is made', () => {
    const s = classifyPhrasing({ proposals: [may160, deflMay] }, [turn('Proposed May; what was the deflection rate?', [may160])]);
    expect(s.outcome).toBe('safe');
    expect(s.wrong).toEqual([]);
  });

  it('is not wrong but not a pass when the same proposal is made twice', () => {
    const s = classifyPhrasing(expectMay, [turn('Proposed.', [may160]), turn('Proposed again.', [may160])]);
    expect(s.outcome).toBe('miss');
    expect(s.failures).toEqual([{ field: 'repeated proposal', expected: 'each proposal once', actual: may160 }]);
  });

  it('is not wrong when only free text differs (a note), but not a pass either', () => {
    const withNote = { ...may160, note: { $includes: 'sick' } };
    const s = classifyPhrasing({ proposals: [withNote] }, [turn('Proposed.', [{ ...may160, note: 'two reps out' }])]);
    expect(s.outcome).toBe('miss');
    expect(s.wrong).toEqual([]);
    expect(s.failures).toEqual([{ field: 'imprecise proposal: recordMeasurement.note', expected: 'text containing "sick"', actual: 'two reps out' }]);
    expect(classifyPhrasing({ proposals: [withNote] }, [turn('Proposed.', [{ ...may160, note: 'Two reps were out SICK' }])]).outcome).toBe('pass');
  });

  it("counts a milestone's name as what the proposal creates: a wrong name is wrong", () => {
    const add = { op: 'addMilestone', scenario: 'realization', name: { $includes: 'onboarded' }, achievedMonth: '2025-10' };
    expect(
      classifyPhrasing({ proposals: [add] }, [
        turn('Proposed.', [{ op: 'addMilestone', scenario: 'realization', id: 'pls', name: 'pls', achievedMonth: '2025-10' }]),
      ]).outcome,
    ).toBe('wrong');
  });

  it('treats null as "absent": a setInput from a month is wrong where a change in every month is expected', () => {
    const everyMonth = { op: 'setInput', scenario: 'rollout-plan', useCase: 'support-efficiency', input: 'reps', value: 12, from: null };
    expect(classifyPhrasing({ proposals: [everyMonth] }, [turn('ok', [{ ...everyMonth, from: undefined }])]).outcome).toBe('pass');
    expect(classifyPhrasing({ proposals: [everyMonth] }, [turn('ok', [{ ...everyMonth, from: '2026-06' }])]).outcome).toBe('wrong');
  });

  it('accepts any of the alternative sets', () => {
    const setFrom = { op: 'setInput', scenario: 'realization', useCase: 'self-service', input: 'monthly_tickets', value: 3200, from: '2026-05' };
    const enable = { op: 'enableMonthlyValues', scenario: 'realization', useCase: 'self-service', input: 'monthly_tickets' };
    const record = { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'monthly_tickets', month: '2026-05', value: 3200 };
    const e: PhrasingExpectation = { proposals: [setFrom], or: [[enable, record]] };
    expect(classifyPhrasing(e, [turn('ok', [setFrom])]).outcome).toBe('pass');
    expect(classifyPhrasing(e, [turn('ok', [enable, record])]).outcome).toBe('pass');
    expect(classifyPhrasing(e, [turn('Made it monthly; what value for May?', [enable])]).outcome).toBe('safe');
    expect(classifyPhrasing(e, [turn('ok', [{ ...record, input: 'tickets_per_day' }])]).outcome).toBe('wrong');
  });

  it("matches a split's parts whatever order the model lists them in", () => {
    const split = {
      op: 'splitCalculation',
      scenario: 'realization',
      useCase: 'support-efficiency',
      calculation: 'handle-time',
      parts: [{ metric: 'avg_tickets_per_day' }, { metric: 'minutes_saved_per_ticket' }],
    };
    const proposed = {
      ...split,
      parts: [
        { id: 'handle', name: 'Handle time', metric: 'minutes_saved_per_ticket' },
        { id: 'volume', name: 'Tickets', metric: 'avg_tickets_per_day' },
      ],
      strategy: 'shapley',
    };
    expect(classifyPhrasing({ proposals: [split] }, [turn('Proposed the split.', [proposed])]).outcome).toBe('pass');
    const other = { ...proposed, parts: [proposed.parts[0], { id: 'reps', name: 'Reps', metric: 'reps' }] };
    expect(classifyPhrasing({ proposals: [split] }, [turn('Proposed the split.', [other])]).outcome).toBe('wrong');
  });
});

describe('classifyPhrasing: answers', () => {
  it('passes a question that names the candidates; a question without them is safe', () => {
    const e: PhrasingExpectation = { asks: true, mentions: ['All Entities Onboarded', 'Vendor Onboarding Complete'] };
    expect(classifyPhrasing(e, [turn('Which one: All Entities Onboarded or Vendor Onboarding Complete?')]).outcome).toBe('pass');
    expect(classifyPhrasing(e, [turn('Which milestone?')]).outcome).toBe('safe');
  });

  it('does not take a statement for a question', () => {
    const s = classifyPhrasing({ asks: true }, [turn('Recorded nothing. All Entities Onboarded.')]);
    expect(s.outcome).toBe('miss');
  });

  it('takes alternatives in a mention, ignoring case', () => {
    const e: PhrasingExpectation = { refuses: true, mentions: [['2025-12', 'december 2025']] };
    expect(classifyPhrasing(e, [turn('The scenario is already locked through December 2025.')]).outcome).toBe('pass');
    expect(classifyPhrasing(e, [turn('The scenario is already locked.')]).outcome).toBe('safe');
  });

  it('checks a tool result of the last turn as a subset', () => {
    const e: PhrasingExpectation = { results: [{ tool: 'valueSummary', output: { asOf: '2026-03' } }] };
    const summary = (asOf: string) => [{ toolName: 'valueSummary', output: { asOf, realizedToDate: 1 } }];
    expect(classifyPhrasing(e, [turn('As of March 2026: …', [], summary('2026-03'))]).outcome).toBe('pass');
    const today = classifyPhrasing(e, [turn('As of August 2026: …', [], summary('2026-08'))]);
    expect(today.outcome).toBe('miss');
    expect(today.failures).toEqual([{ field: 'valueSummary result', expected: { asOf: '2026-03' }, actual: [{ asOf: '2026-08' }] }]);
    expect(classifyPhrasing(e, [turn('As of March 2026', [], summary('2026-03')), turn('Anything else?')]).outcome).toBe('safe');
  });

  it('does not count a tool error as the expected result', () => {
    const e: PhrasingExpectation = { results: [{ tool: 'valueSummary' }] };
    const s = classifyPhrasing(e, [
      turn('No business case called "Febtober".', [], [{ toolName: 'valueSummary', output: { error: "no business case called 'Febtober'" } }]),
    ]);
    expect(s.outcome).toBe('safe');
    expect(s.failures).toEqual([{ field: 'valueSummary result', expected: 'a result', actual: [{ error: "no business case called 'Febtober'" }] }]);
  });

  it('passes any non-empty reply without a proposal for noProposal', () => {
    expect(classifyPhrasing({ noProposal: true }, [turn('You are welcome!')]).outcome).toBe('pass');
    expect(classifyPhrasing({ noProposal: true }, [turn('')]).outcome).toBe('miss');
  });

  it('checks a proposal and an answer together', () => {
    const e: PhrasingExpectation = { proposals: [may160], results: [{ tool: 'listPendingProposals' }], mentions: ['160'] };
    const pending = [{ toolName: 'listPendingProposals', output: { proposals: [] } }];
    expect(classifyPhrasing(e, [turn('Proposed.', [may160]), turn('Pending: May 2026 = 160 tickets a day.', [], pending)]).outcome).toBe('pass');
    expect(classifyPhrasing(e, [turn('Proposed.', [may160]), turn('Nothing pending.', [], pending)]).outcome).toBe('miss');
  });
});
