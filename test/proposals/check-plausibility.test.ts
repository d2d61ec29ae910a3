/**
 * The plausibility rules of issue 11, below the doors (`checkPlausibility`), and that a
 * proposal stores their warnings for every door (`propose`, the proposal view). The sample
 * case (`test/support/sample-case.ts`, realization scenario `actual`): `gain` is a percent
 * input (value 0.2, measured 0.1 in 2025-01), `deflection` a percent input with no entry
 * (value 0.1), `tickets` counts tickets (value 1000), `rep_cost` is money (USD 60000).
 * Every expected message is written by hand from those numbers.
 */
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/engine/index.ts';
import { proposalView } from '../../src/app/proposal-view.ts';
import { checkPlausibility } from '../../src/proposals/check-plausibility.ts';
import { importCase, propose } from '../../src/proposals/index.ts';
import { measure, sampleCase, setInput } from '../support/sample-case.ts';
import { memoryStore } from '../support/test-store.ts';

const doc = sampleCase();
const check = (op: unknown) => checkPlausibility(doc, op as Operation, 0);

describe('checkPlausibility', () => {
  it('a percent input given a whole number asks "did you mean 22%?" instead of 2200%', () => {
    expect(check(measure('support', 'gain', '2025-03', 22))).toEqual([
      { kind: 'ask', index: 0, message: 'Efficiency gain in 2025-03 is a percentage: 22 would be 2200%. Did you mean 22% (0.22)?' },
    ]);
    expect(check(setInput('self-service', 'deflection', 35))).toEqual([
      { kind: 'ask', index: 0, message: 'Deflection rate is a percentage: 35 would be 3500%. Did you mean 35% (0.35)?' },
    ]);
  });

  it('a fraction for a percent input is what it says (0.3 is 30%, 3x the last measurement: no finding)', () => {
    expect(check(measure('support', 'gain', '2025-03', 0.3))).toEqual([]);
    expect(check(measure('self-service', 'deflection', '2025-02', 0.12))).toEqual([]);
  });

  it('a percent input whose values already go above 100% is not asked about', () => {
    const above = sampleCase();
    above.scenarios[1]!.useCases[0]!.inputs[2]!.series = { '2025-01': 1.2 };
    // 5 / 1.2 is about 4.2: no more than 10x either.
    expect(checkPlausibility(above, measure('support', 'gain', '2025-03', 5) as Operation)).toEqual([]);
  });

  it('a percent input that was always at most 100% given more than 1: asked, never proposed; v% suggested only when it is a fraction', () => {
    // Gain: last measurement 10% (2025-01). 1.5 would be 150%; 1.5% is 0.015, a fraction: suggested.
    expect(check(measure('support', 'gain', '2025-03', 1.5))).toEqual([
      { kind: 'ask', index: 0, message: 'Efficiency gain in 2025-03 is a percentage: 1.5 would be 150%. Did you mean 1.5% (0.015)?' },
    ]);
    // 150 would be 15000%, and 150% is no fraction either: asked which value, nothing suggested (the example is the last measurement, 10%).
    expect(check(measure('support', 'gain', '2025-03', 150))).toEqual([
      {
        kind: 'ask',
        index: 0,
        message:
          'Efficiency gain in 2025-03 is a percentage: 150 would be 15000%, and every value it has had is at most 100%. Which value did you mean? Say it with %, e.g. "10%".',
      },
    ]);
    // "1,250" for deflection (baseline 10%): neither 125000% nor 1250%.
    expect(check(setInput('self-service', 'deflection', 1250))).toEqual([
      {
        kind: 'ask',
        index: 0,
        message:
          'Deflection rate is a percentage: 1250 would be 125000%, and every value it has had is at most 100%. Which value did you mean? Say it with %, e.g. "10%".',
      },
    ]);
  });

  it('"150%" (1.5) or "2" against a last measurement of 22%: asked, naming both readings, never proposed as 150% or 200%', () => {
    const measured = sampleCase();
    const deflection = measured.scenarios
      .find((s) => s.id === 'actual')!
      .useCases.find((u) => u.id === 'self-service')!
      .inputs.find((i) => i.key === 'deflection')!;
    deflection.series = { '2025-01': 0.22 };
    expect(checkPlausibility(measured, measure('self-service', 'deflection', '2025-03', 1.5) as Operation)).toEqual([
      { kind: 'ask', index: 0, message: 'Deflection rate in 2025-03 is a percentage: 1.5 would be 150%. Did you mean 1.5% (0.015)?' },
    ]);
    // 2% would be 0.02, less than a tenth of 22%: still the question (the 10x rule flags 0.02 if "yes" proposes it), never 200%.
    expect(checkPlausibility(measured, measure('self-service', 'deflection', '2025-03', 2) as Operation)).toEqual([
      { kind: 'ask', index: 0, message: 'Deflection rate in 2025-03 is a percentage: 2 would be 200%. Did you mean 2% (0.02)?' },
    ]);
    // 22 would be 22%, the same as the last measurement: asked.
    expect(checkPlausibility(measured, measure('self-service', 'deflection', '2025-03', 22) as Operation)).toEqual([
      { kind: 'ask', index: 0, message: 'Deflection rate in 2025-03 is a percentage: 22 would be 2200%. Did you mean 22% (0.22)?' },
    ]);
  });

  it('a measurement for a month after the current month is asked about; the current month and plans are not', () => {
    // 0.12 is 1.2x the January 0.1: only the month is in question.
    expect(checkPlausibility(doc, measure('support', 'gain', '2025-04', 0.12) as Operation, 2, '2025-03')).toEqual([
      {
        kind: 'ask',
        index: 2,
        message:
          'Efficiency gain in 2025-04: 2025-04 is after the current month (2025-03), so it cannot have been measured yet. Record it once the month is over; a value expected then belongs in a future scenario.',
      },
    ]);
    expect(checkPlausibility(doc, measure('support', 'gain', '2025-03', 0.12) as Operation, 0, '2025-03')).toEqual([]);
    // Without a current month (a caller with no clock), no month is in question.
    expect(checkPlausibility(doc, measure('support', 'gain', '2025-04', 0.12) as Operation)).toEqual([]);
    // An assumption from a later month is a plan: 1,200 tickets from 2025-06 is 1.2x the baseline 1,000.
    const plan = { ...setInput('self-service', 'tickets', 1200), from: '2025-06' };
    expect(checkPlausibility(doc, plan as Operation, 0, '2025-03')).toEqual([]);
  });

  it('a negative count is flagged; negative money is not a count', () => {
    expect(check(setInput('self-service', 'tickets', -50))).toEqual([
      { kind: 'warn', index: 0, message: 'Tickets per month: -50 tickets is a negative count.' },
    ]);
    expect(check(setInput('support', 'rep_cost', -5))).toEqual([]);
  });

  it('10x away from the baseline when nothing is measured (10,000 and 99 against 1,000)', () => {
    expect(check(setInput('self-service', 'tickets', 10000))).toEqual([
      { kind: 'warn', index: 0, message: 'Tickets per month: 10,000 tickets is 10x the baseline (1,000 tickets).' },
    ]);
    expect(check(setInput('self-service', 'tickets', 99))).toEqual([
      { kind: 'warn', index: 0, message: 'Tickets per month: 99 tickets is less than a tenth of the baseline (1,000 tickets).' },
    ]);
    // 9,999 is 9.999x and 101 is 0.101x: inside the band.
    expect(check(setInput('self-service', 'tickets', 9999))).toEqual([]);
    expect(check(setInput('self-service', 'tickets', 101))).toEqual([]);
  });

  it('10x away from the last measurement before the month, not from the baseline', () => {
    // Last measurement 0.1 (10%) in 2025-01; 0.005 is 0.05x of it.
    expect(check(measure('support', 'gain', '2025-03', 0.005))).toEqual([
      { kind: 'warn', index: 0, message: 'Efficiency gain in 2025-03: 0.5% is less than a tenth of the last measurement (10% in 2025-01).' },
    ]);
  });

  it('a magnitude of 1e15 or more is asked about', () => {
    expect(check(setInput('self-service', 'tickets', 1e308))).toEqual([
      { kind: 'ask', index: 0, message: 'Tickets per month: 1e+308 is too large to be a value here; which value did you mean?' },
    ]);
  });

  it('operations that set no value, and inputs it cannot find, give nothing', () => {
    expect(check({ op: 'addMilestone', scenario: 'actual', id: 'm', name: 'M' })).toEqual([]);
    expect(check(setInput('self-service', 'nope', 5))).toEqual([]);
  });
});

