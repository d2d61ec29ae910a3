import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { applyOperations } from '../../src/engine/index.ts';
import { propose } from '../../src/proposals/index.ts';
import type { RunTurn } from '../../evals/agent/run-agent-case.ts';
import { INTENTS, loadPhrasingCases, type PhrasingCase } from '../../evals/phrasings/phrasing-case.ts';
import { createPhrasingDataLoader, PHRASING_DATA_DIR } from '../../evals/phrasings/phrasing-data.ts';
import { loadPhrasingBaseline, PHRASING_BASELINE } from '../../evals/phrasings/phrasing-baseline.ts';
import { createPhrasingsSuite, phrasingsSuite, unseenPhrasingsSuite } from '../../evals/phrasings/phrasings-suite.ts';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** A temporary directory with the given files (name -> JSON value or raw text). */
function dirWith(files: Record<string, unknown>): URL {
  const dir = mkdtempSync(join(tmpdir(), 've-phrasings-'));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  return pathToFileURL(`${dir}/`);
}

const may160 = { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-05', value: 160 };
const recordFile = (cases: unknown[], extra: Record<string, unknown> = {}) => ({ intent: 'record', about: 'test', data: 'demo', cases, ...extra });

/**
 * An expected operation made whole for the engine: `$includes` text as the text itself, `null`
 * left out, and the fields a case leaves to the model (ids, names, a conversion's metric key)
 * given placeholder values.
 */
function complete(op: Record<string, unknown>, n: number): Record<string, unknown> {
  const text = (v: unknown): unknown => (v !== null && typeof v === 'object' && '$includes' in v ? (v as { $includes: string }).$includes : v);
  const o: Record<string, unknown> = Object.fromEntries(
    Object.entries(op)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, text(v)]),
  );
  if (o['op'] === 'createRealizationScenario') {
    o['id'] ??= 'check';
    o['name'] ??= 'Check';
  }
  if (o['op'] === 'addMilestone') o['id'] ??= `check-${n}`;
  if (o['op'] === 'annotateMeasurement' && o['note'] === undefined && o['evidence'] === undefined && o['source'] === undefined) o['note'] = 'check';
  if (o['op'] === 'convertCalculation') {
    const metric = Object.fromEntries(Object.entries((o['metric'] as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k, text(v)]));
    o['metric'] = { key: 'check_metric', label: 'Check', unit: 'x', ...metric };
  }
  if (o['op'] === 'splitCalculation') {
    o['parts'] = (o['parts'] as Array<Record<string, unknown>>).map((p, i) => ({ id: `part-${i}`, name: `Part ${i}`, ...p }));
    o['strategy'] ??= 'shapley';
  }
  return o;
}

