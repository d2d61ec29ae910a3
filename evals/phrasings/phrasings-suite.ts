/**
 * The phrasings suite (`--suite phrasings`, issue 11): at least 150 things busy CSMs and
 * value engineers type, written from the product's user stories alone, each run as a
 * conversation through the agent and scored pass / safe / wrong / miss
 * (`classify-phrasing.ts`). It reuses the agent-flow machinery: `runAgentCase` (a fresh
 * `:memory:` store, a fixed clock, the data imported and its setup approved by an admin,
 * each turn through `runAgentTurn`, nothing changed before approval) and `openModel`.
 *
 * Model: the built-in offline model; `--live` the configured one (`--model NAME` sets
 * `VE_MODEL`). A case passes only as `pass`; the run fails on data changed without
 * approval and on the ratchet (`conclude-phrasings.ts`, offline model only), never on the
 * pass rate alone.
 */
import type { CaseResult, EvalCase, Suite, SuiteOptions } from '../suite.ts';
import type { AgentCase } from '../agent/agent-case.ts';
import { RECORDINGS_DIR } from '../agent/recordings.ts';
import { openModel } from '../agent/models.ts';
import { runAgentCase, type AgentCaseObservation, type RunTurn } from '../agent/run-agent-case.ts';
import { classifyPhrasing, type PhrasingOutcome, type PhrasingTurn } from './classify-phrasing.ts';
import { concludePhrasings, type ScoredPhrasing } from './conclude-phrasings.ts';
import { loadPhrasingBaseline, PHRASING_BASELINE } from './phrasing-baseline.ts';
import { loadPhrasingCases, PHRASING_CASES_DIR, type PhrasingCase } from './phrasing-case.ts';
import { createPhrasingDataLoader, PHRASING_DATA_DIR, type PhrasingData } from './phrasing-data.ts';

/** One entry of the suite: a case and the data set it runs on. */
export interface PhrasingEvalCase extends EvalCase {
  phrasing: PhrasingCase;
  data: PhrasingData;
}

/** Where the suite reads from (tests point these elsewhere). */
export interface PhrasingsSuiteOptions {
  casesDir?: URL;
  dataDir?: URL;
  baseline?: URL;
  env?: NodeJS.ProcessEnv;
  /** Replaces `runAgentTurn` (tests only). */
  runTurn?: RunTurn;
  /** The suite's name (default `phrasings`): another set of cases is scored as its own suite. */
  name?: string;
  /** How the cases and the baseline are named in messages (defaults: the committed ones). */
  casesLabel?: string;
  baselineLabel?: string;
}

const isLive = (flags: SuiteOptions['flags']): boolean => flags['live'] === true || flags['live'] === 'true';

/** The turns as the scorer reads them, from what the agent-flow harness observed. */
export function phrasingTurns(o: AgentCaseObservation): PhrasingTurn[] {
  return o.turns.map((t) => ({ text: t.text, error: t.error, operations: t.proposals.flatMap((p) => p.operations), results: t.results }));
}

/** The harness's case for a phrasing: its turns, its clock, its data set's setup; nothing to approve. */
function asAgentCase(p: PhrasingCase, data: PhrasingData): AgentCase {
  return {
    id: p.id,
    task: 'measurements',
    description: p.turns.join(' / '),
    document: 'demo',
    clock: p.clock ?? data.clock,
    ...(data.setup.length > 0 ? { setup: data.setup } : {}),
    turns: p.turns.map((user) => ({ user })),
    after: { version: 1 },
    arithmetic: ['no figures: the phrasings suite scores the proposals and the reply only'],
  };
}

