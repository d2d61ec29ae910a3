/**
 * The pure scorer of a tool-layer case: each turn's new proposals, model calls, tool results
 * (errors, candidates, warnings, an already-pending proposal, fields absent or present, texts in the output) and reply
 * against the case; the pending proposals at the end; and nothing changed before approval.
 */
import type { Failure } from '../suite.ts';
import type { ToolLayerObservation } from './run-tool-layer-case.ts';
import type { ToolLayerCase } from './tool-layer-case.ts';

/** The scored case. */
export interface ToolLayerScore {
  failures: Failure[];
  dataChangedWithoutApproval: boolean;
}

type Expectation = NonNullable<ToolLayerCase['turns'][number]['expect']['results']>[number];

const lower = (s: string): string => s.toLowerCase();

/** Why a tool output does not match an expectation (empty: it matches). */
function mismatch(output: unknown, e: Expectation): string[] {
  const o = (typeof output === 'object' && output !== null ? output : {}) as Record<string, unknown>;
  const why: string[] = [];
  if (e.error !== undefined && !(typeof o['error'] === 'string' && lower(o['error']).includes(lower(e.error)))) why.push(`error containing '${e.error}'`);
  if (e.candidatesInclude) {
    const candidates = Array.isArray(o['candidates']) ? (o['candidates'] as unknown[]).map((x) => lower(String(x))) : [];
    for (const want of e.candidatesInclude) if (!candidates.some((x) => x.includes(lower(want)))) why.push(`a candidate '${want}'`);
  }
  if (e.warningsInclude) {
    const warnings = Array.isArray(o['warnings']) ? (o['warnings'] as unknown[]).map((x) => lower(String(x))) : [];
    for (const want of e.warningsInclude) if (!warnings.some((x) => x.includes(lower(want)))) why.push(`a warning '${want}'`);
  }
  if (e.alreadyPending && o['alreadyPending'] !== true) why.push('alreadyPending');
  for (const f of e.absent ?? []) if (f in o) why.push(`no '${f}'`);
  for (const f of e.present ?? []) if (!(f in o)) why.push(`a '${f}'`);
  const json = lower(JSON.stringify(output) ?? '');
  for (const t of e.outputIncludes ?? []) if (!json.includes(lower(t))) why.push(`'${t}' in the output`);
  for (const t of e.outputExcludes ?? []) if (json.includes(lower(t))) why.push(`no '${t}' in the output`);
  return why;
}

/** Scores a case's observation. */
export function scoreToolLayerCase(c: ToolLayerCase, o: ToolLayerObservation): ToolLayerScore {
  const failures: Failure[] = [];
  const fail = (field: string, expected: unknown, actual: unknown) => failures.push({ field, expected, actual });
  if (o.agent.setupError) fail('setup', 'no error', o.agent.setupError);
  c.turns.forEach((spec, i) => {
    const t = o.agent.turns[i];
    const where = `turn ${i + 1}`;
    if (!t) return fail(where, 'ran', 'did not run');
    if (t.error) fail(`${where} error`, 'none', t.error);
    const want = spec.expect;
    if ((want.proposals ?? 0) !== t.proposals.length) fail(`${where} proposals`, want.proposals ?? 0, t.proposals.length);
    if (want.modelCalls !== undefined && want.modelCalls !== o.modelCalls[i]) fail(`${where} model calls`, want.modelCalls, o.modelCalls[i]);
    for (const e of want.results ?? []) {
      const ofTool = t.results.filter((r) => r.toolName === e.tool);
      const reasons = ofTool.map((r) => mismatch(r.output, e));
      if (!reasons.some((r) => r.length === 0))
        fail(`${where} ${e.tool} result`, reasons[0]?.join(', ') ?? 'a call', ofTool.length ? JSON.stringify(ofTool[0]!.output).slice(0, 300) : 'not called');
    }
    const text = t.text ?? '';
    if (!text.trim()) fail(`${where} reply`, 'a sentence', 'empty');
    const id = o.latestPending[i] ?? '(no pending proposal)';
    for (const inc of want.reply?.includes ?? []) {
      const needle = inc.replaceAll('{{proposal}}', id);
      if (!text.includes(needle)) fail(`${where} reply`, `includes '${needle}'`, text);
    }
    if (want.reply?.matches && !new RegExp(want.reply.matches.replaceAll('{{proposal}}', id)).test(text))
      fail(`${where} reply`, `matches /${want.reply.matches}/`, text);
    if (t.changedWithoutApproval.length > 0) fail(`${where} business data`, 'unchanged', t.changedWithoutApproval.join('; '));
  });
  if (o.agent.final && o.agent.final.pending !== c.after.pending) fail('after pending', c.after.pending, o.agent.final.pending);
  return { failures, dataChangedWithoutApproval: o.agent.turns.some((t) => t.changedWithoutApproval.length > 0) };
}
