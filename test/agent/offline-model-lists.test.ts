/**
 * Several things of one kind in one message, end to end through the real tools and the demo on
 * `:memory:` (examples/delta-corp.json, clock December 2026): milestones joined by `+`, `;`, a
 * new line or `and`. Each item needs everything a single one needs, or nothing is proposed and
 * the model asks.
 *
 * The demo's realization scenario has the milestones All Teams Onboarded, Automation Macros
 * Live and Self-Service Portal Relaunch; none is called "SSO Rollout" or "Training Complete".
 * A dated month before December 2026 is when a milestone was achieved, a later one its target.
 */
import { describe, expect, it } from 'vitest';
import { offlineChat } from './offline-model-support.ts';

const NOW = '2026-12-02T10:00:00.000Z';

/** Every operation the reply's proposals hold, in order. */
function operationsOf(chat: ReturnType<typeof offlineChat>, reply: { proposals: Array<{ proposalId: string }> }): unknown[] {
  return reply.proposals.flatMap((p) => chat.store.getProposal(p.proposalId)!.operations);
}

describe('several milestones in one message', () => {
  // aug 2025 and sep 2025 are before December 2026: both achieved.
  const bothAchieved = [
    { op: 'addMilestone', scenario: 'realization', id: 'sso-rollout', name: 'sso rollout', achievedMonth: '2025-08' },
    { op: 'addMilestone', scenario: 'realization', id: 'training-complete', name: 'training complete', achievedMonth: '2025-09' },
  ];

  it('"… done aug 2025 + training complete sep 2025": two milestones, each with its own month', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reply = await chat.say('log milestone sso rollout done aug 2025 + training complete sep 2025');
    expect(reply.proposals).toHaveLength(2);
    expect(operationsOf(chat, reply)).toEqual(bothAchieved);
  });

  it('joined by "and", ";" or a new line: the same two milestones', async () => {
    for (const said of [
      'log milestone sso rollout done aug 2025 and training complete sep 2025',
      'log milestones: sso rollout done aug 2025; training complete sep 2025',
      'log milestones\nsso rollout done aug 2025\ntraining complete sep 2025',
    ]) {
      const chat = offlineChat('delta-corp.json', NOW);
      expect(operationsOf(chat, await chat.say(said)), said).toEqual(bothAchieved);
    }
  });

  it('a target month after December 2026 is the target of its own milestone only', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reply = await chat.say('add milestones: sso rollout done aug 2025; training complete target mar 2027');
    expect(operationsOf(chat, reply)).toEqual([
      { op: 'addMilestone', scenario: 'realization', id: 'sso-rollout', name: 'sso rollout', achievedMonth: '2025-08' },
      { op: 'addMilestone', scenario: 'realization', id: 'training-complete', name: 'training complete', targetMonth: '2027-03' },
    ]);
  });

  it('a "+" inside a name before its month is one milestone ("SSO + MFA rollout")', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    expect(operationsOf(chat, await chat.say('add milestone SSO + MFA rollout done aug 2025'))).toEqual([
      { op: 'addMilestone', scenario: 'realization', id: 'sso-mfa-rollout', name: 'SSO + MFA rollout', achievedMonth: '2025-08' },
    ]);
  });

  it('"and" inside a name ("Billing and Payments Live") is one milestone when only the end has a month', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    // March 2027 is after December 2026: a target.
    expect(operationsOf(chat, await chat.say('add milestone Billing and Payments Live target mar 2027'))).toEqual([
      { op: 'addMilestone', scenario: 'realization', id: 'billing-and-payments-live', name: 'Billing and Payments Live', targetMonth: '2027-03' },
    ]);
  });

  it('a clause of its own after "and" is no second milestone ("… achieved oct 2025 and note it in the QBR for jan 2027")', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    // The name ends at "achieved"; what follows the month is left as it was before lists were read.
    expect(operationsOf(chat, await chat.say('add milestone SSO Rollout achieved oct 2025 and note it in the QBR for jan 2027'))).toEqual([
      { op: 'addMilestone', scenario: 'realization', id: 'sso-rollout', name: 'SSO Rollout', achievedMonth: '2025-10' },
    ]);
  });

  it('a second month without a name: nothing proposed, it asks what the second milestone is called', async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reply = await chat.say('log milestone sso rollout done aug 2025 + sep 2025');
    expect(reply.proposals).toEqual([]);
    expect(reply.text).toMatch(/second milestone called\?/);
  });

  it("a second name without a month: nothing proposed, it asks for its month (never the first one's)", async () => {
    const chat = offlineChat('delta-corp.json', NOW);
    const reply = await chat.say('log milestone sso rollout done aug 2025 + training complete');
    expect(reply.proposals).toEqual([]);
    expect(reply.text).toMatch(/In which month .*training complete/);
  });
});
