import type { BusinessCase } from '../../src/engine/index.ts';
import { databaseBefore } from './previous-migrations.ts';

/**
 * A business case saved under the first engine contract, as its database held it: the
 * sample case (realization `actual` 2025-01..2025-12), except that self-service's
 * calculation has no `metric` and its deflection rate was made monthly with 20% from
 * 2025-03. Under the first contract any time-series input made a calculation tracked, so
 * self-service claimed nothing in Jan-Feb and 1000 x 0.2 x 5 = 1000 a month, measured, from
 * March. Under Contract 2 the deflection rate is a changing assumption: every month is
 * assumed (500 in Jan-Feb, 1000 from March).
 */
export function firstContractCase(): BusinessCase {
  const useCases = (realization: boolean) => [
    {
      id: 'support',
      name: 'Support Efficiency',
      inputs: [
        { key: 'reps', label: 'Reps', unit: 'reps', value: 10 },
        { key: 'rep_cost', label: 'Cost per rep', unit: 'USD', value: 60000 },
        { key: 'gain', label: 'Efficiency gain', unit: 'percent', value: 0.2, ...(realization ? { series: { '2025-01': 0.1 } } : {}) },
      ],
      calculations: [
        { id: 'savings', name: 'Savings', formula: 'reps * rep_cost * gain', period: 'annual' as const, ...(realization ? { metric: 'gain' } : {}) },
      ],
    },
    {
      id: 'self-service',
      name: 'Self Service',
      inputs: [
        { key: 'tickets', label: 'Tickets per month', unit: 'tickets', value: 1000 },
        { key: 'deflection', label: 'Deflection rate', unit: 'percent', value: 0.1, ...(realization ? { series: { '2025-03': 0.2 } } : {}) },
        { key: 'cost_per_ticket', label: 'Cost per ticket', unit: 'USD', value: 5 },
      ],
      calculations: [{ id: 'deflected', name: 'Deflected tickets', formula: 'tickets * deflection * cost_per_ticket', period: 'monthly' as const }],
    },
  ];
  return {
    version: 1,
    id: 'acme-helpdesk',
    name: 'Acme Helpdesk',
    customer: 'Acme',
    currency: 'USD',
    scenarios: [
      { id: 'plan', name: 'Plan', kind: 'future', start: '2025-01', months: 12, useCases: useCases(false) },
      { id: 'actual', name: 'Actual', kind: 'realization', start: '2025-01', months: 12, basedOn: 'plan', useCases: useCases(true) },
    ],
  };
}

type FirstContractFigures = {
  total: number;
  realizedToDate: number;
  measuredToDate: number;
  assumedToDate: number;
  useCases: Array<{ id: string; name: string; total: number; realizedToDate: number }>;
};

/**
 * First-contract figures of `actual` as of 2025-06, by hand. support: 50000 x gain a month
 * (gain 0.1: 5000). self-service (tracked from March): 500 in Jan-Feb, 1000 from March,
 * claiming from March.
 */
const figures = (support: [number, number], selfService: [number, number]): FirstContractFigures => ({
  total: support[0] + selfService[0],
  realizedToDate: support[1] + selfService[1],
  measuredToDate: support[1] + selfService[1],
  assumedToDate: 0,
  useCases: [
    { id: 'support', name: 'Support Efficiency', total: support[0], realizedToDate: support[1] },
    { id: 'self-service', name: 'Self Service', total: selfService[0], realizedToDate: selfService[1] },
  ],
});
// Support: 12 x 5000 = 60000, 6 x 5000 to date. Self-service: 2 x 500 + 10 x 1000 = 11000, Mar-Jun 4 x 1000 to date.
const BEFORE = figures([60000, 30000], [11000, 4000]);

/** The pending proposals the fixture holds, as the first contract previewed them. */
export const FIRST_CONTRACT_PROPOSALS = {
  /**
   * 30% deflection from May: +500 a month May-Dec (total +4000), +1000 to date, which the
   * first contract called measured; under Contract 2 it is assumed.
   */
  deflection: {
    id: 'legacy-deflection',
    operation: { op: 'recordMeasurement', scenario: 'actual', useCase: 'self-service', input: 'deflection', month: '2025-05', value: 0.3 },
    changes: ['recorded Deflection rate (deflection) in 2025-05: 30%'],
    before: BEFORE,
    after: figures([60000, 30000], [15000, 5000]),
  },
  /**
   * 30% efficiency gain from April: 15000 a month Apr-Dec instead of 5000 (total +90000),
   * +30000 to date, measured under both contracts.
   */
  gain: {
    id: 'legacy-gain',
    operation: { op: 'recordMeasurement', scenario: 'actual', useCase: 'support', input: 'gain', month: '2025-04', value: 0.3 },
    changes: ['recorded Efficiency gain (gain) in 2025-04: 30%'],
    before: BEFORE,
    after: figures([150000, 60000], [11000, 4000]),
  },
} as const;

/**
 * Creates, at `path`, a database made by the migrations before Contract 2 holding the first
 * contract's case at version 1 (imported by `admin`), its two history rows, and the two
 * pending proposals of `FIRST_CONTRACT_PROPOSALS` by `ana` (created at `createdAt`, previewed
 * as of 2025-06), each with the stored outcome of that time: no contract marker, history
 * values without an action.
 */
export function createFirstContractDatabase(path: string, createdAt: string): void {
  const sqlite = databaseBefore(path, '0002_measurement_actions');
  try {
    const doc = firstContractCase();
    sqlite.prepare('insert into workspaces values (?, ?, ?)').run('default', 'Default', createdAt);
    sqlite
      .prepare('insert into business_cases values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(doc.id, 'default', doc.name, doc.customer, JSON.stringify(doc), 1, 'admin', createdAt, createdAt);
    const history = sqlite.prepare(
      'insert into measurement_history (case_id, scenario, use_case, input, month, value, recorded_by, recorded_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    history.run(doc.id, 'actual', 'support', 'gain', '2025-01', 0.1, 'admin', createdAt, 1);
    history.run(doc.id, 'actual', 'self-service', 'deflection', '2025-03', 0.2, 'admin', createdAt, 1);
    const proposal = sqlite.prepare(
      "insert into proposals (id, case_id, operations, base_version, as_of, preview, result, status, proposed_by, channel, created_at) values (?, ?, ?, 1, '2025-06', ?, ?, 'pending', 'ana', 'slack', ?)",
    );
    for (const p of Object.values(FIRST_CONTRACT_PROPOSALS)) {
      const o = p.operation;
      const document = structuredClone(doc);
      const series = document.scenarios[1]!.useCases.find((u) => u.id === o.useCase)!.inputs.find((i) => i.key === o.input)!.series!;
      Object.assign(series, { [o.month]: o.value });
      const preview = [{ op: o.op, scenario: 'actual', asOf: '2025-06', changes: p.changes, before: p.before, after: p.after }];
      const measurements = [
        {
          scenario: 'actual',
          useCase: o.useCase,
          input: o.input,
          month: o.month,
          value: o.value,
          note: null,
          evidence: null,
          source: null,
          replacedValue: null,
        },
      ];
      proposal.run(p.id, doc.id, JSON.stringify([o]), JSON.stringify(preview), JSON.stringify({ document, measurements }), createdAt);
    }
  } finally {
    sqlite.close();
  }
}
