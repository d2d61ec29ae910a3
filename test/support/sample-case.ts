import type { BusinessCase } from '../../src/engine/index.ts';

/**
 * A small business case for store and proposal tests: a future scenario `plan` and a
 * realization scenario `actual` (2025-01, 12 months) with two independent use cases:
 * - `support`: `reps * rep_cost * gain` (annual); `gain` is time-series with 2025-01 = 0.1;
 * - `self-service`: `tickets * deflection * cost_per_ticket` (monthly); `deflection` is
 *   time-series without entries, `tickets` is a constant.
 * A change in one use case never changes the effect of a change in the other.
 */
export function sampleCase(id = 'acme-helpdesk'): BusinessCase {
  const useCases = (realization: boolean): BusinessCase['scenarios'][number]['useCases'] => [
    {
      id: 'support',
      name: 'Support Efficiency',
      inputs: [
        { key: 'reps', label: 'Reps', unit: 'reps', value: 10 },
        { key: 'rep_cost', label: 'Cost per rep', unit: 'USD', value: 60000 },
        realization
          ? { key: 'gain', label: 'Efficiency gain', unit: 'percent', value: 0.2, series: { '2025-01': 0.1 } }
          : { key: 'gain', label: 'Efficiency gain', unit: 'percent', value: 0.2 },
      ],
      calculations: [{ id: 'savings', name: 'Savings', formula: 'reps * rep_cost * gain', period: 'annual', ...(realization ? { metric: 'gain' } : {}) }],
    },
    {
      id: 'self-service',
      name: 'Self Service',
      inputs: [
        { key: 'tickets', label: 'Tickets per month', unit: 'tickets', value: 1000 },
        realization
          ? { key: 'deflection', label: 'Deflection rate', unit: 'percent', value: 0.1, series: {} }
          : { key: 'deflection', label: 'Deflection rate', unit: 'percent', value: 0.1 },
        { key: 'cost_per_ticket', label: 'Cost per ticket', unit: 'USD', value: 5 },
      ],
      calculations: [
        {
          id: 'deflected',
          name: 'Deflected tickets',
          formula: 'tickets * deflection * cost_per_ticket',
          period: 'monthly',
          ...(realization ? { metric: 'deflection' } : {}),
        },
      ],
    },
  ];
  return {
    version: 1,
    id,
    name: 'Acme Helpdesk',
    customer: 'Acme',
    currency: 'USD',
    scenarios: [
      { id: 'plan', name: 'Plan', kind: 'future', start: '2025-01', months: 12, useCases: useCases(false) },
      { id: 'actual', name: 'Actual', kind: 'realization', start: '2025-01', months: 12, basedOn: 'plan', useCases: useCases(true) },
    ],
  };
}

/** A recordMeasurement operation on the sample case's realization scenario. */
export function measure(useCase: 'support' | 'self-service', input: string, month: string, value: number, extra: Record<string, string> = {}) {
  return { op: 'recordMeasurement', scenario: 'actual', useCase, input, month, value, ...extra };
}

/** A setInput operation on the sample case's realization scenario. */
export function setInput(useCase: 'support' | 'self-service', input: string, value: number) {
  return { op: 'setInput', scenario: 'actual', useCase, input, value };
}
