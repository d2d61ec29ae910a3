/**
 * A new milestone's name that fits an existing one (issue 11, "ambiguous means ask"): the
 * milestone tool proposes nothing and asks, naming the existing milestone(s) as candidates,
 * for any model. The demo's realization scenario has, by hand from examples/delta-corp.json:
 * teams-onboarded "All Teams Onboarded" (target 2025-09, achieved 2025-10), macros-live
 * "Automation Macros Live" (target 2026-01, achieved 2026-03), portal-relaunch "Self-Service
 * Portal Relaunch" (target 2026-12). A name asks only when each of its words is a word of the
 * milestones it fits (it has no word of its own). Expected messages and candidates by hand.
 */
import { describe, expect, it } from 'vitest';
import { toolHarness } from './tool-harness.ts';

const CASE = 'delta-corp-support-automation';
const MACROS = 'Automation Macros Live (macros-live, target 2026-01, achieved 2026-03)';
const PORTAL = 'Self-Service Portal Relaunch (portal-relaunch, target 2026-12)';

describe('proposeMilestone: a new name that fits an existing milestone', () => {
  it('"Macros live" asks, naming Automation Macros Live, and proposes nothing', async () => {
    const h = toolHarness({ month: '2026-12' });
    const r = await h.call('proposeMilestone', { name: 'Macros live', achievedMonth: '2026-01' });
    expect(r).toEqual({
      error:
        "'Macros live' looks like the existing milestone 'Automation Macros Live' (macros-live, target 2026-01, achieved 2026-03): " +
        'to mark or move it, name it; to add a new one, give it a name of its own',
      candidates: [`the existing milestone ${MACROS}`],
    });
    expect(h.store.listProposals({ caseId: CASE })).toEqual([]);
  });

  it('a name several milestones fit names each of them (the resolver: "live" is a word of Automation Macros Live too)', async () => {
    const h = toolHarness({ month: '2026-12' });
    const r = await h.call('proposeMilestone', { name: 'The portal relaunch live', achievedMonth: '2026-11' });
    expect(r.candidates).toEqual([`the existing milestone ${MACROS}`, `the existing milestone ${PORTAL}`]);
    expect(r.error).toMatch(/^'The portal relaunch live' looks like existing milestones: 'Automation Macros Live' \(macros-live, /);
    expect(h.store.listProposals({ caseId: CASE })).toEqual([]);
  });

  it('the picked candidate, by id as `name`, is that milestone: an update, never a twin', async () => {
    const h = toolHarness({ month: '2026-12' });
    const r = await h.call('proposeMilestone', { name: 'macros-live', achievedMonth: '2026-01' });
    expect(r.status).toBe('pending');
    expect(h.store.getProposal(r.proposalId)!.operations).toEqual([
      { op: 'updateMilestone', scenario: 'realization', id: 'macros-live', achievedMonth: '2026-01' },
    ]);
  });

  it('an exact existing name is an update as before, or a refusal when it already says that', async () => {
    const h = toolHarness({ month: '2026-12' });
    const moved = await h.call('proposeMilestone', { name: 'self-service portal relaunch', achievedMonth: '2026-11' });
    expect(h.store.getProposal(moved.proposalId)!.operations).toEqual([
      { op: 'updateMilestone', scenario: 'realization', id: 'portal-relaunch', achievedMonth: '2026-11' },
    ]);
    const same = await h.call('proposeMilestone', { name: 'All Teams Onboarded', achievedMonth: '2025-10' });
    expect(same).toEqual({
      error: 'milestone All Teams Onboarded (teams-onboarded, target 2025-09, achieved 2025-10) already says that; what should change?',
    });
  });

  it('a name that fits none is added as before', async () => {
    const h = toolHarness({ month: '2026-12' });
    const r = await h.call('proposeMilestone', { name: 'Billing integration live', achievedMonth: '2026-11' });
    expect(r.status).toBe('pending');
    expect(h.store.getProposal(r.proposalId)!.operations).toEqual([
      { op: 'addMilestone', scenario: 'realization', id: 'billing-integration-live', name: 'Billing integration live', achievedMonth: '2026-11' },
    ]);
  });

  it('a name with a word of its own is a new milestone, even when it fits one ("Portal Relaunch Phase 2": "phase", "2")', async () => {
    const h = toolHarness({ month: '2026-12' });
    const r = await h.call('proposeMilestone', { name: 'Portal Relaunch Phase 2', targetMonth: '2027-06' });
    expect(h.store.getProposal(r.proposalId)!.operations).toEqual([
      { op: 'addMilestone', scenario: 'realization', id: 'portal-relaunch-phase-2', name: 'Portal Relaunch Phase 2', targetMonth: '2027-06' },
    ]);
  });

  it('a milestone named with `milestone` is still resolved fuzzily (a change, not an add)', async () => {
    const h = toolHarness({ month: '2026-12' });
    const r = await h.call('proposeMilestone', { milestone: 'portal relaunch', achievedMonth: '2026-11' });
    expect(h.store.getProposal(r.proposalId)!.operations).toEqual([
      { op: 'updateMilestone', scenario: 'realization', id: 'portal-relaunch', achievedMonth: '2026-11' },
    ]);
  });
});
