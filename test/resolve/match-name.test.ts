import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { matchName, words } from '../../src/resolve/match-name.ts';
import { resolveCalculation, resolveInput, resolveScenario } from '../../src/resolve/resolve-in-document.ts';
import { parseDocument, type BusinessCase } from '../../src/engine/index.ts';

const demo = (): BusinessCase => {
  const r = parseDocument(JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('words', () => {
  it('drops filler and punctuation, expands abbreviations', () => {
    expect(words('the Avg. Tickets per Day')).toEqual(['average', 'ticket', 'per', 'day']);
    expect(words('# of Reps')).toEqual(['number', 'rep']);
  });
});

describe('matchName', () => {
  const items = ['Rep Efficiency Gain', 'Faster Ticket Handling', 'Deflected Ticket Savings'];
  it('finds by a word of the name', () => {
    expect(matchName(items, 'the efficiency calculation', (x) => [x])).toEqual({ kind: 'match', item: 'Rep Efficiency Gain' });
  });
  it('returns the candidates when two names fit as well', () => {
    expect(matchName(items, 'ticket', (x) => [x])).toEqual({ kind: 'ambiguous', candidates: ['Faster Ticket Handling', 'Deflected Ticket Savings'] });
  });
  it('finds nothing for an unrelated name', () => {
    expect(matchName(items, 'churn', (x) => [x])).toEqual({ kind: 'none' });
  });
});

describe('resolving names in the demo document', () => {
  const doc = demo();
  const realization = doc.scenarios.find((s) => s.kind === 'realization')!;

  it('scenarios: default realization, by name, by the word "realization"', () => {
    const byDefault = resolveScenario(doc, undefined);
    expect(byDefault.ok && byDefault.value.id).toBe('realization');
    const plan = resolveScenario(doc, 'the Rollout Plan');
    expect(plan.ok && plan.value.id).toBe('rollout-plan');
    const r = resolveScenario(doc, 'realization scenario');
    expect(r.ok && r.value.id).toBe('realization');
  });

  it('calculations by the words people use', () => {
    const c = resolveCalculation(realization, 'the efficiency calculation');
    expect(c.ok && [c.value.useCase.id, c.value.calculation.id]).toEqual(['support-efficiency', 'efficiency']);
    const h = resolveCalculation(realization, 'handle time');
    expect(h.ok && h.value.calculation.id).toBe('handle-time');
  });

  it('inputs: the tracked metric wins over its baseline when measurements are meant', () => {
    const tracked = resolveInput(realization, 'tickets a day', { timeSeriesFirst: true });
    expect(tracked.ok && tracked.value.input.key).toBe('tickets_per_day');
    const exact = resolveInput(realization, 'Avg. Tickets per Day (baseline)');
    expect(exact.ok && exact.value.input.key).toBe('avg_tickets_per_day');
  });

  it("an input named with its use case in front: the use case's words out, the rest names one of its inputs", () => {
    // "self service" is Deflect Tickets with Self-Service (id self-service); "deflection" among its
    // inputs is the tracked Ticket Deflection Rate when a measurement is meant.
    const r = resolveInput(realization, 'self service deflection', { timeSeriesFirst: true });
    expect(r.ok && r.value.input.key).toBe('deflection_rate');
    // Its words are all the use case's ("Deflect Tickets with Self-Service"): nothing left to name an input, so no pick.
    expect(resolveInput(realization, 'self service tickets', { timeSeriesFirst: true }).ok).toBe(false);
    // One word of a use case is no qualifier ("support" alone): still no input of that name.
    expect(resolveInput(realization, 'support deflection').ok).toBe(false);
  });

  it('an ambiguous input name comes back with its candidates', () => {
    const r = resolveInput(realization, 'tickets a day');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/could be several inputs/);
      expect(r.error.candidates).toEqual(expect.arrayContaining(['Avg. Tickets per Day (tickets_per_day) in Increase Support Team Efficiency']));
    }
  });

  it('an unknown name lists what there is', () => {
    const r = resolveCalculation(realization, 'churn reduction');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.candidates?.length).toBe(4);
  });
});

describe('a slip of one letter and Slack abbreviations (the unseen set of December 2026)', () => {
  const realization = () => demo().scenarios.find((s) => s.kind === 'realization')!;
  const inputKey = (name: string) => {
    const r = resolveInput(realization(), name, { timeSeriesFirst: true });
    return r.ok ? r.value.input.key : r.error.message;
  };

  it('"deflecton rate" is the Ticket Deflection Rate, "tix/day" Avg. Tickets per Day, "efficency" the efficiency calculation', () => {
    expect(inputKey('deflecton rate')).toBe('deflection_rate');
    expect(inputKey('tix/day')).toBe('tickets_per_day');
    const c = resolveCalculation(realization(), 'efficency');
    expect(c.ok && c.value.calculation.id).toBe('efficiency');
  });

  it('a slip needs five letters or more and one change: "rate" is not "gate", "effic" is no slip of "efficiency"', () => {
    expect(matchName([{ n: 'Gate Fee' }], 'rate', (x) => [x.n])).toEqual({ kind: 'none' });
    expect(words('tix per day')).toEqual(['ticket', 'per', 'day']);
  });
});
