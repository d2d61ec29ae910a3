/** The grounding-attack eval suite: its drafts, its scoring of planted errors and false alarms, and its gate. */
import { describe, expect, it } from 'vitest';
import { concludeGrounding, qbrGroundingSuite, scoreGrounding, unmark, type GroundingCase } from '../../evals/qbr-grounding/qbr-grounding-suite.ts';
import type { ClaimProblem } from '../../src/qbr/grounding/check-claims.ts';
import { demoFacts } from '../qbr/qbr-fixtures.ts';

const options = { flags: {} };
const problem = (start: number, end: number): ClaimProblem => ({ line: 1, column: start + 1, text: 'x', claims: 'c', problem: 'p', start, end });
const draft = (text: string): GroundingCase => ({ id: 't', description: 't', kind: 'wrong-number', ...unmark(text), facts: () => demoFacts() });

describe('qbr-grounding suite', () => {
  it('reads the planted errors from their marks', () => {
    expect(unmark('ROI is [[326%]] and [[$1]].')).toEqual({
      text: 'ROI is 326% and $1.',
      planted: [
        { start: 7, end: 11, text: '326%' },
        { start: 16, end: 18, text: '$1' },
      ],
    });
  });

  it('counts a planted error caught when a problem overlaps it, and any other problem as a false alarm', () => {
    const c = draft('ROI is [[326%]] and [[$1]].');
    expect(scoreGrounding(c, [problem(7, 11)])).toMatchObject({ pass: false, outcome: 'missed', caught: 1, falseAlarms: 0 });
    expect(scoreGrounding(c, [problem(7, 11), problem(16, 18), problem(0, 3)])).toMatchObject({
      pass: false,
      outcome: 'false-alarm',
      caught: 2,
      falseAlarms: 1,
    });
    expect(scoreGrounding(c, [problem(7, 11), problem(16, 18)])).toMatchObject({ pass: true, outcome: 'caught' });
  });

  it('fails the run below 95% caught or on any false alarm', () => {
    const c = draft('[[1]] [[2]] [[3]] [[4]] [[5]] [[6]] [[7]] [[8]] [[9]] [[10]] [[11]] [[12]] [[13]] [[14]] [[15]] [[16]] [[17]] [[18]] [[19]] [[20]]');
    // 19 of 20 caught is 95%: passes; 18 of 20 is 90%: fails.
    const run = (caught: number, falseAlarms: number) =>
      concludeGrounding([{ evalCase: c, result: { pass: false, failures: [], caught, falseAlarms } as never }]);
    expect(run(19, 0).problems).toEqual([]);
    expect(run(18, 0).problems).toEqual(['qbr-grounding: 90.0% of planted errors caught, below 95%']);
    expect(run(20, 1).problems).toEqual(['qbr-grounding: 1 false alarm (the goal is none)']);
  });

  it('holds at least 60 drafts with planted errors and 20 correct ones, and the claim check passes its gate on them', async () => {
    const cases = await qbrGroundingSuite.cases(options);
    expect(cases.filter((c) => c.planted.length > 0).length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.planted.length === 0).length).toBeGreaterThanOrEqual(20);
    const results = [];
    for (const c of cases) results.push({ evalCase: c, result: await qbrGroundingSuite.run(c, options) });
    expect(qbrGroundingSuite.conclude!(results, options).problems).toEqual([]);
  });
});
