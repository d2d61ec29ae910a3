/**
 * "log that as a milestone" for a milestone the case already has (issue 11): the milestone
 * tool asks, naming the existing one(s), and the person's answer completes the call with the
 * picked milestone's id, so the existing milestone is changed and no twin is added. A name
 * that fits none is still added. The demo's realization scenario, by hand from
 * examples/delta-corp.json: teams-onboarded "All Teams Onboarded", macros-live "Automation
 * Macros Live" (target 2026-01, achieved 2026-03), portal-relaunch "Self-Service Portal
 * Relaunch" (target 2026-12). Clock: December 2026.
 */
import { describe, expect, it } from 'vitest';
import { offlineChat } from './offline-model-support.ts';

const NOW = '2026-12-02T10:00:00.000Z';
const MACROS = 'the existing milestone Automation Macros Live (macros-live, target 2026-01, achieved 2026-03)';
const PORTAL = 'the existing milestone Self-Service Portal Relaunch (portal-relaunch, target 2026-12)';

/** A reply that proposed nothing (a question back): its text. */
function question(reply: { proposals: unknown[]; text: string }) {
  expect(reply.proposals, reply.text).toEqual([]);
  return reply.text;
}

describe('offline model: a milestone logged under a name an existing one fits', () => {
  it('"macros went live jan 2026, log that as a milestone" asks about Automation Macros Live; "the existing one" changes it', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const asked = question(await chat.say('macros went live jan 2026, log that as a milestone'));
    expect(asked).toContain("'Macros live' looks like the existing milestone 'Automation Macros Live' (macros-live, target 2026-01, achieved 2026-03)");
    expect(asked).toContain(MACROS);
    expect(chat.store.listProposals({ caseId: 'delta-corp-support-automation' })).toEqual([]);
    const answered = await chat.say('the existing one');
    // Its achieved month from 2026-03 to January 2026 as said; no addMilestone.
    expect(chat.proposalOf(answered).operations).toEqual([{ op: 'updateMilestone', scenario: 'realization', id: 'macros-live', achievedMonth: '2026-01' }]);
  });

  it.each(['automation macros live', 'the first one'])('the answer "%s" picks Automation Macros Live too', async (answer) => {
    const chat = offlineChat('delta-corp.json', NOW);
    question(await chat.say('macros went live jan 2026, log that as a milestone'));
    const answered = await chat.say(answer);
    expect(chat.proposalOf(answered).operations).toEqual([{ op: 'updateMilestone', scenario: 'realization', id: 'macros-live', achievedMonth: '2026-01' }]);
  });

  it('"the portal relaunch went live in Nov 2026, log that as a milestone pls" asks (both milestones with "live" or "portal relaunch" fit); "the portal one" marks the relaunch achieved', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const asked = question(await chat.say('the portal relaunch went live in Nov 2026, log that as a milestone pls'));
    expect(asked).toContain("'Portal relaunch live' looks like existing milestones");
    expect(asked).toContain(MACROS);
    expect(asked).toContain(PORTAL);
    const answered = await chat.say('the portal one');
    expect(chat.proposalOf(answered).operations).toEqual([{ op: 'updateMilestone', scenario: 'realization', id: 'portal-relaunch', achievedMonth: '2026-11' }]);
  });

  it('"the existing one" does not pick between two: nothing is proposed', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    question(await chat.say('the portal relaunch went live in Nov 2026, log that as a milestone pls'));
    question(await chat.say('the existing one'));
    expect(chat.store.listProposals({ caseId: 'delta-corp-support-automation' })).toEqual([]);
  });

  it('a new name is still added, with the month said after "log it as a milestone"', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const r = await chat.say('billing integration live, log it as a milestone, achieved nov 2026');
    expect(chat.proposalOf(r).operations).toEqual([
      { op: 'addMilestone', scenario: 'realization', id: 'billing-integration-live', name: 'Billing integration live', achievedMonth: '2026-11' },
    ]);
  });
});
