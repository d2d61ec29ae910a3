/**
 * The agent-flow suite (`--suite agent-flow`): every case in `evals/agent/cases/` run
 * through the agent with a model, scored on the right tool, the right arguments, the right
 * data after approval, nothing changed before approval, and grounded QBR numbers.
 *
 * Which model, by flag (exactly one mode per case entry, named in its id):
 *
 * | flags | entries |
 * | --- | --- |
 * | (none) | `<id>` against the offline model, for every case; and `<id>@replay` for every case with a recording |
 * | `--offline` | only `<id>` against the offline model |
 * | `--replay` | only `<id>@replay`, for every case (a case without a recording fails: "not recorded") |
 * | `--live` | only `<id>@live`, against the configured model (`selectModel(process.env)`) |
 * | `--live --record` | the same, through the recording proxy: writes `evals/agent/recordings/<id>.json` |
 *
 * `--model NAME` sets `VE_MODEL` for `--live`. Not `requireAllPass`: a failing case lowers the
 * suite's pass rate; only data changed without approval fails the run.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { EvalCase, Suite, SuiteOptions } from '../suite.ts';
import { AGENT_CASES_DIR, loadAgentCases, type AgentCase } from './agent-case.ts';
import { selectModel } from '../../src/agent/select-model.ts';
import { LIVE_NEEDS_A_MODEL, openModel, type AgentMode } from './models.ts';
import { recordingPath, RECORDINGS_DIR } from './recordings.ts';
import { runAgentCase, type RunTurn } from './run-agent-case.ts';
import { describeScores, scoreAgentCase, type AgentScores } from './score-agent-case.ts';
import { wrongProposals } from './wrong-proposals.ts';

/** One entry of the suite: a case in one mode. */
export interface AgentEvalCase extends EvalCase {
  mode: AgentMode;
  case: AgentCase;
}

/** Where the suite reads from, and what `--live` reads (tests and the fake-upstream recorder point these elsewhere). */
export interface AgentSuiteOptions {
  casesDir?: URL;
  recordingsDir?: URL;
  env?: NodeJS.ProcessEnv;
  /** How new recordings describe their source (default: provider and model id). */
  recordedWith?: string;
  /** Replaces `runAgentTurn` (tests only: e.g. a turn with an extra, cheating tool). */
  runTurn?: RunTurn;
  /** Called with each scored case (the report keeps only pass/failures/notes). */
  onScored?: (id: string, scores: AgentScores) => void;
}

function modeFlags(flags: SuiteOptions['flags']): { live: boolean; record: boolean; replay: boolean; offline: boolean } {
  const on = (name: string): boolean => flags[name] === true || flags[name] === 'true';
  const f = { live: on('live'), record: on('record'), replay: on('replay'), offline: on('offline') };
  if (f.record && !f.live) throw new Error('--record needs --live (it records the configured model through the recording proxy)');
  if ([f.live, f.replay, f.offline].filter(Boolean).length > 1) throw new Error('choose one of --offline, --replay, --live');
  return f;
}

/** Builds the suite (the registry uses the committed cases and recordings). */
export function createAgentSuite(options: AgentSuiteOptions = {}): Suite<AgentEvalCase> {
  const casesDir = options.casesDir ?? AGENT_CASES_DIR;
  const recordingsDir = options.recordingsDir ?? RECORDINGS_DIR;
  const envOf = (flags: SuiteOptions['flags']): NodeJS.ProcessEnv => {
    const env = { ...(options.env ?? process.env) };
    if (typeof flags['model'] === 'string') env.VE_MODEL = flags['model'];
    return env;
  };

  return {
    name: 'agent-flow',
    requireAllPass: false,
    async cases({ flags }) {
      const f = modeFlags(flags);
      const all = await loadAgentCases(casesDir);
      // A recording without its case is stale: say so rather than keep it silently.
      const ids = new Set(all.map((c) => c.id));
      const dir = fileURLToPath(recordingsDir);
      if (existsSync(dir)) {
        for (const file of (await readdir(dir)).filter((x) => x.endsWith('.json'))) {
          if (!ids.has(file.slice(0, -5)))
            throw new Error(`evals/agent/recordings/${file}: no case '${file.slice(0, -5)}' (delete the recording or restore the case)`);
        }
      }
      const entry = (c: AgentCase, mode: AgentMode): AgentEvalCase => ({
        id: mode === 'offline' ? c.id : `${c.id}@${mode}`,
        description: c.description,
        mode,
        case: c,
      });
      if (f.live) {
        if (selectModel(envOf(flags)).provider === 'offline') throw new Error(LIVE_NEEDS_A_MODEL);
        return all.map((c) => entry(c, 'live'));
      }
      const out: AgentEvalCase[] = [];
      if (!f.replay) out.push(...all.map((c) => entry(c, 'offline')));
      if (!f.offline) out.push(...all.filter((c) => f.replay || existsSync(recordingPath(c.id, recordingsDir))).map((c) => entry(c, 'replay')));
      return out;
    },
    async run(entry, { flags }) {
      const f = modeFlags(flags);
      const session = await openModel(entry.mode, entry.case.id, {
        env: envOf(flags),
        record: f.record,
        recordingsDir,
        ...(options.recordedWith ? { recordedWith: options.recordedWith } : {}),
      });
      if ('failure' in session) return { pass: false, failures: [session.failure], notes: [`mode: ${entry.mode}`] };
      let observation: Awaited<ReturnType<typeof runAgentCase>>;
      let finished: Awaited<ReturnType<typeof session.finish>>;
      try {
        observation = await runAgentCase(entry.case, { model: session.model, ...(options.runTurn ? { runTurn: options.runTurn } : {}) });
      } finally {
        finished = await session.finish();
      }
      const scored = scoreAgentCase(entry.case, observation);
      options.onScored?.(entry.id, scored.scores);
      const failures = [...finished.failures, ...scored.failures, ...wrongProposals(entry.case, observation)];
      return {
        pass: failures.length === 0,
        failures,
        dataChangedWithoutApproval: scored.dataChangedWithoutApproval === true,
        notes: [session.label, describeScores(scored.scores), ...finished.notes],
      };
    },
    // A wrong proposal (`wrong-proposals.ts`) fails the run, whatever the pass rate.
    conclude(results) {
      const wrong = results.filter(({ result }) => result.failures.some((f) => f.field === 'wrong proposal'));
      return {
        lines: [`Wrong proposals: ${wrong.length === 0 ? 'none' : wrong.map(({ evalCase }) => evalCase.id).join(', ')}`],
        problems: wrong.map(({ evalCase }) => `${evalCase.id} made a wrong proposal (an operation its turn does not expect): fix it`),
      };
    },
  };
}

/** The suite over the committed cases and recordings. */
export const agentSuite: Suite<AgentEvalCase> = createAgentSuite();
