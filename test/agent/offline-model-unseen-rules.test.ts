/**
 * The rules that turned the unseen set's wrong proposals (evals/phrasings/unseen-2026-12,
 * docs/evals.md) into questions or right proposals, end to end through the offline model, the
 * real tools and the demo on `:memory:` (clock: December 2026).
 *
 * The demo's realization scenario (Jul 2025 - Jun 2027, locked through Dec 2025): tickets per
 * day 88 (Aug 2025), 115 (Oct 2025), 158 (Mar 2026); deflection 12% (Sep 2025), 18% (Jan
 * 2026), 22% (Jul 2026); milestones All Teams Onboarded (achieved Oct 2025), Automation
 * Macros Live (target Jan 2026, achieved Mar 2026), Self-Service Portal Relaunch (target Dec 2026).
 */
import { describe, expect, it } from 'vitest';
import { insteadOfRefused } from '../../src/agent/offline-model/instead-of-refused.ts';
import { CASE, offlineChat } from './offline-model-support.ts';

const NOW = '2026-12-02T10:00:00.000Z';

describe('a correction is of the value recorded, never a new value in a month nobody recorded', () => {
  it('"correct october tickets per day to 120": the recorded October is 2025 (locked), so nothing is proposed', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const before = chat.store.getCase(CASE);
    const reply = await chat.say('correct october tickets per day to 120');
    expect(reply.proposals).toEqual([]);
    expect(reply.text).toMatch(/2025-10/);
    expect(reply.text).toMatch(/locked/);
    expect(chat.store.getCase(CASE)).toEqual(before);
  });

  it('"march was actually 160 tickets per day": March 2026 (the recorded March) gets 160', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('march tickets per day was actually 160'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-03', value: 160 },
    ]);
  });

  it('"fix the november tickets per day to 150": no November is recorded, so it asks which month', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reply = await chat.say('fix the november tickets per day to 150');
    expect(reply.proposals).toEqual([]);
    expect(reply.text).toMatch(/No November value of Avg\. Tickets per Day is recorded/);
    expect(reply.text).toContain('?');
  });
});

describe('a removal that names a value checks it against the recorded one', () => {
  it('"scrap the 150 from march" asks, naming the 158; "scrap the 158 from march" proposes the removal', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const wrong = await chat.say('scrap the 150 from march');
    expect(wrong.proposals).toEqual([]);
    expect(wrong.text).toContain("the 2026-03 value of 'Avg. Tickets per Day' is 158, not 150: nothing removed. Remove the 158?");
    const p = chat.proposalOf(await chat.say('scrap the 158 from march', 't2'));
    expect(p.operations).toEqual([
      { op: 'removeMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-03' },
    ]);
  });

  it('"pls remove the 18% from jan": a percentage said as written matches the recorded 0.18', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('pls remove the 18% deflection from jan'));
    expect(p.operations).toEqual([{ op: 'removeMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-01' }]);
  });
});

describe('milestones: a month is never part of a name, and an existing milestone is changed, not added', () => {
  it('"add a milestone for the billing articles launch (jan 2026)": named without the month, achieved January 2026 (before the current month)', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('add a milestone for the billing articles launch (jan 2026)'));
    expect(p.operations).toEqual([
      { op: 'addMilestone', scenario: 'realization', id: 'billing-articles-launch', name: 'billing articles launch', achievedMonth: '2026-01' },
    ]);
  });

  it('"the macros milestone was actually hit in feb 2026" and "note on the portal relaunch milestone: …" change the existing ones', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const hit = chat.proposalOf(await chat.say('the macros milestone was actually hit in feb 2026'));
    expect(hit.operations).toEqual([{ op: 'updateMilestone', scenario: 'realization', id: 'macros-live', achievedMonth: '2026-02' }]);
    const noted = chat.proposalOf(await chat.say("note on the portal relaunch milestone: waiting on delta's web team still", 't2'));
    expect(noted.operations).toEqual([{ op: 'updateMilestone', scenario: 'realization', id: 'portal-relaunch', note: "waiting on delta's web team still" }]);
  });
});

