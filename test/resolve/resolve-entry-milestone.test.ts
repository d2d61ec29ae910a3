import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/index.ts';
import { resolveInput } from '../../src/resolve/resolve-in-document.ts';
import { resolveEntry } from '../../src/resolve/resolve-entry.ts';
import { resolveMilestone, sameNamedMilestone } from '../../src/resolve/resolve-milestone.ts';

/** A realization scenario, Jul 2025 - Jun 2027, with two series inputs and a constant. */
const scenario: Scenario = {
  id: 'actuals',
  name: 'Actuals',
  kind: 'realization',
  start: '2025-07',
  months: 24,
  milestones: [
    { id: 'go-live', name: 'Go-Live' },
    { id: 'go-live-emea', name: 'Go-Live EMEA' },
    { id: 'teams-onboarded', name: 'All Teams Onboarded', achievedMonth: '2025-10' },
  ],
  useCases: [
    {
      id: 'support',
      name: 'Support',
      inputs: [
        { key: 'tickets_per_day', label: 'Avg. Tickets per Day', unit: 'tickets/day', value: 100, series: { '2025-10': 115, '2026-03': 158 } },
        { key: 'cost_per_ticket', label: 'Cost per Ticket', unit: 'USD', value: 12 },
        { key: 'deflection_rate', label: 'Deflection Rate', unit: 'percent', value: 0.2, series: { '2026-03': 0.18 } },
      ],
      calculations: [{ id: 'c', name: 'C', formula: 'tickets_per_day * cost_per_ticket * deflection_rate', period: 'monthly', metric: 'tickets_per_day' }],
    },
  ],
};

describe('resolveInput: exact before fuzzy', () => {
  it('an input named exactly wins over a similar tracked one', () => {
    // "Cost per Ticket" shares "per" and "ticket" with the tracked "Avg. Tickets per Day".
    const r = resolveInput(scenario, 'Cost per Ticket', { timeSeriesFirst: true });
    expect(r.ok && r.value.input.key).toBe('cost_per_ticket');
    const tracked = resolveInput(scenario, 'tickets', { timeSeriesFirst: true });
    expect(tracked.ok && tracked.value.input.key).toBe('tickets_per_day');
  });
});

describe('resolveEntry: the recorded value a person means', () => {
  it('a bare month is the latest such month; when that one has no entry, the reading that has one', () => {
    // "October" said in November 2026 reads as 2026-10 first; only 2025-10 has an entry.
    expect(resolveEntry(scenario, 'tickets per day', 'October', '2026-11')).toMatchObject({
      ok: true,
      value: { month: '2025-10', input: { key: 'tickets_per_day' } },
    });
    expect(resolveEntry(scenario, 'tickets per day', 'March', '2026-11')).toMatchObject({ ok: true, value: { month: '2026-03' } });
  });

  it('without an input: the only input with an entry that month, else the candidates', () => {
    expect(resolveEntry(scenario, undefined, 'Oct 2025', '2026-11')).toMatchObject({
      ok: true,
      value: { month: '2025-10', useCase: { id: 'support' }, input: { key: 'tickets_per_day' } },
    });
    expect(resolveEntry(scenario, undefined, '2026-03', '2026-11')).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'several inputs have a measurement in 2026-03; which one?',
        candidates: ['Avg. Tickets per Day (tickets_per_day) in 2026-03: 158', 'Deflection Rate (deflection_rate) in 2026-03: 0.18'],
      },
    });
  });

  it('no entry in any reading, a constant input, a month it cannot read: errors', () => {
    expect(resolveEntry(scenario, 'deflection rate', 'May', '2026-11')).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'there is no measurement of Deflection Rate in 2026-05',
        candidates: ['Deflection Rate (deflection_rate) in 2026-03: 0.18'],
      },
    });
    expect(resolveEntry(scenario, 'cost per ticket', 'March', '2026-11')).toEqual({
      ok: false,
      error: { code: 'not_found', message: "'Cost per Ticket' has no monthly values: it is a constant assumption, not a measurement" },
    });
    expect(resolveEntry(scenario, 'tickets per day', 'soon', '2026-11').ok).toBe(false);
  });
});

describe('milestones by name', () => {
  it('exact name or id before fuzzy; ambiguous and unknown names give the candidates', () => {
    expect(resolveMilestone(scenario, 'go-live')).toMatchObject({ ok: true, value: { id: 'go-live' } });
    expect(resolveMilestone(scenario, 'the Go-Live milestone')).toMatchObject({ ok: true, value: { id: 'go-live' } });
    expect(resolveMilestone(scenario, 'teams onboarded')).toMatchObject({ ok: true, value: { id: 'teams-onboarded' } });
    expect(resolveMilestone(scenario, 'go live emea')).toMatchObject({ ok: true, value: { id: 'go-live-emea' } });
    expect(resolveMilestone(scenario, 'portal')).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: "no milestone called 'portal' in scenario 'Actuals'",
        candidates: ['Go-Live (go-live)', 'Go-Live EMEA (go-live-emea)', 'All Teams Onboarded (teams-onboarded, achieved 2025-10)'],
      },
    });
    const twoEmea = {
      ...scenario,
      milestones: [
        { id: 'a', name: 'Launch EMEA' },
        { id: 'b', name: 'Launch US' },
      ],
    };
    expect(resolveMilestone(twoEmea, 'launch')).toEqual({
      ok: false,
      error: { code: 'not_found', message: "'launch' could be several milestones", candidates: ['Launch EMEA (a)', 'Launch US (b)'] },
    });
    expect(resolveMilestone({ ...scenario, milestones: [] }, 'x')).toEqual({
      ok: false,
      error: { code: 'not_found', message: "scenario 'Actuals' has no milestones yet" },
    });
  });

  it('the same name, as the engine compares it or punctuation aside, is the existing milestone; a similar one is not', () => {
    expect(sameNamedMilestone(scenario, ' all teams onboarded')?.id).toBe('teams-onboarded');
    expect(sameNamedMilestone(scenario, 'All-Teams Onboarded')?.id).toBe('teams-onboarded');
    expect(sameNamedMilestone(scenario, 'Teams Onboarded')).toBeUndefined();
    expect(sameNamedMilestone(scenario, 'Go Live')?.id).toBe('go-live');
  });
});
