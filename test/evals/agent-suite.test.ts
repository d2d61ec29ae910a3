/**
 * The whole agent-flow suite against the offline model: every case runs without a data
 * change before approval, and it passes at the documented rate
 * with exactly the documented failures (docs/evals.md, "Agent flows": phrasings the offline
 * model or a tool mis-handles). The cases cover every task with several phrasings, and the
 * scorer has teeth (a wrong figure, an unmatched QBR number, a missing tool call fail).
 */
import { describe, expect, it } from 'vitest';
import { loadAgentCases, TASKS, type AgentCase } from '../../evals/agent/agent-case.ts';
import { createAgentSuite } from '../../evals/agent/agent-suite.ts';
import { runAgentCase } from '../../evals/agent/run-agent-case.ts';
import { scoreAgentCase } from '../../evals/agent/score-agent-case.ts';
import { parseArgs, runEvals } from '../../evals/runner.ts';
import { selectModel } from '../../src/agent/select-model.ts';

/** The cases the offline model fails, as documented in docs/evals.md ("Agent flows", "Results"): none at present. */
const KNOWN_OFFLINE_FAILURES: string[] = [];

const io = { write: () => {}, error: () => {}, isTTY: false, reportPath: null };

describe('the agent-flow cases', () => {
  it('hold at least 30 conversations, several per task, each with its hand arithmetic', async () => {
    const cases = await loadAgentCases();
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const task of TASKS) expect(cases.filter((c) => c.task === task).length, task).toBeGreaterThanOrEqual(5);
    for (const c of cases) expect(c.arithmetic.length, c.id).toBeGreaterThan(0);
  });
});

describe('the offline agent suite', () => {
  it('runs every case, with no data change before approval, at the documented rate', async () => {
    const report = await runEvals([createAgentSuite()], parseArgs(['--offline']), io);
    const suite = report.suites[0]!;
    expect(suite.loadError).toBeNull();
    expect(report.totals.dataChangedWithoutApproval).toBe(0);
    expect(report.exitCode).toBe(0);
    // A case that starts passing (the offline model or a tool got better) or stops: update this list and docs/evals.md.
    expect(
      suite.cases
        .filter((c) => !c.pass)
        .map((c) => c.case)
        .sort(),
    ).toEqual(KNOWN_OFFLINE_FAILURES);
    expect(suite.passed).toBe(suite.total - KNOWN_OFFLINE_FAILURES.length);
    for (const c of suite.cases) expect(c.notes[1], c.case).toMatch(/^scores: tool [✓✗] · arguments [✓✗] · data [✓✗] · unchanged ✓ · grounded [✓✗—]$/);
  });
});

describe('the scorer has teeth', () => {
  const offline = () => selectModel({ VE_PROVIDER: 'offline' }).model;
  const find = async (id: string): Promise<AgentCase> => (await loadAgentCases()).find((c) => c.id === id)!;

  it('fails a wrong expected figure, a wrong operation field, and a tool that was not called', async () => {
    const c = structuredClone(await find('measure-single-with-source'));
    c.after.expect = { ...c.after.expect, realizedToDate: 114200.01 };
    c.turns[0]!.expect!.operations![0]!['month'] = '2026-01';
    c.turns[0]!.expect!.tools = ['proposeMilestone'];
    const s = scoreAgentCase(c, await runAgentCase(c, { model: offline() }));
    expect(s.failures.map((f) => f.field)).toEqual(['turn 1 tool', 'turn 1 operations[0].month', 'data realizedToDate']);
    expect(s.scores).toEqual({ tool: false, arguments: false, data: false, unchanged: true, grounded: null });
  });

  it('fails a QBR figure the draft does not state, and a draft number that matches no fact', async () => {
    const c = structuredClone(await find('qbr-finance-q1'));
    c.turns[0]!.expect!.qbr!.states = [88886.67, 12345.67];
    const o = await runAgentCase(c, { model: offline() });
    let s = scoreAgentCase(c, o);
    expect(s.failures).toEqual([{ field: 'turn 1 qbr states', expected: 12345.67, actual: 'not stated in the draft' }]);
    expect(s.scores.grounded).toBe(true);

    o.turns[0]!.qbr[0]!.unverified = ['$99,999'];
    s = scoreAgentCase(c, o);
    expect(s.scores.grounded).toBe(false);
    expect(s.failures).toContainEqual({ field: 'turn 1 qbr 2026-Q1 finance unverified numbers', expected: [], actual: ['$99,999'] });
  });
});
