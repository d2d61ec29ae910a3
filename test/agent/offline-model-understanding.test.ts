/**
 * The offline model's rules of issue 11, each with hand-written expected calls: numbers and
 * dates through the one lexicon (never truncated, a year never the value), a stray number is
 * no measurement, a milestone is never named after a stray word, it asks when two readings
 * are possible, an unknown word never sticks to the thread, follow-up answers complete the
 * request a tool could not do, and a proposal's warnings reach the reply. Pure: no store.
 */
import { describe, expect, it } from 'vitest';
import type { LanguageModelV3Message } from '@ai-sdk/provider';
import { answerUnfinished, pickCandidate } from '../../src/agent/offline-model/answer-unfinished.ts';
import { plausibleMilestoneName } from '../../src/agent/offline-model/parse-milestone-phrases.ts';
import { parseRequest } from '../../src/agent/offline-model/parse-request.ts';
import { readContext } from '../../src/agent/offline-model/read-prompt.ts';
import type { ConversationContext } from '../../src/agent/offline-model/request.ts';
import { writeAnswer } from '../../src/agent/offline-model/write-answer.ts';

function call(text: string, ctx: ConversationContext = {}): { toolName: string; input: Record<string, unknown> } {
  const r = parseRequest(text, ctx);
  if (r.kind !== 'tools') throw new Error(`expected a tool call for ${JSON.stringify(text)}, got the reply: ${r.text}`);
  expect(r.calls).toHaveLength(1);
  return r.calls[0]!;
}

function replyTo(text: string, ctx: ConversationContext = {}): string {
  const r = parseRequest(text, ctx);
  if (r.kind !== 'reply') throw new Error(`expected a reply for ${JSON.stringify(text)}, got ${JSON.stringify(r.calls)}`);
  return r.text;
}

const user = (text: string): LanguageModelV3Message => ({ role: 'user', content: [{ type: 'text', text }] });
const toolCall = (id: string, toolName: string, input: unknown): LanguageModelV3Message => ({
  role: 'assistant',
  content: [{ type: 'tool-call', toolCallId: id, toolName, input }],
});
const toolResult = (id: string, toolName: string, value: unknown): LanguageModelV3Message => ({
  role: 'tool',
  content: [{ type: 'tool-result', toolCallId: id, toolName, output: { type: 'json', value: value as never } }],
});

