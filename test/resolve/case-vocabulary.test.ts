/**
 * caseVocabulary / findEntities (issue 11: "entities are found against the business case's own
 * vocabulary"). Every expected span below is written by hand from examples/delta-corp.json:
 * its use cases, calculations, inputs (labels, keys, units), milestones and recorded values
 * (tickets_per_day 2025-08 88, 2025-10 115, 2026-03 158; deflection_rate 2025-09 0.12,
 * 2026-01 0.18, 2026-07 0.22; reps 2026-06 15, all in the realization scenario).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/engine/index.ts';
import { bestOfKind, caseVocabulary, type EntitySpan, findEntities } from '../../src/resolve/case-vocabulary.ts';

const doc = parseDocument(JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8')));
if (!doc.ok) throw new Error(doc.error.message);
const vocabulary = caseVocabulary(doc.value);

/** A span as "text: kind:id kind:id" (its best tier), to compare with expectations written by hand. */
const show = (s: EntitySpan): string => {
  const top = s.candidates.some((c) => c.verbatim) ? 'verbatim' : s.candidates.some((c) => c.exact) ? 'exact' : 'any';
  const best = s.candidates.filter((c) => (top === 'verbatim' ? c.verbatim : top === 'exact' ? c.exact : true));
  return `${s.text}: ${best.map((c) => `${c.target.kind}:${c.target.id}${c.target.month ? `@${c.target.month}` : ''}`).join(' ')}`;
};
const spans = (text: string): string[] => findEntities(text, vocabulary).map(show);