/** Builds the suite (the registry uses the committed cases, data and baseline). */
export function createPhrasingsSuite(options: PhrasingsSuiteOptions = {}): Suite<PhrasingEvalCase> {
  const baselineUrl = options.baseline ?? PHRASING_BASELINE;
  let baseline: string[] = [];
  const envOf = (flags: SuiteOptions['flags']): NodeJS.ProcessEnv => {
    const env = { ...(options.env ?? process.env) };
    if (typeof flags['model'] === 'string') env.VE_MODEL = flags['model'];
    return env;
  };

  return {
    name: options.name ?? 'phrasings',
    requireAllPass: false,
    async cases() {
      const all = await loadPhrasingCases(options.casesDir ?? PHRASING_CASES_DIR, options.casesLabel);
      const loadData = createPhrasingDataLoader(options.dataDir ?? PHRASING_DATA_DIR);
      const out: PhrasingEvalCase[] = [];
      for (const p of all) {
        let data: PhrasingData;
        try {
          data = await loadData(p.data);
        } catch (e) {
          throw new Error(`${p.file}: case '${p.id}': data '${p.data}': ${(e as Error).message}`);
        }
        out.push({ id: p.id, description: `[${p.intent}] ${p.turns.map((t) => `“${t}”`).join(' → ')}`, phrasing: p, data });
      }
      baseline = await loadPhrasingBaseline(baselineUrl, new Set(all.map((p) => p.id)), options.baselineLabel);
      return out;
    },
    async run(entry, { flags }): Promise<CaseResult> {
      const session = await openModel(isLive(flags) ? 'live' : 'offline', entry.id, { env: envOf(flags), record: false, recordingsDir: RECORDINGS_DIR });
      if ('failure' in session) return { pass: false, failures: [session.failure], outcome: 'miss' };
      let observation: AgentCaseObservation;
      try {
        observation = await runAgentCase(asAgentCase(entry.phrasing, entry.data), {
          model: session.model,
          document: entry.data.document,
          ...(options.runTurn ? { runTurn: options.runTurn } : {}),
        });
      } finally {
        await session.finish();
      }
      if (observation.setupError !== null) {
        return {
          pass: false,
          failures: [{ field: 'setup', expected: 'the data set imports and its setup applies', actual: observation.setupError }],
          outcome: 'miss',
        };
      }
      const score = classifyPhrasing(entry.phrasing.expect, phrasingTurns(observation));
      const failures = score.outcome === 'pass' ? [] : [{ field: 'outcome', expected: 'pass', actual: score.outcome }, ...score.failures];
      return {
        pass: score.outcome === 'pass',
        failures,
        outcome: score.outcome,
        dataChangedWithoutApproval: observation.turns.some((t) => t.changedWithoutApproval.length > 0),
        notes: [
          session.label,
          `data: ${entry.data.name}, clock ${entry.phrasing.clock ?? entry.data.clock}`,
          ...(entry.phrasing.why ? [`why: ${entry.phrasing.why}`] : []),
        ],
      };
    },
    conclude(results, { flags }) {
      const scored: ScoredPhrasing[] = results.map(({ evalCase, result }) => ({
        id: evalCase.id,
        intent: evalCase.phrasing.intent,
        outcome: (result.outcome ?? 'miss') as PhrasingOutcome,
        wrong: result.failures.filter((f) => f.field === 'wrong proposal').map((f) => f.actual),
      }));
      const live = isLive(flags);
      return concludePhrasings(scored, {
        baseline: live ? null : baseline,
        baselineFile: options.baselineLabel ?? 'evals/phrasings/baseline.json',
        model: live ? 'the configured model, live' : 'the offline model',
      });
    },
  };
}

/** The suite over the committed cases, data sets and baseline. */
export const phrasingsSuite: Suite<PhrasingEvalCase> = createPhrasingsSuite();

/**
 * The unseen set of December 2026 (`--suite phrasings-unseen`): 214 phrasings written from the
 * user stories alone before the offline model's rules or the older phrasings were read, on
 * the data sets `unseen-*` (clock December 2026); its own ratchet file.
 */
export const unseenPhrasingsSuite: Suite<PhrasingEvalCase> = createPhrasingsSuite({
  name: 'phrasings-unseen',
  casesDir: new URL('./unseen-2026-12/', import.meta.url),
  casesLabel: 'evals/phrasings/unseen-2026-12',
  baseline: new URL('./unseen-2026-12-baseline.json', import.meta.url),
  baselineLabel: 'evals/phrasings/unseen-2026-12-baseline.json',
});

/**
 * The doc's own examples (`--suite phrasings-doc`): one case per whole example message of
 * docs/offline-model.md "## Phrasings" (`doc-examples.ts` reads them; a test keeps doc and
 * cases in step), expectations worked out by hand on the data sets; its own ratchet file.
 */
export const docPhrasingsSuite: Suite<PhrasingEvalCase> = createPhrasingsSuite({
  name: 'phrasings-doc',
  casesDir: new URL('./doc-2026-12/', import.meta.url),
  casesLabel: 'evals/phrasings/doc-2026-12',
  baseline: new URL('./doc-2026-12-baseline.json', import.meta.url),
  baselineLabel: 'evals/phrasings/doc-2026-12-baseline.json',
});
