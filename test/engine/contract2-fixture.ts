/**
 * The Contract 2 worked example shared by the contract-2 tests: one realization scenario,
 * January to December 2026, with an assumed calculation whose headcount changes in June
 * (seed 003's "10 reps, 15 from June"), a converted calculation measured twice, and a rate
 * tracked directly that is measured from March. Every figure the tests expect is worked out
 * by hand from the literal numbers below.
 */
import type { BusinessCase, Scenario } from '../../src/engine/index.ts';
import { caseWith } from '../support/operation-helpers.ts';

/**
 * - `efficiency/gain` = reps * salary * handle_gain, annual, no metric: assumed.
 *   reps 10, then 15 from 2026-06 (a changing assumption): 10 * 60000 * 0.1 / 12 = 5000 a
 *   month Jan-May, 15 * 60000 * 0.1 / 12 = 7500 Jun-Dec.
 * - `tickets/volume` = max(0, tpd - tpd_baseline) * value_per_ticket, monthly, metric tpd:
 *   tpd 100 until its entries 2026-02: 110 and 2026-05: 120. Jan 0 (unclaimed), Feb 500
 *   (measured), Mar-Apr 500 (carried forward), May 1000 (measured), Jun-Dec 1000 (carried).
 * - `deflection/deflected` = volume * rate * cost, monthly, metric rate: rate 20% until its
 *   entry 2026-03: 10%. Jan-Feb 1000 * 0.2 * 5 = 1000 (not measured: unclaimed), Mar 500
 *   (measured), Apr-Dec 500 (carried forward).
 */
export const actual: Scenario = {
  id: 'actual',
  name: 'Actual',
  kind: 'realization',
  start: '2026-01',
  months: 12,
  basedOn: 'plan',
  investment: [
    { label: 'Licence', amount: 20000, recurrence: 'one-time' },
    { label: 'Services', amount: 1000, recurrence: 'monthly' },
  ],
  milestones: [{ id: 'onboarded', name: 'All teams onboarded', targetMonth: '2026-04' }],
  useCases: [
    {
      id: 'efficiency',
      name: 'Efficiency',
      inputs: [
        { key: 'reps', label: '# of reps', unit: 'reps', value: 10, series: { '2026-06': 15 } },
        { key: 'salary', label: 'Salary', unit: 'USD', value: 60000 },
        { key: 'handle_gain', label: 'Efficiency gain', unit: 'percent', value: 0.1 },
      ],
      calculations: [{ id: 'gain', name: 'Gain', formula: 'reps * salary * handle_gain', period: 'annual' }],
    },
    {
      id: 'tickets',
      name: 'Tickets',
      inputs: [
        {
          key: 'tpd',
          label: 'Tickets per day',
          unit: 'tickets/day',
          value: 100,
          series: { '2026-02': 110, '2026-05': { value: 120, note: 'Zendesk', source: 'export' } },
        },
        { key: 'tpd_baseline', label: 'Baseline: Tickets per day', unit: 'tickets/day', value: 100 },
        { key: 'value_per_ticket', label: 'Value per ticket', unit: 'USD', value: 50 },
      ],
      calculations: [{ id: 'volume', name: 'Volume', formula: 'max(0, tpd - tpd_baseline) * value_per_ticket', period: 'monthly', metric: 'tpd' }],
    },
    {
      id: 'deflection',
      name: 'Deflection',
      inputs: [
        { key: 'volume', label: 'Tickets a month', unit: 'tickets', value: 1000 },
        { key: 'rate', label: 'Deflection rate', unit: 'percent', value: 0.2, series: { '2026-03': 0.1 } },
        { key: 'cost', label: 'Cost per ticket', unit: 'USD', value: 5 },
      ],
      calculations: [{ id: 'deflected', name: 'Deflected', formula: 'volume * rate * cost', period: 'monthly', metric: 'rate' }],
    },
  ],
};

/** The plan: efficiency 6000 and tickets 800 a month over the same window; no deflection use case. */
export const plan: Scenario = {
  id: 'plan',
  name: 'Plan',
  kind: 'future',
  start: '2026-01',
  months: 12,
  useCases: [
    { id: 'efficiency', name: 'Efficiency', inputs: [], calculations: [{ id: 'e', name: 'E', formula: '6000', period: 'monthly' }] },
    { id: 'tickets', name: 'Tickets', inputs: [], calculations: [{ id: 't', name: 'T', formula: '800', period: 'monthly' }] },
  ],
};

/** The worked example as a document, optionally locked through a month. */
export function example(lockedThrough?: string): BusinessCase {
  return caseWith([plan, lockedThrough === undefined ? actual : { ...actual, lockedThrough }]);
}
