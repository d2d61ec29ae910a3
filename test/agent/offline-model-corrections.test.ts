/**
 * Contract 2's corrections through the offline model, end to end (the agent loop, the real
 * tools, the store on `:memory:` with the demo): measuring an input directly, an assumption
 * from a month on, removing and annotating a recorded value, an existing milestone reached.
 * Each sentence becomes a proposal with the right operation, nothing changes until a person
 * approves, and then the data says what the preview said.
 *
 * The demo's realization scenario (Jul 2025 - Jun 2027, locked through Dec 2025): tickets per
 * day 88 (Aug 2025), 115 (Oct 2025), 158 (Mar 2026); 10 reps, 15 from June 2026; the milestone
 * "All Teams Onboarded" (teams-onboarded) targeted Sep 2025, achieved Oct 2025.
 */
import { describe, expect, it } from 'vitest';
import { CASE, offlineChat } from './offline-model-support.ts';

const NOW = '2026-11-20T10:00:00.000Z';

describe('corrections in plain sentences (clock: November 2026)', () => {
  it('"delete the wrong March value": the month\'s only value is removed on approval, and the history keeps it', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const before = chat.store.getCase(CASE);
    const reply = await chat.say('delete the wrong March value');
    const p = chat.proposalOf(reply);
    expect(p.operations).toEqual([
      { op: 'removeMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-03' },
    ]);
    // Without March's 158, October 2025's 115 carries forward: Mar-May 2026 (10 reps) at
    // 10 x 20000 x 0.15 / 12 = 2,500 instead of 10 x 20000 x 0.58 / 12 = 9,666.67, and
    // Jun-Nov 2026 (15 reps) at 3,750 instead of 14,500: 3 x 7,166.67 + 6 x 10,750 = 86,000 less.
    expect(p.preview[0]!.before!.realizedToDate! - p.preview[0]!.after.realizedToDate!).toBeCloseTo(86000, 2);
    expect(reply.text).toContain('Nothing has changed yet');
    expect(chat.store.getCase(CASE)).toEqual(before);
    chat.approveAs(p.id);
    const series = chat.store.getCase(CASE)!.document.scenarios[1]!.useCases[0]!.inputs.find((i) => i.key === 'tickets_per_day')!.series!;
    expect(Object.keys(series)).toEqual(['2025-08', '2025-10']);
    const march = chat.store.listMeasurements({ caseId: CASE, input: 'tickets_per_day' }).filter((m) => m.month === '2026-03');
    expect(march.map((m) => m.value)).toContain(158);
  });

  it('"the evidence for October is …": October 2025 (the October with a value) is annotated, though it is locked', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('the evidence for October is https://example.test/zendesk-2025-10.csv'));
    expect(p.operations).toEqual([
      {
        op: 'annotateMeasurement',
        scenario: 'realization',
        useCase: 'support-efficiency',
        input: 'tickets_per_day',
        month: '2025-10',
        evidence: 'https://example.test/zendesk-2025-10.csv',
      },
    ]);
    expect(p.preview[0]!.after).toEqual(p.preview[0]!.before);
    chat.approveAs(p.id);
    const series = chat.store.getCase(CASE)!.document.scenarios[1]!.useCases[0]!.inputs.find((i) => i.key === 'tickets_per_day')!.series!;
    expect(series['2025-10']).toEqual({
      value: 115,
      note: 'All teams onboarded',
      evidence: 'https://example.test/zendesk-2025-10.csv',
      source: 'Zendesk export',
    });
  });

  it("removing a locked month's value is refused with the engine's reason; nothing is proposed", async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reply = await chat.say('remove the October measurement of tickets per day');
    expect(reply.proposals).toEqual([]);
    expect(reply.text).toMatch(/^I couldn't propose the measurement change: .*2025-10/);
    expect(chat.store.listProposals({})).toHaveLength(0);
  });

  it('"we reached All teams onboarded in May 2026" updates the milestone; it adds no twin', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const p = chat.proposalOf(await chat.say('we reached All teams onboarded in May 2026'));
    expect(p.operations).toEqual([{ op: 'updateMilestone', scenario: 'realization', id: 'teams-onboarded', achievedMonth: '2026-05' }]);
    chat.approveAs(p.id);
    const milestones = chat.store.getCase(CASE)!.document.scenarios[1]!.milestones!;
    expect(milestones.filter((m) => m.name.toLowerCase() === 'all teams onboarded')).toEqual([
      { id: 'teams-onboarded', name: 'All Teams Onboarded', targetMonth: '2025-09', achievedMonth: '2026-05' },
    ]);
    // The same through the milestone family: "add milestone … achieved …" of an existing name.
    const again = chat.proposalOf(await chat.say('add milestone All Teams Onboarded achieved October', 't2'));
    expect(again.operations).toEqual([{ op: 'updateMilestone', scenario: 'realization', id: 'teams-onboarded', achievedMonth: '2026-10' }]);
  });

  it('a milestone name the tool does not know comes back as a question with the candidates', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reply = await chat.say('mark the go-live milestone achieved in March');
    expect(reply.proposals).toEqual([]);
    expect(reply.text).toContain("I couldn't propose the milestone: no milestone called 'go-live'");
    expect(reply.text).toContain('- All Teams Onboarded (teams-onboarded, target 2025-09, achieved 2025-10)');
  });

  it('"we have 16 reps from March 2027 on" changes the assumption from that month; "track … directly" in the plan makes a metric', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reps = chat.proposalOf(await chat.say('we have 16 reps from March 2027 on'));
    expect(reps.operations).toEqual([{ op: 'setInput', scenario: 'realization', useCase: 'support-efficiency', input: 'reps', value: 16, from: '2027-03' }]);
    // Nothing up to now moves; Mar-Jun 2027 (4 months) gain one rep each month.
    expect(reps.preview[0]!.after.realizedToDate).toBe(reps.preview[0]!.before!.realizedToDate);
    expect(reps.preview[0]!.after.total).toBeGreaterThan(reps.preview[0]!.before!.total);

    const metric = chat.proposalOf(await chat.say('track the deflection rate directly in the Rollout Plan', 't2'));
    expect(metric.operations).toEqual([
      { op: 'trackMetric', scenario: 'rollout-plan', useCase: 'self-service', calculation: 'deflection', input: 'deflection_rate' },
    ]);
    expect(chat.version()).toBe(1);
  });
});
