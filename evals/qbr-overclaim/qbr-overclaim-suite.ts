/**
 * The overclaim suite (issue 12): scripted-model QBR drafts that try to overclaim (assumed value
 * called measured, "ahead" or "proof point" on a use case resting on assumptions, a made-up
 * payback, a number typed by hand or in words, a projection stated as realized, ...) run through
 * the real pipeline, `getOrDraftQbr`, against a fresh in-memory store with the Delta Corp demo
 * imported. None may survive to a saved draft. The cases are `OVERCLAIM_CASES`
 * (`overclaim-cases.ts`), shared with `test/qbr/draft-flow.test.ts`.
 *
 * An attack passes only when the outcome is `refused`, the model was asked twice (the first
 * refusal went back to it), no draft is in the store, and the refusal's message names the
 * problem. A control (a draft that keeps the rules) passes only when it is saved: one draft in
 * the store, holding what the case expects. So the suite fails both ways: a pipeline that saves
 * everything fails the attacks, one that refuses everything fails the controls. Every case must
 * pass (`requireAllPass`).
 */
import { readFileSync } from 'node:fs';
import { MockLanguageModelV3 } from 'ai/test';
import { importCase } from '../../src/proposals/index.ts';
import { factsForQuarter, getOrDraftQbr } from '../../src/qbr/get-or-draft-qbr.ts';
import { writeOfflineQbrTemplate } from '../../src/qbr/index.ts';
import { parseDocument } from '../../src/engine/index.ts';
import { openEvalStore } from '../agent/eval-store.ts';
import type { CaseResult, Failure, Suite } from '../suite.ts';
import { OVERCLAIM_CASES, REFUSED_TWICE, type OverclaimCase } from './overclaim-cases.ts';

export { OVERCLAIM_CASES, type OverclaimCase } from './overclaim-cases.ts';

const CASE_ID = 'delta-corp-support-automation';
const AUDIENCE = 'finance';

/** The demo document as imported. */
export function demoDocumentJson(): unknown {
  return JSON.parse(readFileSync(new URL('../../examples/delta-corp.json', import.meta.url), 'utf8'));
}

/** The quarter's last month (`2026-Q1` -> `2026-03`) and the month after it, when the QBR is written. */
export function quarterMonths(quarter: string): { asOf: string; written: string } {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`quarter '${quarter}' is not YYYY-Qn`);
  const year = Number(m[1]);
  const end = Number(m[2]) * 3;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { asOf: `${year}-${pad(end)}`, written: end === 12 ? `${year + 1}-01` : `${year}-${pad(end + 1)}` };
}

/** The offline writer's draft with references for the demo's quarter (it keeps every rule). */
export function ruleKeepingTemplate(quarter: string): string {
  const doc = parseDocument(demoDocumentJson());
  if (!doc.ok) throw new Error(doc.error.message);
  const facts = factsForQuarter(doc.value, quarter, quarterMonths(quarter).asOf);
  if (!facts.ok) throw new Error(facts.error.message);
  return writeOfflineQbrTemplate(facts.value, AUDIENCE);
}

/** The rule-keeping draft with `sentence` added at the top of its financial summary (`null`: unchanged). */
export function withSentence(template: string, sentence: string | null): string {
  if (sentence === null) return template;
  if (!template.includes('## Financial summary\n')) throw new Error('the draft has no financial summary to add a sentence to');
  return template.replace('## Financial summary\n', `## Financial summary\n\n${sentence}\n`);
}

/** A scripted QBR writer: its n-th call answers `answers[n]` (the last repeated). `calls` counts them. */
export function scriptedWriter(answers: readonly string[]): MockLanguageModelV3 {
  let n = 0;
  return new MockLanguageModelV3({
    provider: 'mock',
    modelId: 'qbr-writer',
    doGenerate: async () => ({
      content: [{ type: 'text', text: answers[Math.min(n++, answers.length - 1)]! }],
      finishReason: { unified: 'stop', raw: undefined },
      usage: {
        inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: 5, text: 5, reasoning: undefined },
      },
      warnings: [],
    }),
  });
}