describe('an assumption said with a sign', () => {
  it('"reps -3 from nov 2026" asks whether -3 is the value or a change, and proposes nothing', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reply = await chat.say('reps -3 from nov 2026');
    expect(reply.proposals).toEqual([]);
    expect(reply.text).toContain('or 3 fewer than before?');
  });
});

describe('a value for the other kind of input: the call that fits, in the same turn', () => {
  it('"record Tickets per Month 3200 for May 2026": an assumption, so 3,200 from May 2026 on', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('record Tickets per Month 3200 for May 2026'));
    expect(p.operations).toEqual([
      { op: 'setInput', scenario: 'realization', useCase: 'self-service', input: 'monthly_tickets', value: 3200, from: '2026-05' },
    ]);
  });

  it('"set avg tickets per day from nov 2026 to 170": a metric, so the November 2026 measurement', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('set avg tickets per day from nov 2026 to 170'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-11', value: 170 },
    ]);
  });
});

describe('answers to the tool’s own questions complete the request', () => {
  it('"set reps to 15" asks from which month; "from jan 2027" proposes 15 reps from January 2027', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const asked = await chat.say('set reps to 15');
    expect(asked.proposals).toEqual([]);
    expect(asked.text).toContain('from which month does 15 hold?');
    const p = chat.proposalOf(await chat.say('from jan 2027'));
    expect(p.operations).toEqual([{ op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', value: 15, from: '2027-01' }]);
  });

  it('"scrap the 150 from march" names the 158; "yes the 158" removes it', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    expect((await chat.say('scrap the 150 from march')).proposals).toEqual([]);
    const p = chat.proposalOf(await chat.say('yes the 158'));
    expect(p.operations).toEqual([
      { op: 'removeMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-03' },
    ]);
  });
});

describe('words busy people use', () => {
  it('"how is acme doing" asks about Acme (no such case) instead of answering for Delta', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reply = await chat.say('how is acme doing');
    expect(reply.text).toMatch(/acme/i);
    expect(reply.text).not.toMatch(/has realized/);
  });

  it('"freeze delta through end of Q3 2026", "what still needs sign off", "what was deflection in jan?"', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const lock = chat.proposalOf(await chat.say('freeze delta through end of Q3 2026'));
    expect(lock.operations).toEqual([{ op: 'lockMonths', scenario: 'realization', through: '2026-09' }]);
    const pending = await chat.say('what still needs sign off', 't2');
    expect(pending.text).toContain(lock.id);
    const history = await chat.say('what was deflection in jan?', 't3');
    expect(history.text).toMatch(/Ticket Deflection Rate/);
  });
});

describe('the call that fits is made only for the input the person named', () => {
  it('"tickets per day is 170 from june on" is June 2026\'s measurement', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('tickets per day is 170 from june on'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-06', value: 170 },
    ]);
  });

  it('a refusal of an input matched loosely ("efficiency" for Target: Expected Rep. Efficiency Gain) is not carried over', () => {
    const refused = (input: string, label: string) => [
      {
        toolCallId: 'c1',
        toolName: 'proposeMeasurements',
        input: { measurements: [{ input, month: 'nov', value: 160 }] },
        output: {
          error: `'${label}' is not measured yet: propose measuring it directly (proposeTrackMetric) or converting its calculation first; a changed assumption is proposeInputValue`,
        },
        failed: false,
      },
    ];
    expect(insteadOfRefused(refused('efficiency', 'Target: Expected Rep. Efficiency Gain'), 'efficiency 160 nov')).toBeNull();
    expect(insteadOfRefused(refused('tickets per month', 'Tickets per Month'), 'tickets per month 3200 nov')).toEqual({
      kind: 'tools',
      calls: [{ toolName: 'proposeInputValue', input: { input: 'tickets per month', value: 160, from: 'nov' } }],
    });
  });
});

describe('one month said last, for every value before it', () => {
  it('"record tickets per day 160 and deflection 23% for november": both in November 2026', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('record tickets per day 160 and deflection 23% for november'));
    expect(p.operations).toEqual([
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-11', value: 160 },
      { op: 'recordMeasurement', scenario: 'realization', useCase: 'self-service', input: 'deflection_rate', month: '2026-11', value: 0.23 },
    ]);
  });
});
