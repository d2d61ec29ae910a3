/**
 * A one-line list of "name: value" pairs (issue 11, "never a wrong number"): "deflection: 23%
 * - tickets/day: 175 (that's july)" is two measurements, each name the input of the value right
 * after its colon; the first name is never taken for a business case, and the words before the
 * second colon are never the first value's input. A month said once, in parentheses at the end,
 * is every value's. End to end through the real tools and the demo on `:memory:` (clock:
 * December 2026, so "july" without a year is July 2026, the latest July not after it).
 */
import { describe, expect, it } from 'vitest';
import { CASE, offlineChat } from './offline-model-support.ts';

const NOW = '2026-12-02T10:00:00.000Z';

// By hand: deflection 23% is the fraction 0.23 of the deflection rate (self-service use case);
// tickets/day 175 is Avg. Tickets per Day (support-efficiency use case); both July 2026.
const DEFLECTION = { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-07', value: 0.23 };
const TICKETS = { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-07', value: 175 };

describe('a one-line list of name: value pairs', () => {
  it('"deflection: 23% - tickets/day: 175 (that\'s july)": deflection 0.23 and tickets per day 175, July 2026', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say("deflection: 23% - tickets/day: 175 (that's july)"));
    expect(p.operations).toEqual([DEFLECTION, TICKETS]);
  });

  it('the reverse order, "tickets/day: 175 - deflection: 23% (that\'s july)": the same two values', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say("tickets/day: 175 - deflection: 23% (that's july)"));
    expect(p.operations).toEqual([TICKETS, DEFLECTION]);
  });

  it('pairs separated by commas, one month at the end: "tickets per day: 160, deflection: 21% for november"', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('tickets per day: 160, deflection: 21% for november'));
    expect(p.operations).toEqual([
      { ...TICKETS, month: '2026-11', value: 160 },
      { ...DEFLECTION, month: '2026-11', value: 0.21 },
    ]);
  });
});

describe('a list whose months are not said for every value asks', () => {
  it('"deflection: 23% - tickets/day: 175": no month at all: asked, nothing proposed', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const r = await chat.say('deflection: 23% - tickets/day: 175');
    expect(r.proposals).toEqual([]);
    expect(r.text).toMatch(/Which month/);
    expect(chat.store.listProposals({ caseId: CASE })).toEqual([]);
  });

  it('"Delta: tickets/day: 175, deflection: 23% july": the month follows only the second value: asked, nothing proposed', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const r = await chat.say('Delta: tickets/day: 175, deflection: 23% july');
    expect(r.proposals).toEqual([]);
    expect(r.text).toContain('Which month is the tickets per day value 175 for?');
    expect(chat.store.listProposals({ caseId: CASE })).toEqual([]);
  });
});

describe('two values for one input and month in a list are refused by the tool', () => {
  it('"tickets/day: 175 - tickets per day: 180 (that\'s july)": no proposal, the input and the month named', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const r = await chat.say("tickets/day: 175 - tickets per day: 180 (that's july)");
    expect(r.proposals).toEqual([]);
    expect(r.text).toContain("two changes to 'Avg. Tickets per Day' (tickets_per_day) in 2026-07 (175 and 180)");
    expect(chat.store.listProposals({ caseId: CASE })).toEqual([]);
  });
});

describe('a single name: value is read as before', () => {
  it('"deflection rate: 24% for august": one value of that input', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('deflection rate: 24% for august'));
    expect(p.operations).toEqual([{ ...DEFLECTION, month: '2026-08', value: 0.24 }]);
  });
});