/** The model's answers of a case, whole drafts. */
export function caseAnswers(c: OverclaimCase): string[] {
  const template = ruleKeepingTemplate(c.quarter);
  return c.answers.map((s) => withSentence(template, s));
}

/** The pipeline a case runs through: `getOrDraftQbr` (a test may pass a broken one to see the suite fail). */
export type QbrPipeline = typeof getOrDraftQbr;

/** Runs one case through the pipeline against a fresh store with the demo imported, and scores it. */
export async function runOverclaimCase(c: OverclaimCase, pipeline: QbrPipeline = getOrDraftQbr): Promise<CaseResult> {
  const { asOf, written } = quarterMonths(c.quarter);
  const t = openEvalStore(written);
  try {
    const imported = importCase(t.ctx, { document: demoDocumentJson(), importedBy: 'admin' });
    if (!imported.ok) throw new Error(`importing the demo: ${imported.error.message}`);
    const model = scriptedWriter(caseAnswers(c));
    const r = await pipeline(t.ctx, { caseId: CASE_ID, quarter: c.quarter, audience: AUDIENCE, asOf, model, requestedBy: 'dana' });
    const saved = t.store.listQbrDrafts({ caseId: CASE_ID });
    return scoreOverclaim(c, {
      outcome: r.ok ? 'saved' : r.error.code,
      message: r.ok ? '' : r.error.message,
      savedDrafts: saved.length,
      savedMarkdown: r.ok ? r.value.draft.markdown : '',
      modelCalls: model.doGenerateCalls.length,
    });
  } finally {
    t.close();
  }
}

/** What a case's run came to. */
export interface OverclaimRun {
  /** `saved`, or the error code (`refused` for a draft that broke the rules twice). */
  outcome: string;
  /** The error's message ('' when saved). */
  message: string;
  /** Drafts in the store after the run. */
  savedDrafts: number;
  /** The saved draft's Markdown ('' when none). */
  savedMarkdown: string;
  modelCalls: number;
}

/** Scores one run: an attack refused (after a retry), nothing saved, the problem named; a control saved. */
export function scoreOverclaim(c: OverclaimCase, run: OverclaimRun): CaseResult {
  const failures: Failure[] = [];
  if (c.kind === 'attack') {
    if (run.outcome !== 'refused') failures.push({ field: 'outcome', expected: 'refused', actual: run.outcome });
    if (run.savedDrafts !== 0) failures.push({ field: 'saved drafts', expected: 0, actual: run.savedDrafts });
    // The first refusal goes back to the model once; the second is final.
    if (run.modelCalls !== 2) failures.push({ field: 'model calls', expected: 2, actual: run.modelCalls });
    if (!run.message.includes(REFUSED_TWICE)) failures.push({ field: 'refusal', expected: REFUSED_TWICE, actual: run.message || '(none)' });
    if (!c.expect.test(run.message)) failures.push({ field: 'refusal names the problem', expected: String(c.expect), actual: run.message || '(none)' });
  } else {
    if (run.outcome !== 'saved') failures.push({ field: 'outcome', expected: 'saved', actual: `${run.outcome}: ${run.message}` });
    if (run.savedDrafts !== 1) failures.push({ field: 'saved drafts', expected: 1, actual: run.savedDrafts });
    const attempts = c.answers.length;
    if (run.modelCalls !== attempts) failures.push({ field: 'model calls', expected: attempts, actual: run.modelCalls });
    if (run.outcome === 'saved' && !c.expect.test(run.savedMarkdown))
      failures.push({ field: 'saved draft', expected: String(c.expect), actual: 'the saved draft does not say it' });
  }
  return {
    pass: failures.length === 0,
    failures,
    outcome: c.kind === 'attack' ? (run.outcome === 'refused' && run.savedDrafts === 0 ? 'refused' : 'SURVIVED') : run.outcome,
    notes: run.message ? [run.message.split('\n').slice(0, 4).join(' | ')] : [],
  };
}

export const qbrOverclaimSuite: Suite<OverclaimCase> = {
  name: 'qbr-overclaim',
  requireAllPass: true,
  cases: () => [...OVERCLAIM_CASES],
  run: (c) => runOverclaimCase(c),
};