describe('propose stores the warnings; the proposal view shows them', () => {
  it('a value 10x away is proposed, flagged, stored and shown; a plausible one has none', () => {
    const t = memoryStore();
    const imported = importCase(t.ctx, { document: sampleCase(), importedBy: 'admin' });
    if (!imported.ok) throw new Error(imported.error.message);
    const flagged = propose(t.ctx, { caseId: 'acme-helpdesk', operations: [setInput('self-service', 'tickets', 12000)], proposedBy: 'ana' });
    if (!flagged.ok) throw new Error(flagged.error.message);
    const message = 'Tickets per month: 12,000 tickets is 12x the baseline (1,000 tickets).';
    expect(flagged.value.warnings).toEqual([message]);
    expect(t.store.getProposal(flagged.value.id)!.warnings).toEqual([message]);
    expect(t.store.listProposals({ caseId: 'acme-helpdesk' })[0]!.warnings).toEqual([message]);
    expect(proposalView(flagged.value, t.store.getCase('acme-helpdesk')!).warnings).toEqual([message]);

    const fine = propose(t.ctx, { caseId: 'acme-helpdesk', operations: [setInput('self-service', 'tickets', 1200)], proposedBy: 'ana' });
    if (!fine.ok) throw new Error(fine.error.message);
    expect(fine.value.warnings).toEqual([]);
    expect(proposalView(fine.value, t.store.getCase('acme-helpdesk')!).warnings).toEqual([]);
  });

  it('each operation is checked against the document it applies to (the second value against the first)', () => {
    const t = memoryStore();
    importCase(t.ctx, { document: sampleCase(), importedBy: 'admin' });
    // 0.3 in March (3x the January 0.1), then 0.02 in April: a fifteenth of March's 0.3.
    const r = propose(t.ctx, {
      caseId: 'acme-helpdesk',
      operations: [measure('support', 'gain', '2025-03', 0.3), measure('support', 'gain', '2025-04', 0.02)],
      proposedBy: 'ana',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings).toEqual(['Efficiency gain in 2025-04: 2% is less than a tenth of the last measurement (30% in 2025-03).']);
  });
});