describe('the committed phrasing cases', async () => {
  const entries = await phrasingsSuite.cases({ flags: {} });
  const cases: PhrasingCase[] = entries.map((e) => e.phrasing);

  it('are at least 150, cover every intent of issue 11, and are weighted toward dictation', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const per = (intent: string) => cases.filter((c) => c.intent === intent).length;
    for (const intent of INTENTS) expect(per(intent), intent).toBeGreaterThan(0);
    const largest = Math.max(...INTENTS.map(per));
    expect(per('record')).toBe(largest);
  });

  it('include follow-ups and ambiguous requests that must be answered with a question', () => {
    expect(cases.filter((c) => c.turns.length > 1).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => c.expect.asks).length).toBeGreaterThanOrEqual(8);
  });

  it('expect only proposals the engine accepts on their data, at their clock', () => {
    for (const e of entries) {
      const c = e.phrasing;
      const sets = c.expect.proposals ? [c.expect.proposals, ...(c.expect.or ?? [])] : [];
      for (const set of sets) {
        const applied = applyOperations(e.data.startingPoint, set.map(complete), { asOf: c.clock ?? e.data.clock });
        expect(applied.ok ? 'accepted' : `${applied.error.message}`, c.id).toBe('accepted');
      }
    }
  });

  it('say "no" only where the engine refuses the careless proposal', () => {
    const refusing = entries.filter((e) => e.phrasing.refusedByEngine !== null);
    expect(refusing.length).toBeGreaterThanOrEqual(10);
    for (const e of refusing) {
      const r = applyOperations(e.data.startingPoint, [e.phrasing.refusedByEngine!], { asOf: e.phrasing.clock ?? e.data.clock });
      expect(r.ok, e.phrasing.id).toBe(false);
    }
  });

  it('have a baseline of existing cases, sorted', async () => {
    const ids = await loadPhrasingBaseline(PHRASING_BASELINE, new Set(cases.map((c) => c.id)));
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('the unseen set of December 2026 (suite phrasings-unseen)', async () => {
  const entries = await unseenPhrasingsSuite.cases({ flags: {} });
  const cases: PhrasingCase[] = entries.map((e) => e.phrasing);

  it('is its own suite of at least 150 phrasings over every intent but chit-chat, with follow-ups and questions', () => {
    expect(unseenPhrasingsSuite.name).toBe('phrasings-unseen');
    expect(cases.length).toBeGreaterThanOrEqual(150);
    for (const intent of INTENTS.filter((i) => i !== 'chit-chat')) expect(cases.filter((c) => c.intent === intent).length, intent).toBeGreaterThan(0);
    expect(cases.filter((c) => c.turns.length > 1).length).toBeGreaterThanOrEqual(10);
    expect(cases.filter((c) => c.expect.asks || c.expect.refuses).length).toBeGreaterThanOrEqual(30);
    expect(new Set(entries.map((e) => e.data.clock))).toEqual(new Set(['2026-12']));
  });

  it('expects only proposals the engine accepts on their data, at their clock', () => {
    for (const e of entries) {
      const c = e.phrasing;
      const sets = c.expect.proposals ? [c.expect.proposals, ...(c.expect.or ?? [])] : [];
      for (const set of sets) {
        const applied = applyOperations(e.data.startingPoint, set.map(complete), { asOf: c.clock ?? e.data.clock });
        expect(applied.ok ? 'accepted' : `${applied.error.message}`, c.id).toBe('accepted');
      }
    }
  });
});

describe('loadPhrasingCases: a bad case file is a clear error naming the file, the case and the field', () => {
  const load = (files: Record<string, unknown>) => loadPhrasingCases(dirWith(files), 'cases');

  it('a month that is not YYYY-MM', async () => {
    await expect(
      load({ 'record.json': recordFile([{ id: 'record-x', say: 'may 160', expect: { proposals: [{ ...may160, month: 'May 2026' }] } }]) }),
    ).rejects.toThrow("cases/record.json: cases[0].expect.proposals[0].month (case 'record-x'): must be a month YYYY-MM (or null: absent)");
  });

  it('a field the operation does not have', async () => {
    await expect(
      load({ 'record.json': recordFile([{ id: 'record-x', say: 'may 160', expect: { proposals: [{ ...may160, monht: '2026-05' }] } }]) }),
    ).rejects.toThrow("cases/record.json: cases[0].expect.proposals[0].monht (case 'record-x'): recordMeasurement has no field 'monht'");
  });

  it('an expected operation that leaves out a field that decides the change', async () => {
    const { value: _value, ...noValue } = may160;
    await expect(load({ 'record.json': recordFile([{ id: 'record-x', say: 'may 160', expect: { proposals: [noValue] } }]) })).rejects.toThrow(
      "cases/record.json: cases[0].expect.proposals[0].value (case 'record-x'): an expected recordMeasurement must name 'value'",
    );
  });

  it('$includes on a field that must be exact', async () => {
    await expect(
      load({ 'record.json': recordFile([{ id: 'record-x', say: 'may 160', expect: { proposals: [{ ...may160, input: { $includes: 'tickets' } }] } }]) }),
    ).rejects.toThrow("cases/record.json: cases[0].expect.proposals[0].input (case 'record-x'): '$includes' is only for free text");
  });

  it('an unknown operation, a misspelt case field, an empty expectation', async () => {
    await expect(load({ 'record.json': recordFile([{ id: 'record-x', say: 'x', expect: { proposals: [{ op: 'recordMeasurment' }] } }]) })).rejects.toThrow(
      'cases/record.json: cases[0].expect.proposals[0].op (case \'record-x\'): unknown operation "recordMeasurment"',
    );
    await expect(load({ 'record.json': recordFile([{ id: 'record-x', sya: 'x', expect: { noProposal: true } }]) })).rejects.toThrow(
      'cases/record.json: cases[0] (case \'record-x\'): Unrecognized key: "sya"',
    );
    await expect(load({ 'record.json': recordFile([{ id: 'record-x', expect: { noProposal: true } }]) })).rejects.toThrow(
      "cases/record.json: cases[0].say (case 'record-x'): must be a message, or the messages of a thread in order",
    );
    await expect(load({ 'record.json': recordFile([{ id: 'record-x', say: 'x', expect: {} }]) })).rejects.toThrow(
      "cases/record.json: cases[0].expect (case 'record-x'): say what should happen",
    );
  });

  it('a file named after another intent, an id used twice, not JSON', async () => {
    await expect(load({ 'records.json': recordFile([{ id: 'record-x', say: 'x', expect: { noProposal: true } }]) })).rejects.toThrow(
      "cases/records.json: intent 'record' does not match the file name (expected record.json)",
    );
    const twice = { id: 'dup', say: 'x', expect: { noProposal: true } };
    await expect(load({ 'record.json': recordFile([twice]), 'help.json': { intent: 'help', about: 't', data: 'demo', cases: [twice] } })).rejects.toThrow(
      "cases/record.json: case id 'dup' is already used in cases/help.json",
    );
    await expect(load({ 'record.json': '{ "intent": ' })).rejects.toThrow('cases/record.json: not JSON');
  });
});

describe('data sets and the baseline: clear errors', () => {
  it('an operation of a data set that does not apply names the data file', async () => {
    const dir = dirWith({
      'base.json': { description: 'd', clock: '2026-08', example: 'delta-corp.json' },
      'broken.json': { description: 'd', base: 'base', operations: [{ ...may160, month: '2025-10' }] },
    });
    await expect(createPhrasingDataLoader(dir)('broken')).rejects.toThrow(
      "evals/phrasings/datasets/broken.json: operations[0] does not apply to 'base': month 2025-10 is locked",
    );
    await expect(createPhrasingDataLoader(dir)('missing')).rejects.toThrow('evals/phrasings/datasets/missing.json: no such file');
  });

  it('a case on a data set that does not exist names the case', async () => {
    const suite = createPhrasingsSuite({
      casesDir: dirWith({ 'record.json': recordFile([{ id: 'record-x', say: 'x', data: 'nowhere', expect: { noProposal: true } }]) }),
    });
    await expect(suite.cases({ flags: {} })).rejects.toThrow(
      "cases/record.json: case 'record-x': data 'nowhere': evals/phrasings/datasets/nowhere.json: no such file",
    );
  });

  it('a baseline naming an unknown case, or out of order', async () => {
    const ids = new Set(['a', 'b']);
    await expect(loadPhrasingBaseline(dirWithFile({ about: 'x', model: 'offline', wrong: ['a', 'zz'] }), ids, 'baseline.json')).rejects.toThrow(
      "baseline.json: wrong[1]: no case 'zz' (remove it from the baseline)",
    );
    await expect(loadPhrasingBaseline(dirWithFile({ about: 'x', model: 'offline', wrong: ['b', 'a'] }), ids, 'baseline.json')).rejects.toThrow(
      "baseline.json: wrong[1]: 'a' is out of order (keep the ids sorted)",
    );
  });
});

function dirWithFile(json: unknown): URL {
  return new URL('baseline.json', dirWith({ 'baseline.json': json }));
}

describe('the suite, end to end with a scripted turn (no model)', () => {
  /** A turn that proposes one operation on the case, as a tool would, and says so. */
  const proposing =
    (operation: Record<string, unknown>): RunTurn =>
    async (turn) => {
      const ctx = turn.tools.proposals;
      const caseId = ctx.store.listCases('default')[0]!.id;
      const p = propose(ctx, { caseId, operations: [operation], proposedBy: turn.tools.actor });
      if (!p.ok) throw new Error(p.error.message);
      // The harness reads proposals from the store, not from the reply.
      const reply = { text: `Proposed ${p.value.id}.`, proposals: [], toolResults: [], threadId: 't' };
      return reply as Awaited<ReturnType<RunTurn>>;
    };

  async function runOne(runTurn: RunTurn) {
    const casesDir = dirWith({ 'record.json': recordFile([{ id: 'record-may', say: 'may: 160 tix/day', expect: { proposals: [may160] } }]) });
    const baselineDir = mkdtempSync(join(tmpdir(), 've-phrasings-'));
    temps.push(baselineDir);
    writeFileSync(join(baselineDir, 'baseline.json'), JSON.stringify({ about: 'x', model: 'offline', wrong: [] }));
    const suite = createPhrasingsSuite({ casesDir, dataDir: PHRASING_DATA_DIR, baseline: pathToFileURL(join(baselineDir, 'baseline.json')), runTurn });
    const [entry] = await suite.cases({ flags: {} });
    const result = await suite.run(entry!, { flags: {} });
    return { result, conclusion: suite.conclude!([{ evalCase: entry!, result }], { flags: {} }) };
  }

  it('a right proposal passes, nothing changed before approval', async () => {
    const { result, conclusion } = await runOne(proposing(may160));
    expect(result).toMatchObject({ pass: true, outcome: 'pass', failures: [], dataChangedWithoutApproval: false });
    expect(conclusion.problems).toEqual([]);
  });

  it('a wrong value is wrong, and outside the baseline it fails the run', async () => {
    const { result, conclusion } = await runOne(proposing({ ...may160, value: 2026 }));
    expect(result.outcome).toBe('wrong');
    expect(result.pass).toBe(false);
    expect(conclusion.problems).toEqual([
      'record-may made a wrong proposal and is not in evals/phrasings/baseline.json: a new wrong proposal (fix it; the baseline only shrinks)',
    ]);
  });
});
