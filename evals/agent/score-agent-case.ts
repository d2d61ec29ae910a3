/**
 * The agent-flow scorer: a pure function from a case and what the run observed to a list of
 * differences, grouped into five scores:
 *
 * - **tool**: every tool the turn must call was called, and no turn failed;
 * - **arguments**: the operations of the proposals each turn made, after name resolution,
 *   match the case (and a QBR draft is for the expected quarter, audience, version, and
 *   states the hand-computed figures);
 * - **data**: the approvals went through, and the data afterwards (version, pending
 *   proposals, summary figures, document, measurement history) is what the case says;
 * - **unchanged**: no business data changed during any turn, i.e. before a person approved;
 * - **grounded**: every number of every QBR draft (and of the reply relaying it) matches a fact.
 *
 * A failure's `field` starts with where it was found (`turn 2 tool`, `turn 2 operations[0].month`,
 * `data version`, …) so the report reads on its own.
 */
import { scoreCalculation } from '../calculation/score-calculation.ts';
import type { CalculationCase } from '../calculation/calculation-case.ts';
import type { CaseResult, Failure } from '../suite.ts';
import type { AgentCase } from './agent-case.ts';
import { matchSubset } from './match.ts';
import type { AgentCaseObservation } from './run-agent-case.ts';

/** The five scores of a case: true passed, false failed, null not applicable (no QBR: no grounding). */
export interface AgentScores {
  tool: boolean;
  arguments: boolean;
  data: boolean;
  unchanged: boolean;
  grounded: boolean | null;
}

/** The scored case: the runner's result plus the five scores. */
export interface AgentCaseScore extends CaseResult {
  scores: AgentScores;
}

type Dimension = keyof AgentScores;

/** One line for the report's notes: `tool ✓ · arguments ✗ · data ✓ · unchanged ✓ · grounded —`. */
export function describeScores(s: AgentScores): string {
  const mark = (v: boolean | null): string => (v === null ? '—' : v ? '✓' : '✗');
  return `scores: tool ${mark(s.tool)} · arguments ${mark(s.arguments)} · data ${mark(s.data)} · unchanged ${mark(s.unchanged)} · grounded ${mark(s.grounded)}`;
}

