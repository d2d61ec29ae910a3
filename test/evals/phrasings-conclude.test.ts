import { describe, expect, it } from 'vitest';
import { concludePhrasings, type ScoredPhrasing } from '../../evals/phrasings/conclude-phrasings.ts';

const wrongOp = { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-06', value: 2026 };
const scored: ScoredPhrasing[] = [
  { id: 'record-a', intent: 'record', outcome: 'pass', wrong: [] },
  { id: 'record-b', intent: 'record', outcome: 'wrong', wrong: [wrongOp] },
  { id: 'record-c', intent: 'record', outcome: 'safe', wrong: [] },
  { id: 'qbr-a', intent: 'qbr', outcome: 'miss', wrong: [] },
];
const options = { baselineFile: 'evals/phrasings/baseline.json', model: 'the offline model' };

describe('concludePhrasings', () => {
  it('prints the score overall and per intent, and every wrong proposal', () => {
    const c = concludePhrasings(scored, { ...options, baseline: ['record-b'] });
    expect(c.lines).toEqual([
      'Phrasings (the offline model): 1/4 pass (25.0%) · 1 safe · 1 wrong · 1 miss — goal: 0 wrong, at least 90% pass',
      'Intent  Cases  Pass  Pass %  Safe  Wrong  Miss',
      'record      3     1   33.3%     1      1     0',
      'qbr         1     0    0.0%     0      0     1',
      'total       4     1   25.0%     1      1     1',
      'Wrong proposals (1):',
      '  record-b: recordMeasurement {"scenario":"realization","useCase":"support-efficiency","input":"tickets_per_day","month":"2026-06","value":2026}',
      'Ratchet: holds (1 of the 1 baseline case(s) ran, each still wrong; no new wrong proposal)',
    ]);
    expect(c.problems).toEqual([]);
  });

  it('fails on a wrong proposal outside the baseline', () => {
    const c = concludePhrasings(scored, { ...options, baseline: [] });
    expect(c.problems).toEqual([
      'record-b made a wrong proposal and is not in evals/phrasings/baseline.json: a new wrong proposal (fix it; the baseline only shrinks)',
    ]);
    expect(c.lines.at(-1)).toBe('Ratchet: broken (1 problem(s); see below)');
  });

  it('fails when a baseline case no longer makes a wrong proposal, so the baseline must shrink by hand', () => {
    const c = concludePhrasings(scored, { ...options, baseline: ['record-b', 'record-c'] });
    expect(c.problems).toEqual(['record-c no longer makes a wrong proposal (safe): remove it from evals/phrasings/baseline.json (the baseline only shrinks)']);
  });

  it('judges only the cases that ran (a --case run of one baseline case)', () => {
    const c = concludePhrasings([scored[1]!], { ...options, baseline: ['record-b', 'record-c'] });
    expect(c.problems).toEqual([]);
    expect(c.lines.at(-1)).toBe('Ratchet: holds (1 of the 2 baseline case(s) ran, each still wrong; no new wrong proposal)');
  });

  it('applies no ratchet without a baseline (another model)', () => {
    const c = concludePhrasings(scored, { ...options, baseline: null, model: 'the configured model, live' });
    expect(c.problems).toEqual([]);
    expect(c.lines.at(-1)).toBe('Ratchet: not applied (evals/phrasings/baseline.json was recorded with the offline model)');
  });
});