describe('numbers are read exactly, or refused', () => {
  it('3.2k is 3200, 2e3 is 2000, 12,5% is 0.125, 7,4 is 7.4', () => {
    expect(call('tickets per month is 3.2k from june')).toEqual({
      toolName: 'proposeInputValue',
      input: { input: 'tickets per month', value: 3200, from: 'june' },
    });
    expect(call('tickets per month is 2e3 from june').input.value).toBe(2000);
    expect(call('deflection rate 12,5% for may')).toEqual({
      toolName: 'proposeMeasurements',
      input: { measurements: [{ input: 'deflection rate', month: 'may', value: 0.125 }] },
    });
    expect(call('minutes per invoice in may: 7,4').input).toEqual({ measurements: [{ input: 'minutes per invoice', month: 'may', value: 7.4 }] });
    expect(call('self service deflection hit twenty percent in april').input).toEqual({
      measurements: [{ input: 'self service deflection', month: 'april', value: 0.2 }],
    });
  });

  it('Arabic-Indic digits read as the number they are, never as the year', () => {
    expect(call('tickets per day ١٦٦ for may').input).toEqual({ measurements: [{ input: 'tickets per day', month: 'may', value: 166 }] });
  });

  it('a number that cannot be read exactly is refused, naming it; nothing is proposed', () => {
    expect(replyTo('tickets per day 0x10 for may')).toBe(
      `I can't read "0x10" (it is not a decimal number (write it in ordinary digits)) as an exact number, so I haven't done anything with it. Please write it in plain digits, e.g. 1,250, 3.2k, 12.5% or 0.5.`,
    );
    expect(replyTo('record 1e308 tickets per day in may')).toMatch(/^I can't read "1e308" \(it is too large/);
    expect(replyTo('tickets per month is 1.250,5 from june')).toMatch(/^I can't read "1\.250,5" \(its separators can be read in more than one way\)/);
  });

  it("numbers in a note or a link are the note's: not refused, not read", () => {
    expect(call('tickets per day may 160, note: export id 0x10').input).toEqual({
      measurements: [{ input: 'tickets per day', month: 'may', value: 160, note: 'export id 0x10' }],
    });
  });
});

describe('a year is never read as the value', () => {
  it('"June 2026, 166" is 166 for June 2026', () => {
    expect(call('Avg. Tickets per Day, June 2026, 166').input).toEqual({ measurements: [{ input: 'Avg Tickets per Day', month: 'June 2026', value: 166 }] });
  });

  it('"jan 26: 140" is 140 for January 2026 (the tools read "jan 26" as 2026-01)', () => {
    expect(call('tickets/day — jan 26: 140, feb 26: 146, apr 26: 152').input).toEqual({
      measurements: [
        { input: 'tickets per day', month: 'jan 26', value: 140 },
        { input: 'tickets per day', month: 'feb 26', value: 146 },
        { input: 'tickets per day', month: 'apr 26', value: 152 },
      ],
    });
  });

  it('"may 26" alone could be the value or the year: it asks, naming both', () => {
    expect(replyTo('tickets per day may 26')).toBe(
      'Is 26 the tickets per day value, or the year (may 2026)? Say, for example, "tickets per day may 2026: <value>" or "tickets per day may 26".',
    );
  });
});

describe('a stray number is not a measurement', () => {
  it('"2 new hires" after an input is a count of something else: it asks', () => {
    expect(replyTo('march tickets/day spike: macros + 2 new hires')).toMatch(
      /^Is 2 a measurement of .*tickets per day.*\? I read it as a count of "new hires", so I haven't proposed it\./,
    );
  });

  it('"... add it as a note": the text after the colon is the note of the value named before it', () => {
    expect(call('explain the march spike in tickets/day: macros + 2 new hires. add it as a note').input).toEqual({
      measurements: [{ input: 'tickets per day', month: 'march', note: 'macros + 2 new hires' }],
    });
  });

  it('a unit after the value is no stray word ("tix/day 174 avg", "7 mins/invoice")', () => {
    expect(call('tix/day 174 avg in july').input).toEqual({ measurements: [{ input: 'tix per day', month: 'july', value: 174 }] });
  });
});

describe('milestones are never named after a stray word', () => {
  it('"log that as a milestone" names it after what happened', () => {
    expect(call('all teams were onboarded by Oct 2025, log that as a milestone pls')).toEqual({
      toolName: 'proposeMilestone',
      input: { name: 'All teams onboarded', achievedMonth: 'Oct 2025' },
    });
  });

  it('"pls", "is" or the case are no names: it asks what the milestone is called', () => {
    expect(replyTo('add milestone pls')).toMatch(/^What is the milestone called\?/);
    expect(replyTo('add a milestone for delta')).toMatch(/^What is the milestone called\?/);
    expect(plausibleMilestoneName('is')).toBe(false);
    expect(plausibleMilestoneName('pls')).toBe(false);
    expect(plausibleMilestoneName('delta', ['Delta Corp'])).toBe(false);
    expect(plausibleMilestoneName('Oct 2025')).toBe(false);
    expect(plausibleMilestoneName('All Teams Onboarded')).toBe(true);
    expect(plausibleMilestoneName('Touchless Invoices > 50%')).toBe(true);
  });

  it('"the X milestone is done as of may" changes that milestone (the tool finds it or asks)', () => {
    expect(call('the onboarding milestone is done as of may')).toEqual({
      toolName: 'proposeMilestone',
      input: { milestone: 'onboarding', achievedMonth: 'may' },
    });
    expect(call('the portal milestone slipped to feb 2027')).toEqual({ toolName: 'proposeMilestone', input: { milestone: 'portal', targetMonth: 'feb 2027' } });
  });

  it('a question about milestones shows the case, never adds one', () => {
    expect(call('list the milestones for delta')).toEqual({ toolName: 'showBusinessCase', input: { businessCase: 'delta' } });
    expect(call('which milestones does Delta have?')).toEqual({ toolName: 'showBusinessCase', input: { businessCase: 'Delta' } });
  });
});

describe('dates through the lexicon', () => {
  it('"end of Q1", "by end of 2025", "as of Q1 2026": the as-of month of a summary', () => {
    expect(call('delta roi as of end of Q1?')).toEqual({ toolName: 'valueSummary', input: { asOf: 'end of Q1' } });
    expect(call('what had we realized for delta by end of 2025?').input.asOf).toBe('end of 2025');
    expect(call('ROI as of Q1 2026').input.asOf).toBe('end of Q1 2026');
  });

  it('a half-year or a quarter locked through its end', () => {
    expect(call('lock H1 2026')).toEqual({ toolName: 'proposeLockMonths', input: { through: 'end of H1 2026' } });
    expect(call('we presented the q2 numbers to delta yesterday, freeze them')).toEqual({ toolName: 'proposeLockMonths', input: { through: 'end of q2' } });
  });

  it('a realization scenario: "kicked off aug 2025, 12 mo", "two-year", "for a year"', () => {
    expect(call('hey can u set up value tracking for delta off the rollout plan? kicked off aug 2025, 12 mo contract')).toEqual({
      toolName: 'proposeRealizationScenario',
      input: { from: 'rollout plan', start: 'aug 2025', months: 12 },
    });
    expect(call('delta signed a two-year deal starting 2025-08 — set up the realization scenario off the rollout plan').input).toEqual({
      from: 'rollout plan',
      start: '2025-08',
      months: 24,
    });
    expect(call("spin up 'Year 1 Actuals' for delta from the rollout plan, jul 2025 start, for a year").input).toEqual({
      from: 'rollout plan',
      start: 'jul 2025',
      months: 12,
      name: 'Year 1 Actuals',
    });
  });
});

describe('measuring an input monthly makes it a metric', () => {
  it('"measure X monthly" proposes measuring it directly, not monthly values', () => {
    expect(call('we want to measure the legacy help desk licence cost monthly')).toEqual({
      toolName: 'proposeTrackMetric',
      input: { input: 'legacy help desk licence cost' },
    });
    expect(call("deflection %: we'll measure it monthly as-is")).toEqual({ toolName: 'proposeTrackMetric', input: { input: 'deflection rate' } });
    // Monthly values stay for a changing assumption said so.
    expect(call('enable monthly values for # of reps')).toEqual({ toolName: 'proposeMonthlyValues', input: { input: '# of reps' } });
  });
});

describe('an unknown word never sticks to the thread', () => {
  it('a case the tool did not find is not carried to later turns, even after a turn without tools', () => {
    const ctx = readContext([
      user('summary for Febtober'),
      toolCall('c1', 'valueSummary', { businessCase: 'Febtober' }),
      toolResult('c1', 'valueSummary', { error: "no business case called 'Febtober'", candidates: ['Delta Corp (delta)'] }),
      { role: 'assistant', content: [{ type: 'text', text: "I couldn't get the value summary." }] },
      user('help'),
      { role: 'assistant', content: [{ type: 'text', text: 'Try: …' }] },
    ]);
    expect(ctx.businessCase).toBeUndefined();
    expect(call("what's the ROI?", ctx)).toEqual({ toolName: 'valueSummary', input: {} });
  });

  it('a name said in a message the model asked back about is not taken as the case ("for Febtober" was meant as a month)', () => {
    const ctx = readContext([
      user('record 150 tickets/day for Febtober'),
      { role: 'assistant', content: [{ type: 'text', text: 'Which month is the tickets per day value 150 for? For example: "tickets per day October 150".' }] },
    ]);
    expect(ctx.businessCase).toBeUndefined();
    expect(ctx.previousTurn?.user).toBe('record 150 tickets/day for Febtober');
  });

  it("a name a later turn's tool refused is not taken from an earlier turn either", () => {
    const ctx = readContext([
      // An older turn comes back compacted: what was said, without its tool calls.
      user('summary for Febtober'),
      { role: 'assistant', content: [{ type: 'text', text: "I couldn't get the value summary." }] },
      user('and the ROI?'),
      toolCall('c1', 'valueSummary', { businessCase: 'Febtober' }),
      toolResult('c1', 'valueSummary', { error: "no business case called 'Febtober'", candidates: ['Delta Corp (delta)'] }),
      { role: 'assistant', content: [{ type: 'text', text: "I couldn't get the value summary." }] },
    ]);
    expect(ctx.businessCase).toBeUndefined();
  });
});

describe('follow-up answers complete the request a tool could not do', () => {
  const milestones = ['All Entities Onboarded (entities-onboarded, target 2026-06)', 'Vendor Onboarding Complete (vendor-onboarding, target 2026-07)'];
  const unfinished = {
    toolName: 'proposeMilestone',
    input: { businessCase: null, milestone: 'onboarding', achievedMonth: 'may' },
    error: "'onboarding' could be several milestones",
    candidates: milestones,
  };

  it('picks a candidate by its words or its position; several fit or none: no pick', () => {
    expect(pickCandidate('vendor onboarding', milestones)).toBe(milestones[1]);
    expect(pickCandidate('the second one', milestones)).toBe(milestones[1]);
    expect(pickCandidate('1', milestones)).toBe(milestones[0]);
    expect(pickCandidate('the last one', milestones)).toBe(milestones[1]);
    expect(pickCandidate('onboarding', milestones)).toBeUndefined();
    expect(pickCandidate('go-live', milestones)).toBeUndefined();
  });

  it('the answer replaces what the tool asked about, by id; the nulls of the strict call are dropped', () => {
    expect(parseRequest('vendor onboarding', { unfinished })).toEqual({
      kind: 'tools',
      calls: [{ toolName: 'proposeMilestone', input: { milestone: 'vendor-onboarding', achievedMonth: 'may' } }],
    });
  });

  it('"which scenario?" is answered with a scenario: the `from` of a realization scenario', () => {
    const asked = {
      toolName: 'proposeRealizationScenario',
      input: { start: 'feb 2026', months: 12 },
      error: "which scenario of 'Northwind'?",
      candidates: ['Signed Deal (signed-deal, future)', 'Conservative Case (conservative, future)'],
    };
    expect(answerUnfinished('the signed deal one', { unfinished: asked })).toEqual({
      kind: 'tools',
      calls: [{ toolName: 'proposeRealizationScenario', input: { start: 'feb 2026', months: 12, from: 'signed-deal' } }],
    });
  });

  it('"yes" to "did you mean 22%?" sends 0.22 in place of 22', () => {
    const asked = {
      toolName: 'proposeMeasurements',
      input: { businessCase: null, measurements: [{ input: 'deflection rate', month: 'may', value: 22, note: null }] },
      error: 'Ticket Deflection Rate in 2026-05 is a percentage: 22 would be 2200%. Did you mean 22% (0.22)?',
      candidates: [],
    };
    expect(parseRequest('yes', { unfinished: asked })).toEqual({
      kind: 'tools',
      calls: [{ toolName: 'proposeMeasurements', input: { measurements: [{ input: 'deflection rate', month: 'may', value: 0.22 }] } }],
    });
    // Anything else is read on its own.
    expect(answerUnfinished('what is pending?', { unfinished: asked })).toBeNull();
  });

  it('a new request is never taken for an answer', () => {
    expect(answerUnfinished('show me the milestones', { unfinished })).toBeNull();
  });
});

describe("the reply carries the proposal's warnings", () => {
  it('a proposal with a warning says to check it before approving', () => {
    const figures = { total: 100, realizedToDate: 10, measuredToDate: 10, assumedToDate: 0, useCases: [] };
    const text = writeAnswer([
      {
        toolCallId: 'c',
        toolName: 'proposeMeasurements',
        input: {},
        failed: false,
        output: {
          proposalId: 'p-1',
          businessCase: 'Delta',
          status: 'pending',
          currency: 'USD',
          scenario: 'realization',
          asOf: '2026-08',
          changes: ['recorded Avg. Tickets per Day (tickets_per_day) in 2026-05: 1660 tickets/day'],
          before: figures,
          after: figures,
          warnings: ['Avg. Tickets per Day in 2026-05: 1,660 tickets/day is 10x the last measurement (158 tickets/day in 2026-03).'],
        },
      },
    ]);
    expect(text).toContain(
      '⚠ Check before approving:\n- Avg. Tickets per Day in 2026-05: 1,660 tickets/day is 10x the last measurement (158 tickets/day in 2026-03).',
    );
  });
});

describe('measurements said the way people say them', () => {
  it('the value replaced is no measurement: "153 not 158", "17% not 18%", ", not 115"', () => {
    // A correction naming its month without a year looks up what is recorded first, and `decide`
    // proposes for the latest month of that name with a current value (here: a history with March
    // and January 2026 values, as the tool reports it).
    const history = {
      toolCallId: 'h',
      toolName: 'measurementHistory',
      input: {},
      failed: false,
      output: {
        input: 'x',
        entries: [
          { month: '2025-03', current: true },
          { month: '2026-01', current: true },
          { month: '2026-03', current: true },
        ],
      },
    };
    const corrected = (text: string) => {
      const r = parseRequest(text);
      if (r.kind !== 'tools' || !r.decide) throw new Error(`expected a look-up for ${text}`);
      const next = r.decide([history]);
      return { lookUp: r.calls, decided: next?.kind === 'tools' ? next.calls : next };
    };
    expect(corrected('march tickets/day should be 153 not 158, typo in the export')).toEqual({
      lookUp: [{ toolName: 'measurementHistory', input: { input: 'tickets per day' } }],
      decided: [{ toolName: 'proposeMeasurements', input: { measurements: [{ input: 'tickets per day', month: '2026-03', value: 153 }] } }],
    });
    expect(corrected('fix jan deflection: it was 17% not 18%').decided).toEqual([
      { toolName: 'proposeMeasurements', input: { measurements: [{ input: 'deflection', month: '2026-01', value: 0.17 }] } },
    ]);
    expect(call("oct 2025 should've been 117 tickets/day, not 115").input).toEqual({
      measurements: [{ input: 'tickets per day', month: 'oct 2025', value: 117 }],
    });
  });

  it('a value compared with ("up from 140 in april", "vs 140") is context, not a measurement', () => {
    expect(call('tickets per day in may was 150, up from 140 in april').input).toEqual({
      measurements: [{ input: 'tickets per day', month: 'may', value: 150 }],
    });
    expect(call('tickets per day 150 in may vs 140').input).toEqual({ measurements: [{ input: 'tickets per day', month: 'may', value: 150 }] });
  });

  it('a rate after the value names it; who did it or who says so does not', () => {
    expect(call('the delta team handled 172 tickets a day on average in july').input).toEqual({
      measurements: [{ input: 'tickets per day', month: 'july', value: 172 }],
    });
    expect(call("AP clerks now average 7.2 minutes an invoice, that's for may 2026").input).toEqual({
      measurements: [{ input: 'minutes per invoice', month: 'may 2026', value: 7.2 }],
    });
    expect(call('champion at delta says they averaged 164/day in may').input).toEqual({ measurements: [{ input: 'per day', month: 'may', value: 164 }] });
  });

  it("an input said once after a list is every value's; a month said once after the values is all of theirs", () => {
    expect(call('backfill pls: jan 140, feb 146 tickets/day').input).toEqual({
      measurements: [
        { input: 'tickets per day', month: 'jan', value: 140 },
        { input: 'tickets per day', month: 'feb', value: 146 },
      ],
    });
    expect(call("numbers are in:\n- tickets/day: 175\n- deflection: 23%\n(that's july)").input).toEqual({
      measurements: [
        { input: 'tickets per day', month: 'july', value: 175 },
        { input: 'deflection', month: 'july', value: 0.23 },
      ],
    });
  });

  it('a source said with "per" or after a comma', () => {
    expect(call('deflection 19.5% in april per help center analytics').input).toEqual({
      measurements: [{ input: 'deflection', month: 'april', value: 0.195, source: 'help center analytics' }],
    });
    expect(call('last month capture rate 27%, source ERP discount report').input).toEqual({
      measurements: [{ input: 'capture rate', month: 'last month', value: 0.27, source: 'ERP discount report' }],
    });
  });

  it('a hope or a target is no measurement', () => {
    expect(replyTo("we're hoping to hit 200 tickets/day by december")).toMatch(/didn't understand/);
  });

  it('without a month it asks for one, and the month completes it', () => {
    const question = 'Which month is the deflection rate value 23% for? For example: "deflection rate October 23%".';
    expect(replyTo('deflection rate 23% pls')).toBe(question);
    expect(call('june', { previousTurn: { user: 'deflection rate 23% pls', reply: question } }).input).toEqual({
      measurements: [{ input: 'deflection rate', month: 'june', value: 0.23 }],
    });
    // A question with a number asks for nothing.
    expect(replyTo('is 160 tickets a day good for a team of 15?')).toMatch(/didn't understand/);
  });

  it('without an input it asks which, and the input completes it; a request of its own is not the answer', () => {
    const question = 'Which input is the value 150 for? For example: "tickets per day October 115".';
    expect(replyTo('log 150 for may')).toBe(question);
    expect(call('tickets per day', { previousTurn: { user: 'log 150 for may', reply: question } }).input).toEqual({
      measurements: [{ input: 'tickets per day', month: 'may', value: 150 }],
    });
    expect(call("what's pending?", { previousTurn: { user: 'log 150 for may', reply: question } }).toolName).toBe('listPendingProposals');
  });

  it('a measurement and a milestone in one message are two calls', () => {
    expect(parseRequest('june: 166 tix/day, and the portal relaunch went live in june too')).toEqual({
      kind: 'tools',
      calls: [
        { toolName: 'proposeMeasurements', input: { measurements: [{ input: 'tix per day', month: 'june', value: 166 }] } },
        { toolName: 'proposeMilestone', input: { milestone: 'portal relaunch', achievedMonth: 'june' } },
      ],
    });
  });
});

describe('a slip corrected in the thread is the last proposal again, corrected', () => {
  const lastCall = {
    toolName: 'proposeMeasurements',
    input: { businessCase: null, measurements: [{ input: 'tickets per day', month: 'june', value: 166, note: null }] },
  };

  it('"sorry, 156 not 166" replaces the value; "wait, that was may, not june" the month', () => {
    expect(call('sorry, 156 not 166', { lastCall }).input).toEqual({ measurements: [{ input: 'tickets per day', month: 'june', value: 156 }] });
    expect(call('wait, that was may, not june', { lastCall }).input).toEqual({ measurements: [{ input: 'tickets per day', month: 'may', value: 166 }] });
  });

  it('a value or month the last proposal did not have is not corrected', () => {
    expect(parseRequest('sorry, 156 not 170', { lastCall }).kind).toBe('reply');
  });
});

describe('milestones said without the word', () => {
  it('went live, marked achieved, onboarded, slipped or moved', () => {
    expect(call('portal relaunch went live this month!').input).toEqual({ milestone: 'portal relaunch', achievedMonth: 'this month' });
    expect(call('mark the self-service portal relaunch as achieved in july').input).toEqual({
      milestone: 'self-service portal relaunch',
      achievedMonth: 'july',
    });
    expect(call('all entities are onboarded as of may').input).toEqual({ milestone: 'all entities onboarded', achievedMonth: 'may' });
    expect(call('vendor portal launch moved to oct').input).toEqual({ milestone: 'vendor portal launch', targetMonth: 'oct' });
  });

  it('"add a milestone" asks its name, and the answer completes it', () => {
    const question = 'What is the milestone called? For example: "add milestone All Teams Onboarded achieved October".';
    expect(replyTo('add a milestone')).toBe(question);
    expect(call('billing integration, target nov 2026', { previousTurn: { user: 'add a milestone', reply: question } }).input).toEqual({
      name: 'billing integration',
      targetMonth: 'nov 2026',
    });
  });
});

describe('questions, in the words people use', () => {
  it('history: what did we record, who entered, any notes, what have we logged', () => {
    expect(call('what did we record for tickets per day so far?')).toEqual({ toolName: 'measurementHistory', input: { input: 'tickets per day' } });
    expect(call('who entered the march tickets/day number?')).toEqual({ toolName: 'measurementHistory', input: { input: 'tickets/day' } });
    expect(call('any notes on the jan deflection value?')).toEqual({ toolName: 'measurementHistory', input: { input: 'deflection' } });
    expect(call('what capture rates have we logged for northwind')).toEqual({
      toolName: 'measurementHistory',
      input: { businessCase: 'northwind', input: 'capture rates' },
    });
  });

  it('the case: is it locked, what we track; a summary: how is it doing, ahead or behind; pending', () => {
    expect(call('is delta locked? through when?').toolName).toBe('showBusinessCase');
    expect(call('what are we tracking for northwind?').toolName).toBe('showBusinessCase');
    expect(call("how's delta doing?").toolName).toBe('valueSummary');
    expect(call('are we ahead or behind the rollout plan?').toolName).toBe('valueSummary');
    expect(call("what's pending?").toolName).toBe('listPendingProposals');
  });

  it('what a word means, from the glossary; a question for figures is not a definition', () => {
    expect(replyTo('what does carried forward mean?')).toMatch(
      /^\*\*Carried forward\*\*: a month without a new measurement uses the last measurement before it/,
    );
    expect(call("what's realized so far?").toolName).toBe('valueSummary');
  });

  it('QBRs: a "q1 review", a title is no case, and another audience right after a draft', () => {
    expect(call("draft northwind's q1 review for finance").input).toEqual({ quarter: 'Q1', audience: 'finance' });
    expect(call("q4 2025 qbr for the VP of support (she's our champion)").input).toEqual({ quarter: 'Q4 2025', audience: 'champion' });
    const lastCall = { toolName: 'draftQbr', input: { businessCase: 'delta', quarter: null, audience: null } };
    expect(call('for finance, q2', { lastCall }).input).toEqual({ businessCase: 'delta', audience: 'finance', quarter: 'Q2' });
    expect(
      parseRequest('for finance, and record 150 tickets for may', { lastCall }).kind === 'tools' &&
        call('for finance, and record 150 tickets for may', { lastCall }).toolName,
    ).not.toBe('draftQbr');
  });
});

describe('changes, in the words people use', () => {
  it('removals with a reason after them, "clear" a value, "pls drop"', () => {
    expect(call('delete the july deflection number, it was a test entry').input).toEqual({
      measurements: [{ input: 'deflection', month: 'july', remove: true }],
    });
    expect(call("pls drop the jan deflection entry, customer couldn't confirm it").input).toEqual({
      measurements: [{ input: 'deflection', month: 'jan', remove: true }],
    });
    expect(call('clear the march capture rate').input).toEqual({ measurements: [{ input: 'capture rate', month: 'march', remove: true }] });
    // How many is not which: it asks.
    expect(replyTo('remove 2 of the march values')).toMatch(/^Which values should I remove\? Name each by its input and month/);
    // Clearing a field is not removing the value.
    expect(call('clear the note on the march value').input).toEqual({ measurements: [{ month: 'march', note: '' }] });
  });

  it('evidence and sources: "attach evidence to <value>: <file>", "<value> came from <source>, link: <url>"', () => {
    expect(call('attach evidence to oct 2025 tickets/day: zendesk-oct-final.csv').input).toEqual({
      measurements: [{ input: 'tickets/day', month: 'oct 2025', evidence: 'zendesk-oct-final.csv' }],
    });
    expect(call('the jan deflection number came from the help center dashboard, link: https://help.delta.test/jan').input).toEqual({
      measurements: [{ input: 'deflection', month: 'jan', source: 'help center dashboard', evidence: 'https://help.delta.test/jan' }],
    });
  });

  it('an assumption from a month on: the clause the month is in, "went up to 20k/yr", a lead name, "now"', () => {
    expect(call('delta hired 3 more reps, 18 reps from september').input).toEqual({ input: 'reps', value: 18, from: 'september' });
    expect(call('legacy help desk licences went up to 20k/yr from jan 2026').input).toEqual({
      input: 'legacy help desk licences',
      value: 20000,
      from: 'jan 2026',
    });
    expect(call('reps: 10 until may 2026, 15 from june 2026').input).toEqual({ input: 'reps', value: 15, from: 'june 2026' });
    expect(call('invoice volume is 4,500/month from may').input).toEqual({ input: 'invoice volume', value: 4500, from: 'may' });
    expect(call('discount-eligible spend is 550k a month now').input).toEqual({ input: 'discount-eligible spend', value: 550000, from: 'this month' });
    expect(call('in the rollout plan, bump # of reps to 12').input).toEqual({ scenario: 'rollout plan', input: '# of reps', value: 12 });
  });

  it('splits: "into two: A + B", "split X: one part for A, one for B", the parts asked for', () => {
    expect(call('break the handle time calc into two: time saved per ticket + tickets/day. total must stay the same').input).toEqual({
      calculation: 'handle time',
      parts: [{ metric: 'time saved per ticket' }, { metric: 'tickets/day' }],
    });
    expect(call('split the handle-time calculation: one part for minutes saved per ticket, one for avg tickets per day (baseline)').input).toEqual({
      calculation: 'handle-time',
      parts: [{ metric: 'minutes saved per ticket' }, { metric: 'avg tickets per day (baseline)' }],
    });
    const question = 'How should I split it? For example: "Split the handle time calculation into one for handle time and one for tickets per day".';
    expect(replyTo('split the handle time calc for delta')).toBe(question);
    expect(call('handle time saved and tickets per day', { previousTurn: { user: 'split the handle time calc for delta', reply: question } }).input).toEqual({
      businessCase: 'delta',
      calculation: 'handle time',
      parts: [{ metric: 'handle time saved' }, { metric: 'tickets per day' }],
    });
  });

  it('realization scenarios said casually', () => {
    expect(call('start tracking realized value for delta. contract went live sept 2025, 36 months').input).toEqual({ start: 'sept 2025', months: 36 });
    expect(call('set up tracking for northwind starting feb 2026, 12 months').input).toEqual({ start: 'feb 2026', months: 12 });
    expect(call('Start tracking the Rollout Plan from October 2025, 36 months').input).toEqual({ start: 'October 2025', months: 36 });
    // Tracking an input is not a scenario.
    expect(call('start tracking tickets directly').toolName).toBe('proposeTrackMetric');
  });
});

describe('said of the input: "X should be tracked monthly", "X is now N"', () => {
  it('"deflection rate should be tracked monthly" (or measured, recorded) is measuring it, as "track deflection rate monthly"', () => {
    for (const verb of ['tracked', 'measured', 'recorded'])
      expect(call(`deflection rate should be ${verb} monthly`)).toEqual({ toolName: 'proposeTrackMetric', input: { input: 'deflection rate' } });
  });

  it('"# of reps is now 12" holds from this month on, never in every month (earlier months keep theirs)', () => {
    expect(call('# of reps is now 12')).toEqual({ toolName: 'proposeInputValue', input: { input: '# of reps', value: 12, from: 'this month' } });
    // Without "now" it is the value of every month.
    expect(call('set # of reps to 12')).toEqual({ toolName: 'proposeInputValue', input: { input: '# of reps', value: 12 } });
  });
});
