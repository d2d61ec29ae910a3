/**
 * Milestone names that share a word's stem are ambiguous (issue 11: "it never guesses when
 * two readings are possible"): "onboarding" fits "All Entities Onboarded" and "Vendor
 * Onboarding Complete", so the tool asks with both; an exact name or id still resolves.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/index.ts';
import { resolveMilestone } from '../../src/resolve/resolve-milestone.ts';

const scenario = {
  id: 'year-1',
  name: 'Year 1 Actuals',
  kind: 'realization',
  start: '2026-02',
  months: 12,
  useCases: [],
  milestones: [
    { id: 'erp-live', name: 'ERP Integration Live', achievedMonth: '2026-03' },
    { id: 'entities-onboarded', name: 'All Entities Onboarded', targetMonth: '2026-06' },
    { id: 'vendor-onboarding', name: 'Vendor Onboarding Complete', targetMonth: '2026-07' },
  ],
} as Scenario;

const resolved = (name: string) => {
  const r = resolveMilestone(scenario, name);
  return r.ok ? r.value.id : { error: r.error.message, candidates: r.error.candidates };
};

describe('resolveMilestone and word stems', () => {
  it('a word two names share in another form is ambiguous: the candidates are both', () => {
    expect(resolved('onboarding')).toEqual({
      error: "'onboarding' could be several milestones",
      candidates: ['All Entities Onboarded (entities-onboarded, target 2026-06)', 'Vendor Onboarding Complete (vendor-onboarding, target 2026-07)'],
    });
    expect(resolved('the onboarded milestone')).toMatchObject({ error: "'the onboarded milestone' could be several milestones" });
  });

  it('words only one name has, an exact name and an id resolve', () => {
    expect(resolved('vendor onboarding')).toBe('vendor-onboarding');
    expect(resolved('entities onboarded')).toBe('entities-onboarded');
    expect(resolved('All Entities Onboarded')).toBe('entities-onboarded');
    expect(resolved('vendor-onboarding')).toBe('vendor-onboarding');
    expect(resolved('erp')).toBe('erp-live');
  });
});
