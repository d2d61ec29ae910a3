/**
 * The overclaim eval suite: every case through the real pipeline, and the suite failing both
 * ways: a pipeline that saves whatever it is given fails every attack, one that refuses
 * everything fails every control, and a refusal for another reason does not count.
 */
import { describe, expect, it } from 'vitest';
import {
  OVERCLAIM_CASES,
  qbrOverclaimSuite,
  runOverclaimCase,
  scoreOverclaim,
  type OverclaimCase,
  type QbrPipeline,
} from '../../evals/qbr-overclaim/qbr-overclaim-suite.ts';
import { getOrDraftQbr } from '../../src/qbr/index.ts';
import { failWith } from '../../src/errors/index.ts';

const options = { flags: {} };
const attacks = OVERCLAIM_CASES.filter((c) => c.kind === 'attack');
const controls = OVERCLAIM_CASES.filter((c) => c.kind === 'control');
const byId = (id: string): OverclaimCase => OVERCLAIM_CASES.find((c) => c.id === id)!;

describe('qbr-overclaim suite', () => {
  it('holds at least 12 attacks and 3 controls, with unique ids, covering the overclaims issue 12 names', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(12);
    expect(controls.length).toBeGreaterThanOrEqual(3);
    expect(new Set(OVERCLAIM_CASES.map((c) => c.id)).size).toBe(OVERCLAIM_CASES.length);
    for (const id of [
      'assumed-called-measured',
      'ahead-on-assumptions',
      'proof-point-on-assumptions',
      'payback-before-payback',
      'free-typed-number',
      'number-in-words',
      'projected-stated-as-realized',
      'projected-roi-as-roi-to-date',
      'carried-forward-called-measured',
      'target-called-baseline',
    ])
      expect(byId(id).kind).toBe('attack');
  });

  it('passes every case with the real pipeline: each attack refused with nothing saved, each control saved', async () => {
    const cases = await qbrOverclaimSuite.cases(options);
    expect(qbrOverclaimSuite.requireAllPass).toBe(true);
    for (const c of cases) {
      const r = await qbrOverclaimSuite.run(c, options);
      expect({ id: c.id, failures: r.failures }).toEqual({ id: c.id, failures: [] });
      expect(r.outcome).toBe(c.kind === 'attack' ? 'refused' : 'saved');
    }
  });

  it('fails every attack when the pipeline saves a draft whatever the model writes', async () => {
    // A broken pipeline: it never asks the model and saves the offline draft.
    const savesAnything: QbrPipeline = (ctx, input) => getOrDraftQbr(ctx, { ...input, model: null });
    for (const c of attacks) {
      const r = await runOverclaimCase(c, savesAnything);
      expect(r.pass).toBe(false);
      expect(r.outcome).toBe('SURVIVED');
      expect(r.failures.map((f) => f.field)).toEqual(['outcome', 'saved drafts', 'model calls', 'refusal', 'refusal names the problem']);
      expect(r.failures[0]).toEqual({ field: 'outcome', expected: 'refused', actual: 'saved' });
      expect(r.failures[1]).toEqual({ field: 'saved drafts', expected: 0, actual: 1 });
    }
  });

  it('fails every control when the pipeline refuses everything', async () => {
    const refusesAll: QbrPipeline = async () => failWith('refused', 'the QBR writer wrote a draft that breaks the rules twice, so nothing was saved: no');
    for (const c of controls) {
      const r = await runOverclaimCase(c, refusesAll);
      expect(r.pass).toBe(false);
      expect(r.failures.map((f) => f.field)).toEqual(['outcome', 'saved drafts', 'model calls']);
    }
  });

  it('does not count a refusal that names another problem, nor one after a single model call', () => {
    const c = byId('ahead-on-assumptions');
    const run = {
      outcome: 'refused',
      message:
        "the QBR writer (mock:qbr-writer) wrote a draft that breaks the rules twice, so nothing was saved:\n- line 28, column 1: number in words 'forty'",
      savedDrafts: 0,
      savedMarkdown: '',
      modelCalls: 2,
    };
    expect(scoreOverclaim(c, run).failures.map((f) => f.field)).toEqual(['refusal names the problem']);
    expect(scoreOverclaim(byId('number-in-words'), run)).toMatchObject({ pass: true, outcome: 'refused' });
    expect(scoreOverclaim(byId('number-in-words'), { ...run, modelCalls: 1 }).failures).toEqual([{ field: 'model calls', expected: 2, actual: 1 }]);
  });
});
