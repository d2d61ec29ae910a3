/**
 * resolveCalculation: exact before fuzzy, and a name that fits a use case better than any
 * calculation means that use case's calculation, or a question naming all of them (issue 11:
 * "a split of 'support efficiency' silently resolved to the wrong calculation").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument, type Scenario } from '../../src/engine/index.ts';
import { resolveCalculation } from '../../src/resolve/resolve-in-document.ts';

const doc = parseDocument(JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8')));
if (!doc.ok) throw new Error(doc.error.message);
const realization = doc.value.scenarios.find((s) => s.kind === 'realization') as Scenario;

const resolved = (name: string) => {
  const r = resolveCalculation(realization, name);
  return r.ok ? r.value.calculation.id : { error: r.error.message, candidates: r.error.candidates };
};

describe('resolveCalculation on the demo (Increase Support Team Efficiency has two calculations)', () => {
  it('an exact id or name wins: "efficiency", "the efficiency calculation", "Faster Ticket Handling"', () => {
    expect(resolved('efficiency')).toBe('efficiency');
    expect(resolved('the efficiency calculation')).toBe('efficiency');
    expect(resolved('Faster Ticket Handling')).toBe('handle-time');
  });

  it('"support efficiency" names the use case, not the calculation whose id shares a word: both are candidates', () => {
    expect(resolved('support efficiency')).toEqual({
      error: "'support efficiency' is the use case 'Increase Support Team Efficiency', which has several calculations",
      candidates: [
        'Rep Efficiency Gain (efficiency) in Increase Support Team Efficiency',
        'Faster Ticket Handling (handle-time) in Increase Support Team Efficiency',
      ],
    });
  });

  it('a use case with one calculation is that calculation: "self-service" is Deflected Ticket Savings, "legacy help desk" Licence Savings', () => {
    expect(resolved('self-service')).toBe('deflection');
    expect(resolved('legacy help desk')).toBe('licences');
  });
});

describe('resolveInput: a label said exactly wins over another input whose key reads the same', () => {
  it('"avg tickets per day" is the label of Avg. Tickets per Day (tickets_per_day), only the key of the baseline (avg_tickets_per_day)', async () => {
    const { resolveInput } = await import('../../src/resolve/resolve-in-document.ts');
    const r = resolveInput(realization, 'avg tickets per day');
    expect(r.ok && r.value.input.key).toBe('tickets_per_day');
    const key = resolveInput(realization, 'avg_tickets_per_day');
    expect(key.ok && key.value.input.key).toBe('avg_tickets_per_day');
  });
});