/** Scores a run of a case. Pure: no I/O, no engine calls. */
export function scoreAgentCase(c: AgentCase, o: AgentCaseObservation): AgentCaseScore {
  const by: Record<Dimension, Failure[]> = { tool: [], arguments: [], data: [], unchanged: [], grounded: [] };
  const hasQbr = c.turns.some((t) => t.expect?.qbr !== undefined) || o.turns.some((t) => t.qbr.length > 0);

  if (o.setupError !== null || o.final === null) {
    by.tool.push({ field: 'setup', expected: 'the document imports and the setup applies', actual: o.setupError ?? 'no final state' });
  } else {
    c.turns.forEach((spec, i) => {
      const turn = o.turns[i];
      const at = `turn ${i + 1}`;
      if (!turn) {
        by.tool.push({ field: at, expected: 'the turn runs', actual: 'not run' });
        return;
      }
      const expect = spec.expect ?? {};
      if (turn.error !== null) by.tool.push({ field: `${at} error`, expected: 'the turn completes', actual: turn.error });
      const called = turn.calls.map((x) => x.toolName);
      for (const name of expect.tools ?? []) {
        if (!called.includes(name)) by.tool.push({ field: `${at} tool`, expected: name, actual: called.length > 0 ? called.join(', ') : 'no tool called' });
      }

      // Arguments: the operations of the turn's proposals, after name resolution.
      const operations = turn.proposals.flatMap((p) => p.operations);
      const want = expect.operations ?? [];
      if (operations.length !== want.length) {
        by.arguments.push({
          field: `${at} operations`,
          expected: want.length === 0 ? 'no proposal' : `${want.length} operation(s): ${want.map((w) => String(w['op'] ?? '?')).join(', ')}`,
          actual: operations.length === 0 ? 'no proposal' : operations,
        });
      } else {
        want.forEach((w, k) => matchSubset(by.arguments, `${at} operations[${k}]`, w, operations[k]));
      }
      for (const p of turn.proposals) {
        if (p.status !== 'pending') by.unchanged.push({ field: `${at} proposal ${p.id}`, expected: 'pending right after the turn', actual: p.status });
      }

      // QBR drafts.
      if (expect.qbr) {
        const q = expect.qbr;
        const draft = turn.qbr.find((d) => d.quarter === q.quarter && d.audience === q.audience) ?? turn.qbr[0];
        if (!draft) {
          by.arguments.push({ field: `${at} qbr`, expected: `a ${q.quarter} draft for ${q.audience}`, actual: 'no draft returned' });
        } else {
          if (draft.quarter !== q.quarter) by.arguments.push({ field: `${at} qbr.quarter`, expected: q.quarter, actual: draft.quarter });
          if (draft.audience !== q.audience) by.arguments.push({ field: `${at} qbr.audience`, expected: q.audience, actual: draft.audience });
          if (q.version !== undefined && draft.version !== q.version)
            by.arguments.push({ field: `${at} qbr.version`, expected: q.version, actual: draft.version });
          for (const s of draft.states) if (!s.stated) by.arguments.push({ field: `${at} qbr states`, expected: s.value, actual: 'not stated in the draft' });
        }
      }
      for (const d of turn.qbr) {
        const where = `${at} qbr ${d.quarter} ${d.audience}`;
        if (d.factsError !== null) by.grounded.push({ field: `${where} facts`, expected: 'facts for the quarter', actual: d.factsError });
        if (!d.toolSaysGrounded) by.grounded.push({ field: `${where} grounded`, expected: true, actual: false });
        if (d.unverified.length > 0) by.grounded.push({ field: `${where} unverified numbers`, expected: [], actual: d.unverified });
        if (d.replyUnverified.length > 0) by.grounded.push({ field: `${at} reply unverified numbers`, expected: [], actual: d.replyUnverified });
      }

      if (turn.changedWithoutApproval.length > 0) {
        by.unchanged.push({ field: `${at} business data`, expected: 'unchanged until a person approves', actual: turn.changedWithoutApproval.join('; ') });
      }
      for (const a of turn.approvals) {
        if (!a.ok) by.data.push({ field: `${at} approval of ${a.proposalId}`, expected: 'applied', actual: a.error });
      }
      if (spec.approve !== undefined && turn.approvals.length === 0) {
        by.data.push({ field: `${at} approval`, expected: 'a proposal to approve', actual: 'none was made' });
      }
    });

    // The data after the conversation.
    const f = o.final;
    if (f.version !== c.after.version) by.data.push({ field: 'data version', expected: c.after.version, actual: f.version });
    if (c.after.pending !== undefined && f.pending !== c.after.pending)
      by.data.push({ field: 'data pending proposals', expected: c.after.pending, actual: f.pending });
    if (c.after.expect) {
      if (f.summary === null) {
        by.data.push({ field: 'data summary', expected: 'a summary', actual: f.summaryError ?? 'none' });
      } else {
        const asCalculation = {
          id: c.id,
          description: c.description,
          rule: 'agent flow',
          document: null,
          query: c.after.query,
          expect: c.after.expect,
          arithmetic: c.arithmetic,
        } as unknown as CalculationCase;
        const scored = scoreCalculation(asCalculation, { kind: 'summary', summary: f.summary, document: f.document, inputUntouched: true });
        for (const x of scored.failures) by.data.push({ ...x, field: `data ${x.field}` });
      }
    }
    if (c.after.history) {
      const rows = f.history.map((h) => ({ ...h }));
      matchSubset(by.data, 'data history', c.after.history, rows);
    }
    if (c.after.milestones) {
      const realization = f.document.scenarios.find((s) => s.kind === 'realization');
      matchSubset(by.data, 'data milestones', c.after.milestones, realization?.milestones ?? []);
    }
  }

  const failures = [...by.tool, ...by.arguments, ...by.data, ...by.unchanged, ...by.grounded];
  const scores: AgentScores = {
    tool: by.tool.length === 0,
    arguments: by.arguments.length === 0,
    data: by.data.length === 0,
    unchanged: by.unchanged.length === 0,
    grounded: hasQbr ? by.grounded.length === 0 : null,
  };
  const dataChangedWithoutApproval = o.turns.some((t) => t.changedWithoutApproval.length > 0 || t.proposals.some((p) => p.status !== 'pending'));
  return { pass: failures.length === 0, failures, dataChangedWithoutApproval, scores };
}