describe('caseVocabulary', () => {
  it('holds the names, labels, ids, keys and units of the case, one target per thing across scenarios', () => {
    const targets = new Set(vocabulary.terms.map((t) => t.target));
    const ids = (kind: string) => [...targets].filter((t) => t.kind === kind).map((t) => t.id);
    expect(ids('case')).toEqual(['delta-corp-support-automation']);
    expect(ids('scenario')).toEqual(['rollout-plan', 'realization']);
    expect(ids('use-case')).toEqual(['support-efficiency', 'self-service', 'legacy-tools']);
    expect(ids('calculation')).toEqual(['efficiency', 'handle-time', 'deflection', 'licences']);
    expect(ids('milestone')).toEqual(['teams-onboarded', 'macros-live', 'portal-relaunch']);
    // rollout plan: 7 + 3 + 1 inputs; the realization scenario adds tickets_per_day, efficiency_gain_target, deflection_rate_target.
    expect(ids('input')).toHaveLength(14);
    expect(ids('unit').sort()).toEqual(['USD', 'days', 'minutes', 'percent', 'reps', 'tickets', 'tickets/day'].sort());
    // # of Reps is in both scenarios: one target, both scenarios.
    const reps = [...targets].find((t) => t.kind === 'input' && t.id === 'reps')!;
    expect(reps.scenarios).toEqual(['rollout-plan', 'realization']);
    expect(reps.useCase).toBe('support-efficiency');
  });

  it('holds every recorded value with its input and month (7 in the demo)', () => {
    const recorded = vocabulary.measurements.map((m) => `${m.id}@${m.month}=${m.value}`).sort();
    expect(recorded).toEqual(
      [
        'reps@2026-06=15',
        'tickets_per_day@2025-08=88',
        'tickets_per_day@2025-10=115',
        'tickets_per_day@2026-03=158',
        'deflection_rate@2025-09=0.12',
        'deflection_rate@2026-01=0.18',
        'deflection_rate@2026-07=0.22',
      ].sort(),
    );
  });

  it("reads showBusinessCase's view of a case too: each input's latest value is a recorded value", () => {
    const view = caseVocabulary({
      id: 'acme',
      name: 'Acme',
      customer: 'Acme Inc',
      scenarios: [
        {
          id: 'realization',
          name: 'Value Realization',
          milestones: [],
          useCases: [
            {
              id: 'uc',
              name: 'Faster Onboarding',
              calculations: [{ id: 'c', name: 'Onboarding Savings' }],
              inputs: [{ key: 'days_to_onboard', label: 'Days to Onboard', unit: 'days', latest: { month: '2026-04', value: 12 } }],
            },
          ],
        },
      ],
    });
    expect(view.measurements.map((m) => `${m.id}@${m.month}=${m.value}`)).toEqual(['days_to_onboard@2026-04=12']);
    expect(findEntities('the 12 should be 11', view).map(show)).toEqual(['12: measurement:days_to_onboard@2026-04']);
  });

  it("reads every month of showBusinessCase's `measured`, not only the latest", () => {
    const view = caseVocabulary({
      id: 'acme',
      name: 'Acme',
      customer: 'Acme Inc',
      scenarios: [
        {
          id: 'realization',
          name: 'Value Realization',
          useCases: [
            {
              id: 'uc',
              name: 'Faster Onboarding',
              calculations: [],
              inputs: [
                {
                  key: 'days_to_onboard',
                  label: 'Days to Onboard',
                  unit: 'days',
                  latest: { month: '2026-04', value: 12 },
                  measured: [
                    { month: '2026-02', value: 20 },
                    { month: '2026-04', value: 12 },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(view.measurements.map((m) => `${m.id}@${m.month}=${m.value}`)).toEqual(['days_to_onboard@2026-02=20', 'days_to_onboard@2026-04=12']);
    expect(findEntities('the 20 should be 19', view).map(show)).toEqual(['20: measurement:days_to_onboard@2026-02']);
  });
});

describe('findEntities', () => {
  it('finds a value named by its value: the recorded 158 is March 2026 tickets per day, the 22% July 2026 deflection', () => {
    expect(spans('the 158 should be 185, typo')).toEqual(['158: measurement:tickets_per_day@2026-03']);
    // 22% is 0.22, the recorded deflection; 23% is recorded nowhere.
    expect(spans('change the 22% to 23%')).toEqual(['22%: measurement:deflection_rate@2026-07']);
    // 22 without % is not 0.22.
    expect(spans('change the 22 to 23')).toEqual([]);
  });

  it('takes the longest name first: the baseline label beats its words', () => {
    expect(spans('avg. tickets per day (baseline) is 100')).toEqual(['avg. tickets per day (baseline: input:avg_tickets_per_day']);
    // "Avg. Tickets per Day" is the tracked input's label as written; the baseline's key avg_tickets_per_day
    // has the same words, so "avg tickets per day" fits both exactly and is ambiguous.
    expect(spans('Avg. Tickets per Day 160')).toEqual(['Avg. Tickets per Day: input:tickets_per_day']);
    const loose = findEntities('avg tickets per day 160', vocabulary)[0]!;
    expect(show(loose)).toBe('avg tickets per day: input:avg_tickets_per_day input:tickets_per_day');
    expect(loose.ambiguous).toBe(true);
  });

  it('expands the abbreviations: tix/day is tickets per day (the key tickets_per_day), # of reps is reps', () => {
    const [tix] = findEntities('record 150 tix/day for nov', vocabulary);
    expect(show(tix!)).toBe('tix/day: input:tickets_per_day unit:tickets/day');
    // The unit does not make the input ambiguous.
    expect(tix!.ambiguous).toBe(false);
    expect(spans('# of reps 17 from june')).toEqual(['# of reps: input:reps']);
  });

  it("names a use case by its id's words, or some of its name's words in order", () => {
    const [span] = findEntities('split the support efficiency calculation', vocabulary);
    // "support efficiency" is the use case's id, exactly.
    expect(show(span!)).toBe('support efficiency: use-case:support-efficiency');
    // Some of the words of "Increase Support Team Efficiency", in order; no calculation or input has both.
    const partial = findEntities('split the team efficiency calc', vocabulary);
    expect(partial.map(show)).toEqual(['team efficiency: use-case:support-efficiency']);
    // Generic words alone ("support team") name nothing.
    expect(spans('split the support team calc')).toEqual([]);
  });

  it('keeps every candidate of an ambiguous word: "tickets" fits many inputs (and is a unit)', () => {
    const [span] = findEntities('tickets 160 in december', vocabulary);
    expect(span!.text).toBe('tickets');
    expect(span!.ambiguous).toBe(true);
    // Inputs with "ticket" in their label or key, in the document's order:
    // Avg. Tickets per Day (baseline), Handle Time Saved per Ticket, Tickets per Month, Ticket Deflection Rate,
    // Cost per Ticket, Avg. Tickets per Day, Target: Ticket Deflection Rate.
    expect(bestOfKind(span!, 'input').map((t) => t.id)).toEqual([
      'avg_tickets_per_day',
      'minutes_saved_per_ticket',
      'monthly_tickets',
      'deflection_rate',
      'cost_per_ticket',
      'tickets_per_day',
      'deflection_rate_target',
    ]);
    // The unit "tickets" is the one exact match, of kind 'unit'.
    expect(bestOfKind(span!, 'unit').map((t) => t.id)).toEqual(['tickets']);
  });

  it('never runs a name across a join: two metrics of a split are two spans', () => {
    expect(findEntities('split ticket handling into handle time and # of reps', vocabulary).map((s) => s.text)).toEqual([
      'ticket handling',
      'handle time',
      '# of reps',
    ]);
    // "handle time" is the calculation's id (handle-time) exactly, and in part the input Handle Time Saved per Ticket.
    const handle = findEntities('handle time', vocabulary)[0]!;
    expect(bestOfKind(handle, 'calculation').map((t) => t.id)).toEqual(['handle-time']);
    expect(bestOfKind(handle, 'input').map((t) => t.id)).toEqual(['minutes_saved_per_ticket']);
  });

  it('finds the case, scenarios and milestones by name', () => {
    expect(spans('delta roi as of end of Q1')).toEqual(['delta: case:delta-corp-support-automation']);
    expect(spans('summary of the rollout plan')).toEqual(['rollout plan: scenario:rollout-plan']);
    expect(spans('all teams onboarded in oct 2025')).toEqual(['all teams onboarded: milestone:teams-onboarded']);
  });

  it('does not take a generic word alone for a name', () => {
    // "cost", "per", "day", "rate" are in many labels; alone they name nothing.
    expect(spans('what does it cost per day at that rate')).toEqual([]);
  });
});
