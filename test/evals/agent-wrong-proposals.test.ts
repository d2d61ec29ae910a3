/**
 * The agent-flow suite fails `npm run evals` on a wrong proposal (issue 11): an operation that
 * matches no operation its turn expects. A missing or imprecise proposal only fails the case.
 */
import { describe, expect, it } from 'vitest';
import type { AgentCase } from '../../evals/agent/agent-case.ts';
import { createAgentSuite } from '../../evals/agent/agent-suite.ts';
import type { AgentCaseObservation } from '../../evals/agent/run-agent-case.ts';
import { wrongProposals } from '../../evals/agent/wrong-proposals.ts';

const may = { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-05', value: 160 };
const caseWith = (operations: unknown[][]) => ({ turns: operations.map((ops) => ({ user: 'x', expect: { operations: ops } })) }) as unknown as AgentCase;
const observed = (operations: unknown[][]) =>
  ({ turns: operations.map((ops) => ({ proposals: ops.length ? [{ id: 'p', operations: ops, status: 'pending' }] : [] })) }) as unknown as AgentCaseObservation;

describe('wrongProposals', () => {
  it('an expected operation (matched as a subset) is not wrong; another month, value or input is', () => {
    expect(wrongProposals(caseWith([[may]]), observed([[{ ...may, note: 'extra' }]]))).toEqual([]);
    expect(wrongProposals(caseWith([[may]]), observed([[{ ...may, value: 16 }]]))).toEqual([
      { field: 'wrong proposal', expected: 'turn 1: one of the expected operations', actual: { ...may, value: 16 } },
    ]);
    expect(wrongProposals(caseWith([[]]), observed([[may]]))[0]!.expected).toBe('turn 1: no proposal');
  });

  it('a missing proposal is no wrong proposal', () => {
    expect(wrongProposals(caseWith([[may]]), observed([[]]))).toEqual([]);
  });
});

describe('the agent-flow suite concludes', () => {
  it('with a problem for each case that made a wrong proposal, none otherwise', () => {
    const suite = createAgentSuite();
    const result = (id: string, wrong: boolean) => ({
      evalCase: { id } as never,
      result: { pass: !wrong, failures: wrong ? [{ field: 'wrong proposal', expected: 'x', actual: may }] : [] },
    });
    expect(suite.conclude!([result('a', false)], { flags: {} }).problems).toEqual([]);
    expect(suite.conclude!([result('a', false), result('b', true)], { flags: {} }).problems).toEqual([
      'b made a wrong proposal (an operation its turn does not expect): fix it',
    ]);
  });
});
